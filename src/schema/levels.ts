// Levels on the wire (spec §3.6): optional support / pivot / resistance, strictly ascending.
import { z } from './zod-mini';
import { LEVEL_NAMES, type LevelName } from '../core/analysis';
import { checkLevelOrder, type LevelPrices } from '../core/levels';
import { isRecord, pushIssue } from './issues';
import { ClientObjectId, ObjectId, Price, Time } from './primitives';

/** One key level: price, clientObjectId and the time where its label sits. */
export const LevelEntry = z.strictObject({ price: Price, clientObjectId: ClientObjectId, time: Time });
/** Wire type of a LevelEntry. */
export type LevelEntry = z.infer<typeof LevelEntry>;

/** A level in responses: the request shape plus the persisted `id`. */
export const StoredLevelEntry = z.extend(LevelEntry, { id: ObjectId });
/** Wire type of a StoredLevelEntry. */
export type StoredLevelEntry = z.infer<typeof StoredLevelEntry>;

/** Picks the levels whose price is a number, so the order check also runs beside other issues. */
function pricedLevels(value: unknown): LevelPrices {
  const out: { [N in LevelName]?: { price: number } } = {};
  if (!isRecord(value)) return out;
  for (const name of LEVEL_NAMES) {
    const level = value[name];
    if (isRecord(level) && typeof level.price === 'number') out[name] = { price: level.price };
  }
  return out;
}

/** Issue `level_order` at `[<later level>, 'price']` when support < pivot < resistance breaks. */
export const levelOrderCheck = z.superRefine(
  (value: unknown, ctx) => {
    const levels = pricedLevels(value);
    const violation = checkLevelOrder(levels);
    if (violation === null) return;
    const below = levels[violation.previous]!.price;
    pushIssue(ctx, 'level_order', `must be above ${violation.previous} (${below})`, [
      violation.level,
      'price',
    ]);
  },
  { when: () => true },
);

/** Levels of a create request or a stored analysis: each optional, in ascending price order. */
export const Levels = z
  .strictObject({
    support: z.optional(LevelEntry),
    pivot: z.optional(LevelEntry),
    resistance: z.optional(LevelEntry),
  })
  .check(levelOrderCheck);
/** Wire type of Levels. */
export type Levels = z.infer<typeof Levels>;

/** Levels in responses, each with its persisted `id`. */
export const StoredLevels = z
  .strictObject({
    support: z.optional(StoredLevelEntry),
    pivot: z.optional(StoredLevelEntry),
    resistance: z.optional(StoredLevelEntry),
  })
  .check(levelOrderCheck);
/** Wire type of StoredLevels. */
export type StoredLevels = z.infer<typeof StoredLevels>;

/** Levels in an update: a LevelEntry replaces, `null` removes, absent keeps (order checked on given ones). */
export const LevelsPatch = z
  .strictObject({
    support: z.optional(z.nullable(LevelEntry)),
    pivot: z.optional(z.nullable(LevelEntry)),
    resistance: z.optional(z.nullable(LevelEntry)),
  })
  .check(levelOrderCheck);
/** Wire type of LevelsPatch. */
export type LevelsPatch = z.infer<typeof LevelsPatch>;
