// Helpers every drawing kind uses: chart ↔ pixel conversion, moves, strokes, handles, hit picking
// and scene bounds. Kept here so the five kind files stay about their own geometry.
import type { ChartPoint, DrawingKind, LineStyle } from '../drawing';
import { formatPrice } from '../format';
import { GLYPH_WIDTH, labelBox } from '../declutter';
import type { Box, HandlePrimitive, Primitive, PxPoint, Stroke } from '../scene';
import { dashPattern, type ResolvedStyle } from '../style';
import { type Price, px, type UtcSeconds } from '../units';
import type { Viewport } from '../viewport';
import type { Hit, SceneOptions } from './behaviour';

/** Handle radius in px when SceneOptions.handleRadius is not given. */
export const DEFAULT_HANDLE_RADIUS = 5;
/** Font size in px of the labels drawings paint. */
export const LABEL_FONT_SIZE = 11;
/** Gap in px between a label and the line it names. */
export const LABEL_GAP = 4;

/** The formatter a scene uses: SceneOptions.formatPrice, else core `formatPrice`. */
export function formatterOf(options: SceneOptions | undefined): (p: number) => string {
  // Wrapped so that a caller passing the formatter to `map` cannot feed an index in as precision.
  return options?.formatPrice ?? ((p) => formatPrice(p));
}

/** Pixel position of a chart point. */
export function toPx(viewport: Viewport, point: ChartPoint): PxPoint {
  return { x: viewport.timeToX(point.time), y: viewport.priceToY(point.price) };
}

/**
 * Chart point at pixel q. Coordinates equal to `originalPx` keep the original value exactly, so a
 * purely vertical drag never perturbs time (and vice versa) through round-off.
 */
export function toChart(
  viewport: Viewport,
  q: PxPoint,
  original?: ChartPoint,
  originalPx?: PxPoint,
): ChartPoint {
  const time: UtcSeconds =
    original && originalPx && q.x === originalPx.x ? original.time : viewport.xToTime(px(q.x));
  const price: Price =
    original && originalPx && q.y === originalPx.y ? original.price : viewport.yToPrice(px(q.y));
  return { time, price };
}

/** A chart point moved by a pixel delta through the viewport (gaps between bars are respected). */
export function movePoint(viewport: Viewport, point: ChartPoint, dx: number, dy: number): ChartPoint {
  const p = toPx(viewport, point);
  return toChart(viewport, { x: p.x + dx, y: p.y + dy }, point, p);
}

/** Throws the kind's point-count error unless `points` has exactly `count` entries. */
export function checkPointCount(kind: DrawingKind, points: readonly ChartPoint[], count: number): void {
  if (points.length !== count)
    throw new Error(`${kind}: needs exactly ${count} points, got ${points.length}`);
}

/** Throws unless `index` is a handle index of the kind. */
export function checkHandleIndex(kind: DrawingKind, index: number, count: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= count)
    throw new Error(`${kind}.moveHandle: index must be an integer in 0..${count - 1}, got ${index}`);
}

/** A resolved stroke; `lineStyle` overrides the style's own (e.g. a dashed midline). */
export function strokeOf(
  style: ResolvedStyle,
  lineStyle: LineStyle = style.lineStyle,
  color = style.color,
): Stroke {
  return { color, width: style.lineWidth, dash: dashPattern(lineStyle, style.lineWidth), lineStyle };
}

/**
 * Handle primitives for a selected drawing, or none; handle i sits at points[i]. Positions only,
 * so that scenes need none of the editing half's cursor logic.
 */
export function handlePrimitives(
  points: readonly PxPoint[],
  options: SceneOptions | undefined,
): HandlePrimitive[] {
  if (!options?.selected) return [];
  const radius = options.handleRadius ?? DEFAULT_HANDLE_RADIUS;
  return points.map((p, index) => ({ type: 'handle', x: p.x, y: p.y, index, radius }));
}

/**
 * Handle hit for the nearest of `points` (handle i sits at points[i]) within tolerance, or null.
 * Ties keep the lower index. Allocation-free until it hits: it runs for every drawing on every move.
 */
export function nearestHandle(points: readonly PxPoint[], pointer: PxPoint, tolerance: number): Hit | null {
  let index = -1;
  let best = tolerance;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as PxPoint;
    const d = Math.hypot(pointer.x - p.x, pointer.y - p.y);
    if (d < best || (index < 0 && d === best)) {
      index = i;
      best = d;
    }
  }
  return index < 0 ? null : { distance: best, part: { type: 'handle', index } };
}

/** Running minimum over indexed parts (edges, levels) that keeps the first of equal distances. */
export class NearestPart {
  private index = -1;
  private best: number;

  constructor(
    private readonly type: 'edge' | 'level',
    tolerance: number,
  ) {
    this.best = tolerance;
  }

  /** Offers part `index` at `distance`. */
  offer(index: number, distance: number): void {
    if (distance < this.best || (this.index < 0 && distance === this.best)) {
      this.index = index;
      this.best = distance;
    }
  }

  /** The nearest part offered within tolerance, or null. */
  hit(): Hit | null {
    return this.index < 0 ? null : { distance: this.best, part: { type: this.type, index: this.index } };
  }
}

/** A body hit at `distance` when within tolerance, else null. */
export function bodyHit(distance: number, tolerance: number): Hit | null {
  return distance <= tolerance ? { distance, part: { type: 'body' } } : null;
}

/**
 * Bounds of what primitives paint: stroke half-widths, handle radii and an estimated text box
 * (0.6 × font size per character) included; axis labels excluded (they sit outside the pane).
 * A running minimum and maximum, no corner objects: scenes are built for every drawing on every frame.
 */
export function primitivesBox(primitives: readonly Primitive[]): Box {
  // Kept in an object, not in variables the closures share: a double in an object field is updated
  // in place, one in a closure's variable is a new heap number on every change.
  const box = {
    minX: Number.POSITIVE_INFINITY,
    minY: Number.POSITIVE_INFINITY,
    maxX: Number.NEGATIVE_INFINITY,
    maxY: Number.NEGATIVE_INFINITY,
  };
  let any = false;
  // The same comparisons as boxFromPoints over each corner, so NaN coordinates are skipped alike.
  const add = (x: number, y: number): void => {
    any = true;
    if (x < box.minX) box.minX = x;
    if (y < box.minY) box.minY = y;
    if (x > box.maxX) box.maxX = x;
    if (y > box.maxY) box.maxY = y;
  };
  const pad = (x: number, y: number, r: number): void => {
    add(x - r, y - r);
    add(x + r, y + r);
  };
  for (const p of primitives) {
    switch (p.type) {
      case 'segment':
        pad(p.x1, p.y1, p.stroke.width / 2);
        pad(p.x2, p.y2, p.stroke.width / 2);
        break;
      case 'polyline':
      case 'polygon':
        for (let i = 0; i + 1 < p.points.length; i += 2)
          pad(p.points[i] as number, p.points[i + 1] as number, (p.stroke?.width ?? 0) / 2);
        break;
      case 'text': {
        const b = labelBox(p, p.fontSize, GLYPH_WIDTH * p.fontSize * p.text.length);
        add(b.minX, b.minY);
        add(b.maxX, b.maxY);
        break;
      }
      case 'handle':
        pad(p.x, p.y, p.radius);
        break;
      case 'axis-label':
        break;
    }
  }
  return any ? box : { minX: 0, minY: 0, maxX: 0, maxY: 0 };
}

/** The pane as a box, for clipping extended lines. */
export function paneBox(viewport: Viewport): Box {
  return { minX: 0, minY: 0, maxX: viewport.width, maxY: viewport.height };
}
