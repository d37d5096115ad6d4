// FIBONACCI_RETRACEMENT: one horizontal level per ratio between the two points' times (to the pane's
// right edge when extended), light bands between neighbouring levels and a dashed trend line.
import { segmentCursor } from './handle-cursor';
import type { FibonacciRetracement } from '../drawing';
import { DEFAULT_FIB_LEVELS } from '../drawing';
import {
  fibBandColor,
  fibBandLevel,
  fibLevelColor,
  fibLevelLabel,
  fibLevelPrice,
  fibRatioOrder,
} from '../fibonacci';
import { boxContains, distanceToSegment } from '../geometry';
import { sweptBoxes } from '../hit-boxes';
import type { Box, Primitive, PxPoint, TextPlacement } from '../scene';
import type { Viewport } from '../viewport';
import {
  behaviourFrom,
  type DrawingBehaviour,
  type DrawingEditing,
  type DrawingShape,
  type Handle,
} from './behaviour';
import {
  bodyHit,
  checkHandleIndex,
  checkPointCount,
  formatterOf,
  handlePrimitives,
  LABEL_FONT_SIZE,
  LABEL_GAP,
  movePoint,
  NearestPart,
  nearestHandle,
  paneBox,
  primitivesBox,
  strokeOf,
  toPx,
} from './shared';

interface FibGeometry {
  readonly a: PxPoint;
  readonly b: PxPoint;
  readonly left: number;
  readonly right: number;
  /** True when the levels run to the pane's right edge. */
  readonly extended: boolean;
  /** y of each level, in the drawing's level order. */
  readonly ys: readonly number[];
}

function geometry(d: FibonacciRetracement, vp: Viewport): FibGeometry {
  const [p0, p1] = d.points;
  const a = toPx(vp, p0);
  const b = toPx(vp, p1);
  const maxX = Math.max(a.x, b.x);
  return {
    a,
    b,
    left: Math.min(a.x, b.x),
    right: d.extendRight ? Math.max(maxX, vp.width) : maxX,
    extended: d.extendRight,
    ys: d.levels.map((r) => vp.priceToY(fibLevelPrice(p0, p1, r))),
  };
}

function handles(d: FibonacciRetracement, vp: Viewport): Handle[] {
  return handlesAt(toPx(vp, d.points[0]), toPx(vp, d.points[1]));
}

function handlesAt(a: PxPoint, b: PxPoint): Handle[] {
  return [
    { ...a, index: 0, cursor: segmentCursor(a, b) },
    { ...b, index: 1, cursor: segmentCursor(a, b) },
  ];
}

/** What FIBONACCI_RETRACEMENT draws: creation and scene (all that a read-only renderer needs). */
export const fibonacciRetracementShape: DrawingShape<'FIBONACCI_RETRACEMENT'> = {
  create(id, points, style = {}): FibonacciRetracement {
    checkPointCount('FIBONACCI_RETRACEMENT', points, 2);
    return {
      kind: 'FIBONACCI_RETRACEMENT',
      id,
      points: [points[0]!, points[1]!],
      style,
      levels: [...DEFAULT_FIB_LEVELS],
      extendRight: false,
    };
  },
  scene(d, vp, style, options) {
    const g = geometry(d, vp);
    const format = formatterOf(options);
    const [p0, p1] = d.points;
    const levels = d.levels;
    const ys = g.ys;
    const primitives: Primitive[] = [];
    const colors = levels.map((r) => fibLevelColor(r, style.color));
    if (d.showBands !== false) {
      // Bands follow ratio order, whatever order the author listed the levels in; each takes the
      // colour of its level farther from 0, as TradingView's do.
      const order = fibRatioOrder(levels);
      for (let i = 0; i + 1 < order.length; i++) {
        const y0 = ys[order[i]!]!;
        const y1 = ys[order[i + 1]!]!;
        const outer = fibBandLevel(levels, order[i]!, order[i + 1]!);
        primitives.push({
          type: 'polygon',
          points: [g.left, y0, g.right, y0, g.right, y1, g.left, y1],
          fill: fibBandColor(colors[outer]!, style.fillColor),
        });
      }
    }
    primitives.push({
      type: 'segment',
      x1: g.a.x,
      y1: g.a.y,
      x2: g.b.x,
      y2: g.b.y,
      stroke: strokeOf(style, 'DASHED'),
    });
    // Labels beside the levels, centred on their line (TradingView's default); the declutter may
    // move one to the other side. Levels extended to the pane's right edge leave no room beside
    // them on the right, so right-hand labels then sit above the line's end.
    const onLeft = d.labelSide !== 'right';
    for (let i = 0; i < levels.length; i++) {
      const r = levels[i]!;
      const y = ys[i]!;
      const color = colors[i]!;
      const left: TextPlacement = { x: g.left - FIB_LABEL_GAP, y, align: 'right', baseline: 'middle' };
      const right: TextPlacement = g.extended
        ? { x: g.right - FIB_LABEL_GAP, y: y - LABEL_GAP / 2, align: 'right', baseline: 'bottom' }
        : { x: g.right + FIB_LABEL_GAP, y, align: 'left', baseline: 'middle' };
      const at = onLeft ? left : right;
      primitives.push(
        { type: 'segment', x1: g.left, y1: y, x2: g.right, y2: y, stroke: strokeOf(style, undefined, color) },
        {
          type: 'text',
          x: at.x,
          y: at.y,
          align: at.align,
          baseline: at.baseline,
          text: fibLevelLabel(r, fibLevelPrice(p0, p1, r), format),
          color,
          fontSize: LABEL_FONT_SIZE,
          alternative: onLeft ? right : left,
        },
      );
    }
    primitives.push(...handlePrimitives([g.a, g.b], options));
    return { id: d.id, primitives, bbox: primitivesBox(primitives) };
  },
};

