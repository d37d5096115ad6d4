// LINE on the wire (spec §3.9): two points, optional arrow heads and extensions.
import { z } from 'zod';
import { ClientObjectId } from '../primitives';
import { DrawingStyle, LineHead, pointsOf } from './common';

/** A trend line drawing as sent by clients. */
export const LineDrawing = z.strictObject({
  type: z.literal('LINE'),
  clientObjectId: ClientObjectId,
  points: pointsOf('LINE'),
  style: DrawingStyle.optional(),
  startHead: LineHead.optional(),
  endHead: LineHead.optional(),
  extendLeft: z.boolean().optional(),
  extendRight: z.boolean().optional(),
});
/** Wire type of a LineDrawing. */
export type LineDrawing = z.infer<typeof LineDrawing>;
