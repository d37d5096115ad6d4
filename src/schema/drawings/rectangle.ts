// RECTANGLE on the wire (spec §3.9): two opposite corners in any order.
import { z } from '../zod-mini';
import { ClientObjectId } from '../primitives';
import { DrawingStyle, pointsOf } from './common';

/** A rectangle drawing as sent by clients. */
export const RectangleDrawing = z.strictObject({
  type: z.literal('RECTANGLE'),
  clientObjectId: ClientObjectId,
  points: pointsOf('RECTANGLE'),
  style: z.optional(DrawingStyle),
});
/** Wire type of a RectangleDrawing. */
export type RectangleDrawing = z.infer<typeof RectangleDrawing>;
