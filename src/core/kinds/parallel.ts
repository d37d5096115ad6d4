// PARALLEL channel: base p0–p1 and its parallel through p2, offset vertically in pixels (see
// channelOffset). p2 is any point on the parallel; handles 2 and 3 sit at the parallel's ends.
import { segmentCursor } from './handle-cursor';
import type { ChartPoint, Parallel } from '../drawing';
import { extendedLineExtent, pointsExtent } from '../extent';
import { boxFromPoints, channelOffset, distanceToParametric, lerpPoint, pointInChannel } from '../geometry';
import { extendedRange } from '../geometry-clip';
import { sweptBoxes } from '../hit-boxes';
import type { Box, Primitive, PxPoint } from '../scene';
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
  NearestPart,
  nearestHandle,
  paneBox,
  primitivesBox,
  strokeOf,
  toChart,
  toPx,
} from './shared';

const add = (p: PxPoint, v: PxPoint, k = 1): PxPoint => ({ x: p.x + v.x * k, y: p.y + v.y * k });

interface ChannelGeometry {
  readonly a: PxPoint;
  readonly b: PxPoint;
  readonly c: PxPoint;
  readonly offset: PxPoint;
  /** The drawn t range along the base, shared by both lines so the fill stays a parallelogram. */
  readonly range: readonly [number, number];
}

function geometry(d: Parallel, vp: Viewport): ChannelGeometry {
  const a = toPx(vp, d.points[0]);
  const b = toPx(vp, d.points[1]);
  const c = toPx(vp, d.points[2]);
  const offset = channelOffset(a, b, c);
  const pane = paneBox(vp);
  const r1 = extendedRange(a, b, d.extendLeft, d.extendRight, pane);
  const r2 = extendedRange(add(a, offset), add(b, offset), d.extendLeft, d.extendRight, pane);
  return { a, b, c, offset, range: [Math.min(r1[0], r2[0]), Math.max(r1[1], r2[1])] };
}

/** The drawn line `k` (0 base, 1 parallel, 0.5 midline) as its two end points. */
function drawnLine(g: ChannelGeometry, k: number): readonly [PxPoint, PxPoint] {
  const a = add(g.a, g.offset, k);
  const b = add(g.b, g.offset, k);
  return [lerpPoint(a, b, g.range[0]), lerpPoint(a, b, g.range[1])];
}

function handles(d: Parallel, vp: Viewport): Handle[] {
  return handlesAt(geometry(d, vp));
}

/** Handle positions in index order: p0, p1, then the parallel's ends. */
function handlePoints(g: ChannelGeometry): PxPoint[] {
  return [g.a, g.b, add(g.a, g.offset), add(g.b, g.offset)];
}

function handlesAt(g: ChannelGeometry): Handle[] {
  const offsetCursor = g.offset.x === 0 ? 'ns-resize' : 'ew-resize';
  const ends = segmentCursor(g.a, g.b);
  return handlePoints(g).map(({ x, y }, index) => ({
    x,
    y,
    index,
    cursor: index < 2 ? ends : offsetCursor,
  }));
}

/** p2 moved so the parallel sits at `offset` from the base a–b, keeping p2's time when possible. */
function placeP2(d: Parallel, vp: Viewport, a: PxPoint, b: PxPoint, offset: PxPoint): ChartPoint {
  const c = toPx(vp, d.points[2]);
  const current = channelOffset(a, b, c);
  // Same kind of offset (both vertical or both horizontal): shift p2 along it only.
  if ((current.x === 0) === (offset.x === 0)) {
    return toChart(vp, { x: c.x + offset.x - current.x, y: c.y + offset.y - current.y }, d.points[2], c);
  }
  return toChart(vp, add(a, offset));
}

