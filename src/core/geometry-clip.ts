// Clipping of segments, rays and lines to a box (Liang–Barsky), and the drawn span of extended lines.
import { lerpPoint } from './geometry';
import type { Box, PxPoint } from './scene';

/** A clipped piece of a line, as its two end points. */
export type ClippedSegment = readonly [PxPoint, PxPoint];

/**
 * Liang–Barsky: the part [t0, t1] of {a + t·(b − a) | tMin ≤ t ≤ tMax} inside the box, or null.
 * A degenerate direction (a = b) yields [0, 0] when a is inside and 0 is in range.
 */
export function clipParametric(
  a: PxPoint,
  b: PxPoint,
  tMin: number,
  tMax: number,
  box: Box,
): readonly [number, number] | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (dx === 0 && dy === 0) {
    const inside = a.x >= box.minX && a.x <= box.maxX && a.y >= box.minY && a.y <= box.maxY;
    return inside && tMin <= 0 && tMax >= 0 ? [0, 0] : null;
  }
  let t0 = tMin;
  let t1 = tMax;
  const ps = [-dx, dx, -dy, dy];
  const qs = [a.x - box.minX, box.maxX - a.x, a.y - box.minY, box.maxY - a.y];
  // Stryker disable next-line EqualityOperator: a fifth step divides by undefined (NaN), which no test passes
  for (let i = 0; i < 4; i++) {
    const p = ps[i] as number;
    const q = qs[i] as number;
    if (p === 0) {
      if (q < 0) return null; // parallel to this edge and outside it
      continue;
    }
    const r = q / p;
    // Stryker disable next-line EqualityOperator: p is not 0 here (the continue above)
    if (p < 0) {
      if (r > t1) return null;
      // Stryker disable next-line EqualityOperator: at r = t0 the assignment changes nothing
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      // Stryker disable next-line EqualityOperator: at r = t1 the assignment changes nothing
      if (r < t1) t1 = r;
    }
  }
  return [t0, t1];
}

function toSegment(a: PxPoint, b: PxPoint, range: readonly [number, number] | null): ClippedSegment | null {
  return range ? [lerpPoint(a, b, range[0]), lerpPoint(a, b, range[1])] : null;
}

/** The part of segment a–b inside the box, or null. */
export function clipSegment(a: PxPoint, b: PxPoint, box: Box): ClippedSegment | null {
  return toSegment(a, b, clipParametric(a, b, 0, 1, box));
}

/** The part inside the box of the ray from `origin` through `through`, or null. */
export function clipRay(origin: PxPoint, through: PxPoint, box: Box): ClippedSegment | null {
  return toSegment(origin, through, clipParametric(origin, through, 0, Number.POSITIVE_INFINITY, box));
}

/** The part inside the box of the infinite line through a and b, or null (also when a = b is outside). */
export function clipLine(a: PxPoint, b: PxPoint, box: Box): ClippedSegment | null {
  const range = clipParametric(a, b, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, box);
  return toSegment(a, b, range);
}

/**
 * The t range drawn for segment a–b with optional extensions past a (start) and past b (end):
 * [0, 1], widened on each extended side up to where the line leaves the box. An extension that never
 * reaches the box adds nothing, so the result always contains [0, 1].
 */
export function extendedRange(
  a: PxPoint,
  b: PxPoint,
  extendStart: boolean,
  extendEnd: boolean,
  box: Box,
): readonly [number, number] {
  // Stryker disable next-line ConditionalExpression: a shortcut; clipping [0, 1] and widening to [0, 1] gives the same
  if (!extendStart && !extendEnd) return [0, 1];
  const tMin = extendStart ? Number.NEGATIVE_INFINITY : 0;
  const tMax = extendEnd ? Number.POSITIVE_INFINITY : 1;
  const clipped = clipParametric(a, b, tMin, tMax, box);
  if (!clipped) return [0, 1];
  return [Math.min(0, clipped[0]), Math.max(1, clipped[1])];
}
