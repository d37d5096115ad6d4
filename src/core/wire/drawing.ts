// Wire drawings ↔ core drawings (spec §3.7–§3.9). Wire → domain fills every default, so the
// engine never sees an absent option; domain → wire writes every option, keys in the order of
// the spec's examples, and leaves out an empty style: the spec's style keys are all optional and
// an empty object says nothing, which is also how the server echoes a drawing sent without one.
import type { ChartPoint, Drawing, DrawingStyle } from '../drawing';
import { assertNever } from '../drawing';
import { createDrawingWithOptions, type DrawingOptions } from '../kinds/registry';
import { price } from '../units';
import { isoTime, timeFromWire } from './time';
import type { WireCoordinate, WireDrawing, WireDrawingStyle, WireStoredDrawing } from './types';

/** Wire coordinate → chart point; throws on a time that is not a wire time. */
export function pointFromWire(c: WireCoordinate): ChartPoint {
  return { time: timeFromWire(c.time), price: price(c.price) };
}

/** Chart point → wire coordinate. */
export function pointToWire(p: ChartPoint): WireCoordinate {
  return { time: isoTime(p.time), price: p.price };
}

/** The style keys that are set, copied; undefined when none is. */
function styleToWire(style: DrawingStyle): WireDrawingStyle | undefined {
  const out: { -readonly [K in keyof WireDrawingStyle]: WireDrawingStyle[K] } = {};
  let any = false;
  for (const key of Object.keys(style) as (keyof DrawingStyle)[]) {
    if (style[key] === undefined) continue;
    (out as Record<string, unknown>)[key] = style[key];
    any = true;
  }
  return any ? out : undefined;
}

/** A wire drawing (already validated) → core drawing with every default filled; `id` becomes persistedId. */
export function drawingFromWire(w: WireDrawing | WireStoredDrawing): Drawing {
  // Kinds without options (horizontal line, rectangle) share no key with DrawingOptions, hence the cast.
  const options = w as DrawingOptions;
  const d = createDrawingWithOptions(
    w.type,
    w.clientObjectId,
    w.points.map(pointFromWire),
    w.style ? { ...w.style } : {},
    options,
  );
  return 'id' in w ? { ...d, persistedId: w.id } : d;
}

/** A core drawing → wire drawing in request form (no server id), every option explicit, an empty style left out. */
export function requestDrawingToWire(d: Drawing): WireDrawing {
  return drawingBody(d);
}

function drawingBody(d: Drawing): WireDrawing {
  const head = { clientObjectId: d.id, points: d.points.map(pointToWire) };
  let out: WireDrawing;
  switch (d.kind) {
    case 'HORIZONTAL_LINE':
    case 'RECTANGLE':
      out = { type: d.kind, ...head };
      break;
    case 'LINE':
      out = {
        type: d.kind,
        ...head,
        startHead: d.startHead,
        endHead: d.endHead,
        extendLeft: d.extendLeft,
        extendRight: d.extendRight,
      };
      break;
    case 'PARALLEL':
      out = {
        type: d.kind,
        ...head,
        extendLeft: d.extendLeft,
        extendRight: d.extendRight,
        showMidline: d.showMidline,
      };
      break;
    case 'FIBONACCI_RETRACEMENT':
      out = { type: d.kind, ...head, levels: [...d.levels], extendRight: d.extendRight };
      break;
    default:
      return assertNever(d, 'drawing kind');
  }
  const style = styleToWire(d.style);
  if (style) out.style = style;
  return out;
}

/** A core drawing → wire drawing (an empty style left out), with the persisted `id` first when it has one. */
export function drawingToWire(d: Drawing): WireDrawing | WireStoredDrawing {
  const wire = drawingBody(d);
  return d.persistedId === undefined ? wire : ({ id: d.persistedId, ...wire } as WireStoredDrawing);
}