/** What PARALLEL draws: creation and scene (all that a read-only renderer needs). */
export const parallelShape: DrawingShape<'PARALLEL'> = {
  create(id, points, style = {}): Parallel {
    checkPointCount('PARALLEL', points, 3);
    return {
      kind: 'PARALLEL',
      id,
      points: [points[0]!, points[1]!, points[2]!],
      style,
      extendLeft: false,
      extendRight: false,
      showMidline: true,
    };
  },
  scene(d, vp, style, options) {
    const g = geometry(d, vp);
    const [b0, b1] = drawnLine(g, 0);
    const [q0, q1] = drawnLine(g, 1);
    const primitives: Primitive[] = [
      { type: 'polygon', points: [b0.x, b0.y, b1.x, b1.y, q1.x, q1.y, q0.x, q0.y], fill: style.fillColor },
      { type: 'segment', x1: b0.x, y1: b0.y, x2: b1.x, y2: b1.y, stroke: strokeOf(style) },
      { type: 'segment', x1: q0.x, y1: q0.y, x2: q1.x, y2: q1.y, stroke: strokeOf(style) },
    ];
    if (d.showMidline) {
      const [m0, m1] = drawnLine(g, 0.5);
      primitives.push({
        type: 'segment',
        x1: m0.x,
        y1: m0.y,
        x2: m1.x,
        y2: m1.y,
        stroke: strokeOf(style, 'DASHED'),
      });
    }
    primitives.push(...handlePrimitives(handlePoints(g), options));
    return { id: d.id, primitives, bbox: primitivesBox(primitives) };
  },
};

/** How PARALLEL is edited: its kind and point count, handles, reach, pixel bounds, hit-testing and moves. */
export const parallelEditing: DrawingEditing<'PARALLEL'> = {
  kind: 'PARALLEL',
  pointCount: 3,
  handles,
  extent(d) {
    // The parallel sits a pixel offset away (channelOffset), so its prices depend on the price
    // scale: unbounded in price. Its time reach is the three points' (p2 lies on the parallel).
    const [a, b] = d.points;
    const e = pointsExtent(d.points);
    const base = { ...e, minPrice: Number.NEGATIVE_INFINITY, maxPrice: Number.POSITIVE_INFINITY };
    return extendedLineExtent(base, a, b, d.extendLeft, d.extendRight);
  },
  bbox(d, vp) {
    const g = geometry(d, vp);
    return boxFromPoints([...drawnLine(g, 0), ...drawnLine(g, 1)]);
  },
  hitArea(d, vp) {
    // The swept parallelogram holds both lines, the midline, the four handles and the body.
    const g = geometry(d, vp);
    const boxes: Box[] = [];
    sweptBoxes(g.a, g.b, g.range[0], g.range[1], paneBox(vp), boxes, g.offset);
    const a2 = add(g.a, g.offset);
    const b2 = add(g.b, g.offset);
    return { boxes, handles: [g.a.x, g.a.y, g.b.x, g.b.y, a2.x, a2.y, b2.x, b2.y] };
  },
  hit(d, vp, pointer, tolerance) {
    const g = geometry(d, vp);
    const [r0, r1] = g.range;
    const a2 = add(g.a, g.offset);
    const b2 = add(g.b, g.offset);
    const handle = nearestHandle([g.a, g.b, a2, b2], pointer, tolerance);
    if (handle) return handle;
    const edges = new NearestPart('edge', tolerance);
    edges.offer(0, distanceToParametric(pointer, g.a, g.b, r0, r1));
    edges.offer(1, distanceToParametric(pointer, a2, b2, r0, r1));
    if (d.showMidline) {
      edges.offer(2, distanceToParametric(pointer, add(g.a, g.offset, 0.5), add(g.b, g.offset, 0.5), r0, r1));
    }
    return (
      edges.hit() ?? (pointInChannel(pointer, g.a, g.b, g.offset, r0, r1) ? bodyHit(0, tolerance) : null)
    );
  },
  move(d, vp, dx, dy) {
    const [p0, p1, p2] = d.points;
    return {
      ...d,
      points: [movePoint(vp, p0, dx, dy), movePoint(vp, p1, dx, dy), movePoint(vp, p2, dx, dy)],
    };
  },
  moveHandle(d, vp, index, to) {
    checkHandleIndex('PARALLEL', index, 4);
    const g = geometry(d, vp);
    if (index >= 2) {
      // Dragging the parallel changes only its distance from the base.
      const offset = channelOffset(g.a, g.b, toPx(vp, to));
      return { ...d, points: [d.points[0], d.points[1], placeP2(d, vp, g.a, g.b, offset)] };
    }
    const p0 = index === 0 ? to : d.points[0];
    const p1 = index === 1 ? to : d.points[1];
    // A base end moves; the channel keeps its pixel width.
    const p2 = placeP2(d, vp, toPx(vp, p0), toPx(vp, p1), g.offset);
    return { ...d, points: [p0, p1, p2] };
  },
};

/** Behaviour of PARALLEL. */
export const parallel: DrawingBehaviour<'PARALLEL'> = /* @__PURE__ */ behaviourFrom(
  parallelShape,
  parallelEditing,
);
