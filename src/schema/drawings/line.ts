// LINE on the wire (spec §3.9): two points, optional arrow heads and extensions.
import { z } from '../zod-mini';
import { ClientObjectId } from '../primitives';
import { DrawingStyle, LineHead, pointsOf } from './common';

/** A trend line drawing as sent by clients. */
export const LineDrawing = z.strictObject({
  type: z.literal('LINE'),
  clientObjectId: ClientObjectId,
  points: pointsOf('LINE'),
  style: z.optional(DrawingStyle),
  startHead: z.optional(LineHead),
  endHead: z.optional(LineHead),
  extendLeft: z.optional(z.boolean()),
  extendRight: z.optional(z.boolean()),
});
/** Wire type of a LineDrawing. */
export type LineDrawing = z.infer<typeof LineDrawing>;
