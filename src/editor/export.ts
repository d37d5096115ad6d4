// Drawings and levels in the spec's wire format (chart-analysis-api.md §3.6, §3.9). The editor
// may not import src/schema, so this small formatter writes the same shapes: ISO times with `Z`,
// whole seconds without a fraction, otherwise milliseconds.
import type { Levels, LevelName } from '../core/analysis';
import { LEVEL_NAMES } from '../core/analysis';
import type { ChartPoint, Drawing, DrawingStyle, LineHead } from '../core/drawing';
import { assertNever } from '../core/drawing';
import { isoTime } from '../core/format';

/** A coordinate on the wire. */
export interface WirePoint {
  readonly time: string;
  readonly price: number;
}

/** A drawing on the wire (request shape: no server `id`). */
export type WireDrawing =
  | WireBase<'HORIZONTAL_LINE'>
  | (WireBase<'LINE'> & {
      readonly startHead: LineHead;
      readonly endHead: LineHead;
      readonly extendLeft: boolean;
      readonly extendRight: boolean;
    })
  | WireBase<'RECTANGLE'>
  | (WireBase<'PARALLEL'> & {
      readonly extendLeft: boolean;
      readonly extendRight: boolean;
      readonly showMidline: boolean;
    })
  | (WireBase<'FIBONACCI_RETRACEMENT'> & {
      readonly levels: readonly number[];
      readonly extendRight: boolean;
    });

interface WireBase<T extends string> {
  readonly type: T;
  readonly clientObjectId: string;
  readonly points: readonly WirePoint[];
  readonly style?: DrawingStyle;
}

/** A level on the wire. */
export interface WireLevel {
  readonly price: number;
  readonly clientObjectId: string;
  readonly time: string;
}

/** ISO time of the wire (re-exported from core for the editor's public surface). */
export { isoTime };

function wirePoints(points: readonly ChartPoint[]): WirePoint[] {
  return points.map((p) => ({ time: isoTime(p.time), price: p.price }));
}

function withStyle<T extends object>(base: T, style: DrawingStyle): T & { style?: DrawingStyle } {
  // The spec keeps the sender's keys only; an empty style says nothing, so it is left out.
  return Object.keys(style).length ? { ...base, style: { ...style } } : base;
}

/** One drawing in the wire format, keys in the order of the spec's examples. */
export function toWireDrawing(d: Drawing): WireDrawing {
  const head = { clientObjectId: d.id, points: wirePoints(d.points) };
  switch (d.kind) {
    case 'HORIZONTAL_LINE':
    case 'RECTANGLE':
      return withStyle({ type: d.kind, ...head }, d.style);
    case 'LINE':
      return withStyle(
        {
          type: d.kind,
          ...head,
          startHead: d.startHead,
          endHead: d.endHead,
          extendLeft: d.extendLeft,
          extendRight: d.extendRight,
        },
        d.style,
      );
    case 'PARALLEL':
      return withStyle(
        {
          type: d.kind,
          ...head,
          extendLeft: d.extendLeft,
          extendRight: d.extendRight,
          showMidline: d.showMidline,
        },
        d.style,
      );
    case 'FIBONACCI_RETRACEMENT':
      return withStyle({ type: d.kind, ...head, levels: [...d.levels], extendRight: d.extendRight }, d.style);
    default:
      return assertNever(d, 'drawing kind');
  }
}

/** All drawings in paint order, in the wire format. */
export function toWireDrawings(drawings: readonly Drawing[]): WireDrawing[] {
  return drawings.map(toWireDrawing);
}

/** The levels present, in the wire format. */
export function toWireLevels(levels: Levels): { [N in LevelName]?: WireLevel } {
  const out: { [N in LevelName]?: WireLevel } = {};
  for (const name of LEVEL_NAMES) {
    const l = levels[name];
    if (l) out[name] = { price: l.price, clientObjectId: l.id, time: isoTime(l.time) };
  }
  return out;
}
