// HORIZONTAL_LINE on the wire (spec §3.9): one point — its price is the line, its time the label.
import { z } from '../zod-mini';
import { ClientObjectId } from '../primitives';
import { DrawingStyle, pointsOf } from './common';

/** A horizontal line drawing as sent by clients. */
export const HorizontalLineDrawing = z.strictObject({
  type: z.literal('HORIZONTAL_LINE'),
  clientObjectId: ClientObjectId,
  points: pointsOf('HORIZONTAL_LINE'),
  style: z.optional(DrawingStyle),
});
/** Wire type of a HorizontalLineDrawing. */
export type HorizontalLineDrawing = z.infer<typeof HorizontalLineDrawing>;
