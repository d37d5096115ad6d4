// LINE: a trend line p0–p1. extendLeft continues it past p0 and extendRight past p1 (point order,
// as TradingView does), clipped to the pane; arrow heads sit at the points themselves.
import { segmentCursor } from './handle-cursor';
import type { Line } from '../drawing';
import { extendedLineExtent, pointsExtent } from '../extent';
import { arrowHead, boxFromPoints, distanceToParametric, lerpPoint } from '../geometry';
import { extendedRange } from '../geometry-clip';
import { sweptBoxes } from '../hit-boxes';
import type { Box, Primitive, PxPoint } from '../scene';
import { resolveStyle } from '../style';
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
  handlePrimitives,
  movePoint,
  nearestHandle,
  paneBox,
  primitivesBox,
  strokeOf,
  toPx,
} from './shared';

interface LineGeometry {
  readonly a: PxPoint;
  readonly b: PxPoint;
  /** The drawn t range along a + t·(b − a). */
  readonly range: readonly [number, number];
  readonly start: PxPoint;
  readonly end: PxPoint;
}

function geometry(d: Line, vp: Viewport): LineGeometry {
  const a = toPx(vp, d.points[0]);
  const b = toPx(vp, d.points[1]);
  const range = extendedRange(a, b, d.extendLeft, d.extendRight, paneBox(vp));
  return { a, b, range, start: lerpPoint(a, b, range[0]), end: lerpPoint(a, b, range[1]) };
}

function handles(d: Line, vp: Viewport): Handle[] {
  return handlesAt(toPx(vp, d.points[0]), toPx(vp, d.points[1]));
}

function handlesAt(a: PxPoint, b: PxPoint): Handle[] {
  return [
    { ...a, index: 0, cursor: segmentCursor(a, b) },
    { ...b, index: 1, cursor: segmentCursor(a, b) },
  ];
}

function arrows(d: Line, g: LineGeometry, lineWidth: number): (readonly number[])[] {
  const out: (readonly number[])[] = [];
  const start = d.startHead === 'ARROW' ? arrowHead(g.a, g.b, lineWidth) : null;
  const end = d.endHead === 'ARROW' ? arrowHead(g.b, g.a, lineWidth) : null;
  if (start) out.push(start);
  if (end) out.push(end);
  return out;
}

/** What LINE draws: creation and scene (all that a read-only renderer needs). */
export const lineShape: DrawingShape<'LINE'> = {
  create(id, points, style = {}): Line {
    checkPointCount('LINE', points, 2);
    return {
      kind: 'LINE',
      id,
      points: [points[0]!, points[1]!],
      style,
      startHead: 'NONE',
      endHead: 'NONE',
      extendLeft: false,
      extendRight: false,
    };
  },
  scene(d, vp, style, options) {
    const g = geometry(d, vp);
    const primitives: Primitive[] = [
      { type: 'segment', x1: g.start.x, y1: g.start.y, x2: g.end.x, y2: g.end.y, stroke: strokeOf(style) },
      ...arrows(d, g, style.lineWidth).map((points) => ({
        type: 'polygon' as const,
        points,
        fill: style.color,
      })),
      ...handlePrimitives([g.a, g.b], options),
    ];
    return { id: d.id, primitives, bbox: primitivesBox(primitives) };
  },
};

/** How LINE is edited: its kind and point count, handles, reach, pixel bounds, hit-testing and moves. */
export const lineEditing: DrawingEditing<'LINE'> = {
  kind: 'LINE',
  pointCount: 2,
  handles,
  extent(d) {
    const [a, b] = d.points;
    return extendedLineExtent(pointsExtent(d.points), a, b, d.extendLeft, d.extendRight);
  },
  bbox(d, vp): Box {
    const g = geometry(d, vp);
    const corners: PxPoint[] = [g.start, g.end];
    for (const poly of arrows(d, g, resolveStyle('LINE', d.style).lineWidth))
      for (let i = 0; i < poly.length; i += 2) corners.push({ x: poly[i]!, y: poly[i + 1]! });
    return boxFromPoints(corners);
  },
  hitArea(d, vp) {
    // The drawn span holds both handles (it always contains t in [0, 1]); arrow heads are not hit.
    const g = geometry(d, vp);
    const boxes: Box[] = [];
    sweptBoxes(g.a, g.b, g.range[0], g.range[1], paneBox(vp), boxes);
    return { boxes, handles: [g.a.x, g.a.y, g.b.x, g.b.y] };
  },
  hit(d, vp, pointer, tolerance) {
    const g = geometry(d, vp);
    return (
      nearestHandle([g.a, g.b], pointer, tolerance) ??
      bodyHit(distanceToParametric(pointer, g.a, g.b, g.range[0], g.range[1]), tolerance)
    );
  },
  move(d, vp, dx, dy) {
    return { ...d, points: [movePoint(vp, d.points[0], dx, dy), movePoint(vp, d.points[1], dx, dy)] };
  },
  moveHandle(d, _vp, index, to) {
    checkHandleIndex('LINE', index, 2);
    return { ...d, points: index === 0 ? [to, d.points[1]] : [d.points[0], to] };
  },
};

/** Behaviour of LINE. */
export const line: DrawingBehaviour<'LINE'> = /* @__PURE__ */ behaviourFrom(lineShape, lineEditing);
