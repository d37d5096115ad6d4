// PARALLEL on the wire (spec §3.9): base line through points 0 and 1, the parallel through point 2.
import { z } from '../zod-mini';
import { ClientObjectId } from '../primitives';
import { DrawingStyle, pointsOf } from './common';

/** A parallel channel drawing as sent by clients. */
export const ParallelDrawing = z.strictObject({
  type: z.literal('PARALLEL'),
  clientObjectId: ClientObjectId,
  points: pointsOf('PARALLEL'),
  style: z.optional(DrawingStyle),
  extendLeft: z.optional(z.boolean()),
  extendRight: z.optional(z.boolean()),
  showMidline: z.optional(z.boolean()),
});
/** Wire type of a ParallelDrawing. */
export type ParallelDrawing = z.infer<typeof ParallelDrawing>;
