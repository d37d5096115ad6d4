// Response bodies (spec §2, §3.10, §3.11) and the list query. Responses are produced by our own
// server, so these schemas serve clients that check what they receive, tests and the OpenAPI file.
import { z } from './zod-mini';
import { REFERENCE_FIELDS, UPDATED_FIELDS } from '../core/wire/fields';
import { StoredDrawing } from './drawings/drawing';
import { StoredLevels } from './levels';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, PAGE_SIZE_MIN } from './limits';
import { AnalysisMetadata, Direction, EntryPlacement, Timeframe } from './metadata';
import { ClientObjectId, InstrumentSymbol, ObjectId, Sender, Time } from './primitives';

/** Derived from direction and entry placement; computed by the server. */
export const AnalysisType = z.enum([
  'bullish_breakout',
  'bullish_bounce',
  'bearish_bounce',
  'bearish_breakout',
]);
/** Wire type of an AnalysisType. */
export type AnalysisType = z.infer<typeof AnalysisType>;
/** ACTIVE until now ≥ expiresAt. */
export const AnalysisStatus = z.enum(['ACTIVE', 'EXPIRED']);
/** Wire type of an AnalysisStatus. */
export type AnalysisStatus = z.infer<typeof AnalysisStatus>;

/** One resolved `[[key:text]]` reference, remapped to the target's persisted id. */
export const Link = z.strictObject({
  field: z.enum(REFERENCE_FIELDS),
  key: ClientObjectId,
  text: z.string(),
  targetType: z.enum(['DRAWING', 'LEVEL']),
  targetId: ObjectId,
});
/** Wire type of a Link. */
export type Link = z.infer<typeof Link>;

const Version = z.int().check(z.gte(1));

/** A whole analysis as the server returns it. */
export const AnalysisDetail = z.strictObject({
  id: ObjectId,
  communityId: ObjectId,
  channelId: ObjectId,
  sender: Sender,
  analysisType: AnalysisType,
  status: AnalysisStatus,
  metadata: AnalysisMetadata,
  levels: StoredLevels,
  drawings: z.array(StoredDrawing),
  links: z.array(Link),
  expiresAt: z.nullable(Time),
  createdAt: Time,
  updatedAt: Time,
  version: Version,
});
/** Wire type of an AnalysisDetail. */
export type AnalysisDetail = z.infer<typeof AnalysisDetail>;

/** One analysis in a list. */
export const AnalysisSummary = z.strictObject({
  id: ObjectId,
  communityId: ObjectId,
  channelId: ObjectId,
  sender: Sender,
  analysisType: AnalysisType,
  status: AnalysisStatus,
  title: z.string(),
  symbol: InstrumentSymbol,
  timeframe: Timeframe,
  direction: Direction,
  entryPlacement: EntryPlacement,
  drawingCount: z.int().check(z.gte(0)),
  expiresAt: z.nullable(Time),
  createdAt: Time,
  updatedAt: Time,
  version: Version,
});
/** Wire type of an AnalysisSummary. */
export type AnalysisSummary = z.infer<typeof AnalysisSummary>;

function success<T extends z.ZodMiniType>(data: T) {
  return z.strictObject({ status: z.literal('success'), message: z.string(), data });
}

/** 201 of Create Analysis. */
export const CreateAnalysisResponse = success(AnalysisDetail);
/** Wire type of a CreateAnalysisResponse. */
export type CreateAnalysisResponse = z.infer<typeof CreateAnalysisResponse>;

/** 200 of Get Analysis. */
export const GetAnalysisResponse = success(AnalysisDetail);
/** Wire type of a GetAnalysisResponse. */
export type GetAnalysisResponse = z.infer<typeof GetAnalysisResponse>;

/** Bare names an update may report as changed. */
export const UpdatedField = z.enum(UPDATED_FIELDS);

/** 200 of Update Analysis. `version` is ours; the documented example has none, so it is optional here. */
export const UpdateAnalysisResponse = success(
  z.strictObject({
    analysisId: ObjectId,
    updatedFields: z.array(UpdatedField),
    version: z.optional(Version),
  }),
);
/** Wire type of an UpdateAnalysisResponse. */
export type UpdateAnalysisResponse = z.infer<typeof UpdateAnalysisResponse>;

/** 200 of Append Drawings. */
export const AppendDrawingsResponse = success(
  z.strictObject({
    analysisId: ObjectId,
    drawings: z.array(z.strictObject({ id: ObjectId, clientObjectId: ClientObjectId })),
    totalDrawings: z.int().check(z.gte(0)),
    version: Version,
  }),
);
/** Wire type of an AppendDrawingsResponse. */
export type AppendDrawingsResponse = z.infer<typeof AppendDrawingsResponse>;

/** 200 of Delete Analysis. */
export const DeleteAnalysisResponse = success(z.strictObject({ analysisId: ObjectId }));
/** Wire type of a DeleteAnalysisResponse. */
export type DeleteAnalysisResponse = z.infer<typeof DeleteAnalysisResponse>;

/** 200 of List Analyses. */
export const ListAnalysesResponse = success(
  z.strictObject({
    total: z.int().check(z.gte(0)),
    page: z.int().check(z.gte(1)),
    limit: z.int().check(z.gte(PAGE_SIZE_MIN)).check(z.lte(PAGE_SIZE_MAX)),
    analyses: z.array(AnalysisSummary),
  }),
);
/** Wire type of a ListAnalysesResponse. */
export type ListAnalysesResponse = z.infer<typeof ListAnalysesResponse>;

const QueryInt = (min: number, max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^[0-9]{1,9}$/, 'expected a whole number')), z.transform(Number)),
    z
      .int()
      .check(z.gte(min, `must be at least ${min}`))
      .check(z.lte(max, `must be at most ${max}`)),
  );

/** Query of List Analyses (strings in, numbers out); unknown keys are rejected. */
export const ListAnalysesQuery = z.strictObject({
  page: z._default(QueryInt(1, 1_000_000_000), 1),
  limit: z._default(QueryInt(PAGE_SIZE_MIN, PAGE_SIZE_MAX), PAGE_SIZE_DEFAULT),
  symbol: z.optional(InstrumentSymbol),
  direction: z.optional(Direction),
  status: z.optional(AnalysisStatus),
  sender: z.optional(Sender),
});
/** Parsed List Analyses query. */
export type ListAnalysesQuery = z.infer<typeof ListAnalysesQuery>;
