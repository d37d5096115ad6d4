// PARALLEL on the wire (spec §3.9): base line through points 0 and 1, the parallel through point 2.
import { z } from 'zod';
import { ClientObjectId } from '../primitives';
import { DrawingStyle, pointsOf } from './common';

/** A parallel channel drawing as sent by clients. */
export const ParallelDrawing = z.strictObject({
  type: z.literal('PARALLEL'),
  clientObjectId: ClientObjectId,
  points: pointsOf('PARALLEL'),
  style: DrawingStyle.optional(),
  extendLeft: z.boolean().optional(),
  extendRight: z.boolean().optional(),
  showMidline: z.boolean().optional(),
});
/** Wire type of a ParallelDrawing. */
export type ParallelDrawing = z.infer<typeof ParallelDrawing>;
