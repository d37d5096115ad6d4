// Drawings and levels in the spec's wire format (chart-analysis-api.md §3.6, §3.9), through
// core/wire: request form (no server ids), every option explicit, an empty style left out.
import type { Levels } from '../core/analysis';
import type { Drawing } from '../core/drawing';
import { requestLevelsToWire } from '../core/wire/analysis';
import { requestDrawingToWire } from '../core/wire/drawing';
import type {
  WireCoordinate,
  WireDrawing as CoreWireDrawing,
  WireLevelEntry,
  WireLevels,
} from '../core/wire/types';

/** A coordinate on the wire (core/wire's WireCoordinate). */
export type WirePoint = WireCoordinate;
/** A drawing on the wire, request shape: no server `id` (core/wire's WireDrawing). */
export type WireDrawing = CoreWireDrawing;
/** A level on the wire (core/wire's WireLevelEntry). */
export type WireLevel = WireLevelEntry;

/** ISO time of the wire (re-exported from core for the editor's public surface). */
export { isoTime } from '../core/wire/time';

/** One drawing in the wire format, keys in the order of the spec's examples. */
export const toWireDrawing: (d: Drawing) => WireDrawing = requestDrawingToWire;

/** All drawings in paint order, in the wire format. */
export function toWireDrawings(drawings: readonly Drawing[]): WireDrawing[] {
  return drawings.map(requestDrawingToWire);
}

/** The levels present, in the wire format. */
export const toWireLevels: (levels: Levels) => WireLevels = requestLevelsToWire;
