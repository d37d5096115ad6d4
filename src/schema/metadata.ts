// AnalysisMetadata and Expiry on the wire (spec §3.4, §3.5), and the update form of metadata.
import { z } from './zod-mini';
import { TIMEFRAMES } from '../core/analysis';
import { IMMUTABLE_METADATA_FIELDS, UPDATABLE_METADATA_FIELDS } from '../core/wire/fields';
import { pushIssue } from './issues';
import {
  ALTERNATIVE_TEXT_MAX,
  COMMENTS_MAX,
  EXPIRY_HOURS_MAX,
  EXPIRY_HOURS_MIN,
  PREFERENCE_TEXT_MAX,
  TITLE_MAX,
  TITLE_MIN,
} from './limits';
import { InstrumentSymbol, Time, text } from './primitives';

/** Trade direction. */
export const Direction = z.enum(['BULLISH', 'BEARISH']);
/** Where the entry sits relative to the current price. */
export const EntryPlacement = z.enum(['ABOVE_CURRENT', 'BELOW_CURRENT']);
/** Chart timeframe. */
export const Timeframe = z.enum(TIMEFRAMES);

/** Expiry after a whole number of hours (1–8,760) counted from creation. */
export const HoursExpiry = z.strictObject({
  type: z.literal('HOURS'),
  hours: z
    .int('must be a whole number of hours')
    .check(z.gte(EXPIRY_HOURS_MIN, `must be at least ${EXPIRY_HOURS_MIN}`))
    .check(z.lte(EXPIRY_HOURS_MAX, `must be at most ${EXPIRY_HOURS_MAX}`)),
});
/** Expiry at a fixed instant (the server checks that it is later than the creation time). */
export const DateExpiry = z.strictObject({ type: z.literal('DATE'), date: Time });
/** When an analysis expires: `HOURS` or `DATE`. */
export const Expiry = z.discriminatedUnion('type', [HoursExpiry, DateExpiry]);
/** Wire type of an Expiry. */
export type Expiry = z.infer<typeof Expiry>;

const Title = text(TITLE_MAX, TITLE_MIN);
const PreferenceText = text(PREFERENCE_TEXT_MAX);
const AlternativeText = text(ALTERNATIVE_TEXT_MAX);
const Comments = text(COMMENTS_MAX);

/** The descriptive fields of an analysis. */
export const AnalysisMetadata = z.strictObject({
  direction: Direction,
  entryPlacement: EntryPlacement,
  expiry: z.optional(Expiry),
  title: Title,
  preferenceText: z.optional(PreferenceText),
  alternativeText: z.optional(AlternativeText),
  comments: z.optional(Comments),
  timeframe: Timeframe,
  symbol: InstrumentSymbol,
});
/** Wire type of AnalysisMetadata. */
export type AnalysisMetadata = z.infer<typeof AnalysisMetadata>;

/** The updatable and the immutable metadata fields (spec §2.4), named once in core/wire. */
export { IMMUTABLE_METADATA_FIELDS, UPDATABLE_METADATA_FIELDS };

// Present-but-forbidden: any value is an `immutable_field` issue at the field's own path.
const Immutable = z.optional(
  z
    .unknown()
    .check((payload) => pushIssue(payload, 'immutable_field', 'cannot be changed after creation'))
    .register(z.globalRegistry, {
      not: {},
      description: 'Fixed at creation; sending it is a 400 immutable_field.',
    }),
);

/** Metadata in an update: any updatable field; `null` clears expiry or an optional text. */
export const MetadataPatch = z.strictObject({
  title: z.optional(Title),
  preferenceText: z.optional(z.nullable(PreferenceText)),
  alternativeText: z.optional(z.nullable(AlternativeText)),
  comments: z.optional(z.nullable(Comments)),
  expiry: z.optional(z.nullable(Expiry)),
  direction: Immutable,
  entryPlacement: Immutable,
  symbol: Immutable,
  timeframe: Immutable,
});
/** Wire type of MetadataPatch. */
export type MetadataPatch = z.infer<typeof MetadataPatch>;
