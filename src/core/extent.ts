// Where a drawing lies in chart space (time × price), known without a viewport, so that a painter
// can skip drawings far outside the pane before building their scenes. With a long history most
// drawings are off screen, and building their scenes on every zoom step is the cost that grows
// with the drawing count.
import type { ChartPoint } from './drawing';
import { boxFromPoints } from './geometry';
import type { Px } from './units';
import type { Viewport } from './viewport';

/** A drawing's reach in chart space; ±Infinity where it is unbounded (extended lines) or not known from data alone. */
export interface DataExtent {
  readonly fromTime: number;
  readonly toTime: number;
  readonly minPrice: number;
  readonly maxPrice: number;
}

/** The time and price ranges a pane (grown by a margin) shows; a drawing outside them paints nothing in the pane. */
export type DataWindow = DataExtent;

/** The extent of points, with no extension. */
export function pointsExtent(points: readonly ChartPoint[]): DataExtent {
  // Time on x and price on y: the same smallest box.
  const b = boxFromPoints(points.map((p) => ({ x: p.time, y: p.price })));
  return { fromTime: b.minX, toTime: b.maxX, minPrice: b.minY, maxPrice: b.maxY };
}

/**
 * The extent of a straight line through a–b continued past a (`pastA`) and/or past b (`pastB`):
 * the continued side becomes unbounded in time, and price becomes unbounded (the line leaves
 * through any price). A vertical line continues in price only.
 */
export function extendedLineExtent(
  base: DataExtent,
  a: ChartPoint,
  b: ChartPoint,
  pastA: boolean,
  pastB: boolean,
): DataExtent {
  if (!pastA && !pastB) return base;
  let { fromTime, toTime } = base;
  const ends: [boolean, ChartPoint, ChartPoint][] = [
    [pastA, a, b],
    [pastB, b, a],
  ];
  for (const [continued, end, other] of ends) {
    if (!continued || end.time === other.time) continue;
    // Past an end that is earlier than the other one, the line runs into the past.
    // Stryker disable next-line EqualityOperator: `<=` is the same here, equal times were skipped just above
    if (end.time < other.time) fromTime = Number.NEGATIVE_INFINITY;
    else toTime = Number.POSITIVE_INFINITY;
  }
  return { fromTime, toTime, minPrice: Number.NEGATIVE_INFINITY, maxPrice: Number.POSITIVE_INFINITY };
}

/**
 * The chart-space window of `viewport`'s pane grown by `marginX` / `marginY` px on every side.
 * The margin must cover what a scene paints outside its drawing's extent (labels, arrow heads,
 * line width); the pane's own time and price mappings are monotonic, so the edges suffice.
 */
export function dataWindow(viewport: Viewport, marginX: number, marginY: number): DataWindow {
  const t0 = viewport.xToTime(-marginX as Px);
  const t1 = viewport.xToTime((viewport.width + marginX) as Px);
  const p0 = viewport.yToPrice(-marginY as Px);
  const p1 = viewport.yToPrice((viewport.height + marginY) as Px);
  const [fromTime, toTime] = span(t0, t1);
  const [minPrice, maxPrice] = span(p0, p1);
  return { fromTime, toTime, minPrice, maxPrice };
}

/** The range between a and b; unbounded when either is NaN (no bars yet, a log scale below zero), which must widen a window, never narrow it. */
function span(a: number, b: number): [number, number] {
  if (Number.isNaN(a) || Number.isNaN(b)) return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  return [Math.min(a, b), Math.max(a, b)];
}

/** True when the extent and the window overlap (touching counts). */
export function extentInWindow(e: DataExtent, w: DataWindow): boolean {
  return (
    e.fromTime <= w.toTime && e.toTime >= w.fromTime && e.minPrice <= w.maxPrice && e.maxPrice >= w.minPrice
  );
}
