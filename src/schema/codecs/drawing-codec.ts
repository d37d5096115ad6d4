// Wire drawings ↔ core drawings: core/wire's converters (the wire types here are the schema's).
import type { Drawing, StoredDrawing } from '../drawings/drawing';

export { drawingFromWire, drawingToWire, pointFromWire, pointToWire } from '../../core/wire/drawing';
export { timeFromWire } from '../../core/wire/time';

/** A wire drawing with or without its persisted `id`. */
export type WireDrawing = Drawing | StoredDrawing;
