// FIBONACCI_RETRACEMENT on the wire (spec §3.9): swing start and end, 1–24 distinct ratios in [-5, 5].
import { z } from '../zod-mini';
import { FIB_LEVELS_MAX, FIB_LEVELS_MIN, FIB_RATIO_MAX, FIB_RATIO_MIN } from '../limits';
import { ClientObjectId } from '../primitives';
import { DrawingStyle, pointsOf } from './common';

// At most 24 ratios: a quadratic scan allocates nothing, unlike a Set per drawing.
function checkDistinct(payload: z.core.ParsePayload<number[]>): void {
  const levels = payload.value;
  for (let i = 1; i < levels.length; i++) {
    const ratio = levels[i]!;
    for (let j = 0; j < i; j++) {
      if (levels[j] !== ratio) continue;
      payload.issues.push({
        code: 'custom',
        message: `levels must be distinct: ${ratio} appears more than once`,
        input: ratio,
        path: [i],
      });
      break;
    }
  }
}

/** Fibonacci ratios: 1–24 distinct finite numbers in [-5, 5]. */
export const FibonacciLevels = z
  .array(
    z
      .number()
      .check(z.gte(FIB_RATIO_MIN, `must be at least ${FIB_RATIO_MIN}`))
      .check(z.lte(FIB_RATIO_MAX, `must be at most ${FIB_RATIO_MAX}`)),
  )
  .check(z.minLength(FIB_LEVELS_MIN, `needs at least ${FIB_LEVELS_MIN} level`))
  .check(z.maxLength(FIB_LEVELS_MAX, `allows at most ${FIB_LEVELS_MAX} levels`))
  .check(checkDistinct);

/** A Fibonacci retracement drawing as sent by clients. */
export const FibonacciRetracementDrawing = z.strictObject({
  type: z.literal('FIBONACCI_RETRACEMENT'),
  clientObjectId: ClientObjectId,
  points: pointsOf('FIBONACCI_RETRACEMENT'),
  style: z.optional(DrawingStyle),
  levels: z.optional(FibonacciLevels),
  extendRight: z.optional(z.boolean()),
});
/** Wire type of a FibonacciRetracementDrawing. */
export type FibonacciRetracementDrawing = z.infer<typeof FibonacciRetracementDrawing>;
