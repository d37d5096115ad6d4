// The Drawing union on `type` (spec §3.9), as sent by clients and, with `id`, as stored.
import { z } from '../zod-mini';
import { ObjectId } from '../primitives';
import { FibonacciRetracementDrawing } from './fibonacci-retracement';
import { HorizontalLineDrawing } from './horizontal-line';
import { LineDrawing } from './line';
import { ParallelDrawing } from './parallel';
import { RectangleDrawing } from './rectangle';

/** Any drawing as sent by clients, discriminated on `type`. */
export const Drawing = z.discriminatedUnion('type', [
  HorizontalLineDrawing,
  LineDrawing,
  RectangleDrawing,
  ParallelDrawing,
  FibonacciRetracementDrawing,
]);
/** Wire type of a Drawing. */
export type Drawing = z.infer<typeof Drawing>;

const withId = { id: ObjectId };

/** A drawing in responses: the request shape plus the persisted `id`. */
export const StoredDrawing = z.discriminatedUnion('type', [
  z.extend(HorizontalLineDrawing, withId),
  z.extend(LineDrawing, withId),
  z.extend(RectangleDrawing, withId),
  z.extend(ParallelDrawing, withId),
  z.extend(FibonacciRetracementDrawing, withId),
]);
/** Wire type of a StoredDrawing. */
export type StoredDrawing = z.infer<typeof StoredDrawing>;

/**
 * A drawing with or without its persisted `id`.
 * @deprecated write `Drawing | StoredDrawing`: in chartmark/core and chartmark/editor `WireDrawing`
 * names the request shape alone, so this name means two things across the package.
 */
export type WireDrawing = Drawing | StoredDrawing;
