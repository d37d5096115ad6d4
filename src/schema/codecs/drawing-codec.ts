// Wire drawings ↔ core drawings. Wire → domain fills every default (spec §3.9) so the engine never
// sees an absent option; domain → wire writes them all, so a round trip is exact.
import {
  type ChartPoint,
  DEFAULT_FIB_LEVELS,
  type Drawing as DomainDrawing,
  type DrawingStyle as DomainStyle,
} from '../../core/drawing';
import { assertNever } from '../../core/drawing';
import { price } from '../../core/units';
import type { Coordinate, DrawingStyle } from '../drawings/common';
import type { Drawing, StoredDrawing } from '../drawings/drawing';
import { formatTime, parseTime } from '../time';

/** A wire drawing with or without its persisted `id`. */
export type WireDrawing = Drawing | StoredDrawing;

/** Wire time → UTC seconds; throws on text that did not pass the `Time` schema. */
export function timeFromWire(time: string) {
  const seconds = parseTime(time);
  if (seconds === null) throw new RangeError(`time: not a valid wire time: ${JSON.stringify(time)}`);
  return seconds;
}

/** Wire coordinate → chart point. */
export function pointFromWire(c: Coordinate): ChartPoint {
  return { time: timeFromWire(c.time), price: price(c.price) };
}

/** Chart point → wire coordinate. */
export function pointToWire(p: ChartPoint): Coordinate {
  return { time: formatTime(p.time), price: p.price };
}

function styleFromWire(style: DrawingStyle | undefined): DomainStyle {
  return style ? { ...style } : {};
}

/** A wire drawing (already validated) → core drawing with every default filled. */
export function drawingFromWire(w: WireDrawing): DomainDrawing {
  const base = {
    id: w.clientObjectId,
    ...('id' in w ? { persistedId: w.id } : {}),
    style: styleFromWire(w.style),
  };
  switch (w.type) {
    case 'HORIZONTAL_LINE':
      return { ...base, kind: w.type, points: [pointFromWire(w.points[0]!)] };
    case 'RECTANGLE':
      return { ...base, kind: w.type, points: [pointFromWire(w.points[0]!), pointFromWire(w.points[1]!)] };
    case 'LINE':
      return {
        ...base,
        kind: w.type,
        points: [pointFromWire(w.points[0]!), pointFromWire(w.points[1]!)],
        startHead: w.startHead ?? 'NONE',
        endHead: w.endHead ?? 'NONE',
        extendLeft: w.extendLeft ?? false,
        extendRight: w.extendRight ?? false,
      };
    case 'PARALLEL':
      return {
        ...base,
        kind: w.type,
        points: [pointFromWire(w.points[0]!), pointFromWire(w.points[1]!), pointFromWire(w.points[2]!)],
        extendLeft: w.extendLeft ?? false,
        extendRight: w.extendRight ?? false,
        showMidline: w.showMidline ?? true,
      };
    case 'FIBONACCI_RETRACEMENT':
      return {
        ...base,
        kind: w.type,
        points: [pointFromWire(w.points[0]!), pointFromWire(w.points[1]!)],
        levels: [...(w.levels ?? DEFAULT_FIB_LEVELS)],
        extendRight: w.extendRight ?? false,
      };
    default:
      return assertNever(w, 'drawing type');
  }
}

/** A core drawing → wire drawing with every option explicit; `id` only when it has a persistedId. */
export function drawingToWire(d: DomainDrawing): WireDrawing {
  const base = {
    ...(d.persistedId !== undefined ? { id: d.persistedId } : {}),
    clientObjectId: d.id,
    points: d.points.map(pointToWire),
    style: { ...d.style },
  };
  switch (d.kind) {
    case 'HORIZONTAL_LINE':
      return { ...base, type: d.kind };
    case 'RECTANGLE':
      return { ...base, type: d.kind };
    case 'LINE':
      return {
        ...base,
        type: d.kind,
        startHead: d.startHead,
        endHead: d.endHead,
        extendLeft: d.extendLeft,
        extendRight: d.extendRight,
      };
    case 'PARALLEL':
      return {
        ...base,
        type: d.kind,
        extendLeft: d.extendLeft,
        extendRight: d.extendRight,
        showMidline: d.showMidline,
      };
    case 'FIBONACCI_RETRACEMENT':
      return { ...base, type: d.kind, levels: [...d.levels], extendRight: d.extendRight };
    default:
      return assertNever(d, 'drawing kind');
  }
}
