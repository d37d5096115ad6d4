// Pure pixel geometry (after excalidraw's packages/math): points, distances, boxes, shapes.
// Everything here works in pane pixels; callers convert chart points through a Viewport first.
import type { Box, PxPoint } from './scene';

/** Below this many px two coordinates count as equal (degenerate lines, vertical bases). */
export const EPSILON = 1e-9;

/** Euclidean distance between two points. */
export function distance(a: PxPoint, b: PxPoint): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** The point a + t·(b − a). */
export function lerpPoint(a: PxPoint, b: PxPoint, t: number): PxPoint {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** Parameter t of the projection of p onto the line a + t·(b − a); 0 when a = b. */
export function projectT(p: PxPoint, a: PxPoint, b: PxPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return 0;
  return ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
}

/** Distance from p to the points a + t·(b − a) with t in [tMin, tMax] (infinite bounds allowed). */
export function distanceToParametric(p: PxPoint, a: PxPoint, b: PxPoint, tMin: number, tMax: number): number {
  // Inline (no lerpPoint object): hit-testing calls this for every drawing on every pointer move.
  const t = Math.min(tMax, Math.max(tMin, projectT(p, a, b)));
  return Math.hypot(p.x - (a.x + (b.x - a.x) * t), p.y - (a.y + (b.y - a.y) * t));
}

/** Distance from p to the segment a–b (to a when a = b). */
export function distanceToSegment(p: PxPoint, a: PxPoint, b: PxPoint): number {
  return distanceToParametric(p, a, b, 0, 1);
}

/** Distance from p to the ray that starts at `origin` and passes through `through`. */
export function distanceToRay(p: PxPoint, origin: PxPoint, through: PxPoint): number {
  return distanceToParametric(p, origin, through, 0, Number.POSITIVE_INFINITY);
}

/** Distance from p to the infinite line through a and b (to a when a = b). */
export function distanceToLine(p: PxPoint, a: PxPoint, b: PxPoint): number {
  return distanceToParametric(p, a, b, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
}

/** Whether p lies inside (or on) the rectangle with opposite corners a and b, in any order. */
export function pointInRect(p: PxPoint, a: PxPoint, b: PxPoint): boolean {
  return (
    p.x >= Math.min(a.x, b.x) &&
    p.x <= Math.max(a.x, b.x) &&
    p.y >= Math.min(a.y, b.y) &&
    p.y <= Math.max(a.y, b.y)
  );
}

/**
 * Whether p lies in the channel spanned by the base a + t·(b − a), t in [tMin, tMax], and its copy
 * shifted by `offset` (the parallelogram between the two lines). Widen tMin/tMax for extensions.
 */
export function pointInChannel(
  p: PxPoint,
  a: PxPoint,
  b: PxPoint,
  offset: PxPoint,
  tMin = 0,
  tMax = 1,
): boolean {
  // Solve p − a = t·d + s·offset; inside when t is within the span and s within [0, 1].
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const det = dx * offset.y - dy * offset.x;
  if (Math.abs(det) < EPSILON) return false;
  const rx = p.x - a.x;
  const ry = p.y - a.y;
  const t = (rx * offset.y - ry * offset.x) / det;
  const s = (dx * ry - dy * rx) / det;
  return t >= tMin && t <= tMax && s >= 0 && s <= 1;
}

/** The smallest box holding all points; throws on an empty list. */
export function boxFromPoints(points: readonly PxPoint[]): Box {
  if (points.length === 0) throw new Error('boxFromPoints: points needs at least 1 point, got 0');
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  // Stryker disable EqualityOperator: on equality each assignment writes the value already there
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  // Stryker restore EqualityOperator
  return { minX, minY, maxX, maxY };
}

/** The smallest box holding both boxes. */
export function boxUnion(a: Box, b: Box): Box {
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  };
}

/** Whether two boxes overlap or touch. */
export function boxIntersects(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/** Whether p lies inside or on the box. */
export function boxContains(box: Box, p: PxPoint): boolean {
  return p.x >= box.minX && p.x <= box.maxX && p.y >= box.minY && p.y <= box.maxY;
}

/** The box grown by `by` px on every side. */
export function boxExpand(box: Box, by: number): Box {
  return { minX: box.minX - by, minY: box.minY - by, maxX: box.maxX + by, maxY: box.maxY + by };
}

/** Length of an arrowhead drawn on a line of the given width, in px. */
export function arrowHeadLength(lineWidth: number): number {
  return 6 + 3 * lineWidth;
}

/**
 * Filled triangle [tipX, tipY, x1, y1, x2, y2] for an arrow at `tip` of a line coming from `from`;
 * as wide as long, scaled with the line width. Null when the line has no direction.
 */
export function arrowHead(tip: PxPoint, from: PxPoint, lineWidth: number): readonly number[] | null {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const len = Math.hypot(dx, dy);
  if (len < EPSILON) return null;
  const length = arrowHeadLength(lineWidth);
  const ux = dx / len;
  const uy = dy / len;
  const bx = tip.x - ux * length;
  const by = tip.y - uy * length;
  const half = length / 2;
  return [tip.x, tip.y, bx - uy * half, by + ux * half, bx + uy * half, by - ux * half];
}

/**
 * Offset from a base line a–b to its parallel through c: vertical (0, dy) where dy is c's height
 * above the base at c.x — the same as "price offset at p2.time" on a linear scale; horizontal
 * (dx, 0) when the base is vertical, where no height at c.x exists.
 */
export function channelOffset(a: PxPoint, b: PxPoint, c: PxPoint): PxPoint {
  const dx = b.x - a.x;
  if (Math.abs(dx) < EPSILON) return { x: c.x - a.x, y: 0 };
  return { x: 0, y: c.y - (a.y + ((b.y - a.y) * (c.x - a.x)) / dx) };
}