/** Gap in px between the levels' end and a label beside them: clear of a mouse handle (radius 5) there. */
export const FIB_LABEL_GAP = 8;

/** How FIBONACCI_RETRACEMENT is edited: its kind and point count, handles, reach, pixel bounds, hit-testing and moves. */
export const fibonacciRetracementEditing: DrawingEditing<'FIBONACCI_RETRACEMENT'> = {
  kind: 'FIBONACCI_RETRACEMENT',
  pointCount: 2,
  handles,
  extent(d) {
    const [p0, p1] = d.points;
    let minPrice = Math.min(p0.price, p1.price);
    let maxPrice = Math.max(p0.price, p1.price);
    for (const r of d.levels) {
      const p = fibLevelPrice(p0, p1, r);
      if (p < minPrice) minPrice = p;
      if (p > maxPrice) maxPrice = p;
    }
    const toTime = d.extendRight ? Number.POSITIVE_INFINITY : Math.max(p0.time, p1.time);
    return { fromTime: Math.min(p0.time, p1.time), toTime, minPrice, maxPrice };
  },
  bbox(d, vp) {
    const g = geometry(d, vp);
    // Levels span [left, right], which already holds both points' x; only y needs a scan.
    let minY = Math.min(g.a.y, g.b.y);
    let maxY = Math.max(g.a.y, g.b.y);
    for (const y of g.ys) {
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    return { minX: g.left, minY, maxX: g.right, maxY };
  },
  hitArea(d, vp) {
    // The levels and the bands between them fill [left, right] × [top, bottom] exactly; the trend
    // line a–b needs its own pieces only where it leaves that box (levels without 0 or 1).
    const g = geometry(d, vp);
    const boxes: Box[] = [];
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const y of g.ys) {
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const levels = { minX: g.left, minY, maxX: g.right, maxY };
    if (g.ys.length > 0 && !Number.isNaN(g.left + g.right + minY + maxY)) boxes.push(levels);
    if (boxes.length === 0 || !boxContains(levels, g.a) || !boxContains(levels, g.b))
      sweptBoxes(g.a, g.b, 0, 1, paneBox(vp), boxes);
    return { boxes, handles: [g.a.x, g.a.y, g.b.x, g.b.y] };
  },
  hit(d, vp, pointer, tolerance) {
    const g = geometry(d, vp);
    const handle = nearestHandle([g.a, g.b], pointer, tolerance);
    if (handle) return handle;
    // Distance to a horizontal level segment, inline: this runs per level, per drawing, per move.
    const dx = Math.max(g.left - pointer.x, 0, pointer.x - g.right);
    const levels = new NearestPart('level', tolerance);
    let top = Number.POSITIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < g.ys.length; i++) {
      const y = g.ys[i]!;
      levels.offer(i, Math.hypot(dx, pointer.y - y));
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
    const level = levels.hit();
    if (level) return level;
    // Body: the banded area between the outermost levels, or the dashed trend line.
    const inside = g.ys.length > 1 && dx === 0 && pointer.y >= top && pointer.y <= bottom;
    return bodyHit(inside ? 0 : distanceToSegment(pointer, g.a, g.b), tolerance);
  },
  move(d, vp, dx, dy) {
    return { ...d, points: [movePoint(vp, d.points[0], dx, dy), movePoint(vp, d.points[1], dx, dy)] };
  },
  moveHandle(d, _vp, index, to) {
    checkHandleIndex('FIBONACCI_RETRACEMENT', index, 2);
    return { ...d, points: index === 0 ? [to, d.points[1]] : [d.points[0], to] };
  },
};

/** Behaviour of FIBONACCI_RETRACEMENT. */
export const fibonacciRetracement: DrawingBehaviour<'FIBONACCI_RETRACEMENT'> = /* @__PURE__ */ behaviourFrom(
  fibonacciRetracementShape,
  fibonacciRetracementEditing,
);
