// Parts every drawing kind shares (spec §3.7–§3.9).
import { z } from '../zod-mini';
import { type DrawingKind, POINT_COUNT } from '../../core/drawing';
import { LINE_WIDTH_MAX, LINE_WIDTH_MIN } from '../limits';
import { Colour, Price, Time } from '../primitives';

/** A point on the wire: `{ time, price }`. */
export const Coordinate = z.strictObject({ time: Time, price: Price });
/** Wire type of a Coordinate. */
export type Coordinate = z.infer<typeof Coordinate>;

/** Stroke pattern on the wire. */
export const LineStyle = z.enum(['SOLID', 'DASHED', 'DOTTED']);
/** Decoration at a LINE end on the wire. */
export const LineHead = z.enum(['NONE', 'ARROW']);

/** Style of a drawing; every key optional, unknown keys rejected. */
export const DrawingStyle = z.strictObject({
  color: z.optional(Colour),
  lineWidth: z.optional(
    z
      .number()
      .check(z.gte(LINE_WIDTH_MIN, `must be at least ${LINE_WIDTH_MIN}`))
      .check(z.lte(LINE_WIDTH_MAX, `must be at most ${LINE_WIDTH_MAX}`)),
  ),
  lineStyle: z.optional(LineStyle),
  fillColor: z.optional(Colour),
  borderColor: z.optional(Colour),
});
/** Wire type of a DrawingStyle. */
export type DrawingStyle = z.infer<typeof DrawingStyle>;

/** The `points` array of kind K, with its exact count and a message naming the kind. */
export function pointsOf<K extends DrawingKind>(kind: K) {
  const n = POINT_COUNT[kind];
  return z.array(Coordinate).check(z.length(n, `${kind} needs exactly ${n} point${n === 1 ? '' : 's'}`));
}
