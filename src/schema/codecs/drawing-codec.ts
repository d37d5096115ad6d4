// Wire drawings ↔ core drawings. Wire → domain fills every default (spec §3.9) so the engine never
// sees an absent option; domain → wire writes them all, so a round trip is exact.
import type { ChartPoint, Drawing as DomainDrawing, DrawingStyle as DomainStyle } from '../../core/drawing';
import { assertNever } from '../../core/drawing';
import { createDrawingWithOptions, type DrawingOptions } from '../../core/kinds/registry';
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
  // Kinds without options (horizontal line, rectangle) share no key with DrawingOptions, hence the cast.
  const options = w as DrawingOptions;
  const d = createDrawingWithOptions(
    w.type,
    w.clientObjectId,
    w.points.map(pointFromWire),
    styleFromWire(w.style),
    options,
  );
  return 'id' in w ? { ...d, persistedId: w.id } : d;
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
