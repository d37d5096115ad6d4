// RECTANGLE between two opposite corners in any order. Handles belong to point coordinates, not to
// screen corners: handle 1 is (p1.time, p0.price), so a drag that crosses over never swaps roles.
import type { ChartPoint, Rectangle } from '../drawing';
import { pointsExtent } from '../extent';
import { boxFromPoints, distanceToSegment, pointInRect } from '../geometry';
import type { Primitive, PxPoint } from '../scene';
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
  primitivesBox,
  strokeOf,
  toPx,
} from './shared';

type Corners = readonly [PxPoint, PxPoint, PxPoint, PxPoint];

/** Corners in handle order: (x0,y0), (x1,y0), (x1,y1), (x0,y1). Edge i runs from corner i to i+1. */
function corners(d: Rectangle, vp: Viewport): Corners {
  const a = toPx(vp, d.points[0]);
  const b = toPx(vp, d.points[1]);
  return [a, { x: b.x, y: a.y }, b, { x: a.x, y: b.y }];
}

function handles(d: Rectangle, vp: Viewport): Handle[] {
  return handlesAt(corners(d, vp));
}

/** Handle positions in index order: the 4 corners, then the midpoints of edges 0–3. */
function handlePoints(c: Corners): PxPoint[] {
  const out: PxPoint[] = [...c];
  for (let i = 0; i < 4; i++) {
    const p = c[i]!;
    const q = c[(i + 1) % 4]!;
    out.push({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });
  }
  return out;
}

function handlesAt(c: Corners): Handle[] {
  // Corners 0 and 2 lie on the diagonal that runs top-left → bottom-right when both deltas agree.
  const sameSign = (c[2].x - c[0].x) * (c[2].y - c[0].y) >= 0;
  const diag02 = sameSign ? 'nwse-resize' : 'nesw-resize';
  const diag13 = sameSign ? 'nesw-resize' : 'nwse-resize';
  return handlePoints(c).map(({ x, y }, index) => {
    const even = index % 2 === 0;
    const cursor = index < 4 ? (even ? diag02 : diag13) : even ? 'ns-resize' : 'ew-resize';
    return { x, y, index, cursor };
  });
}

/** Which point coordinates each handle moves: [point index for time, point index for price]. */
const HANDLE_TARGETS: readonly (readonly [number | null, number | null])[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [null, 0],
  [1, null],
  [null, 1],
  [0, null],
];

/** What RECTANGLE draws: creation and scene (all that a read-only renderer needs). */
export const rectangleShape: DrawingShape<'RECTANGLE'> = {
  create(id, points, style = {}): Rectangle {
    checkPointCount('RECTANGLE', points, 2);
    return { kind: 'RECTANGLE', id, points: [points[0]!, points[1]!], style };
  },
  scene(d, vp, style, options) {
    const c = corners(d, vp);
    const primitives: Primitive[] = [
      {
        type: 'polygon',
        points: c.flatMap((p) => [p.x, p.y]),
        fill: style.fillColor,
        stroke: strokeOf(style, style.lineStyle, style.borderColor),
      },
      ...handlePrimitives(handlePoints(c), options),
    ];
    return { id: d.id, primitives, bbox: primitivesBox(primitives) };
  },
};

/** How RECTANGLE is edited: its kind and point count, handles, reach, pixel bounds, hit-testing and moves. */
export const rectangleEditing: DrawingEditing<'RECTANGLE'> = {
  kind: 'RECTANGLE',
  pointCount: 2,
  handles,
  extent(d) {
    return pointsExtent(d.points);
  },
  bbox(d, vp) {
    return boxFromPoints(corners(d, vp));
  },
  hitArea(d, vp) {
    // Axis-aligned, and the inside is body: the bbox is already tight.
    const c = corners(d, vp);
    const handles: number[] = [];
    for (const p of handlePoints(c)) handles.push(p.x, p.y);
    return { boxes: [boxFromPoints(c)], handles };
  },
  hit(d, vp, pointer, tolerance) {
    const c = corners(d, vp);
    const handle = nearestHandle(handlePoints(c), pointer, tolerance);
    if (handle) return handle;
    const edges = new NearestPart('edge', tolerance);
    for (let i = 0; i < 4; i++) edges.offer(i, distanceToSegment(pointer, c[i]!, c[(i + 1) % 4]!));
    return edges.hit() ?? (pointInRect(pointer, c[0], c[2]) ? bodyHit(0, tolerance) : null);
  },
  move(d, vp, dx, dy) {
    return { ...d, points: [movePoint(vp, d.points[0], dx, dy), movePoint(vp, d.points[1], dx, dy)] };
  },
  moveHandle(d, _vp, index, to) {
    checkHandleIndex('RECTANGLE', index, 8);
    const [timeOf, priceOf] = HANDLE_TARGETS[index]!;
    const next = (i: number, p: ChartPoint): ChartPoint => ({
      time: timeOf === i ? to.time : p.time,
      price: priceOf === i ? to.price : p.price,
    });
    return { ...d, points: [next(0, d.points[0]), next(1, d.points[1])] };
  },
};

/** Behaviour of RECTANGLE. */
export const rectangle: DrawingBehaviour<'RECTANGLE'> = /* @__PURE__ */ behaviourFrom(
  rectangleShape,
  rectangleEditing,
);
