import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertFewSkips } from '../property-check';
import {
  arrowHead,
  arrowHeadLength,
  boxContains,
  boxExpand,
  boxFromPoints,
  boxIntersects,
  boxUnion,
  channelOffset,
  distance,
  distanceToLine,
  distanceToRay,
  distanceToSegment,
  EPSILON,
  pointInChannel,
  pointInRect,
  projectT,
} from '../../../src/core/geometry';

const P = (x: number, y: number) => ({ x, y });

describe('distances', () => {
  it('point–segment measures to the interior perpendicular foot and to the nearer end beyond it', () => {
    expect(distanceToSegment(P(5, 3), P(0, 0), P(10, 0))).toBe(3);
    expect(distanceToSegment(P(-3, 4), P(0, 0), P(10, 0))).toBe(5);
    expect(distanceToSegment(P(13, -4), P(0, 0), P(10, 0))).toBe(5);
  });
  it('point–segment on a zero-length segment is the distance to its point', () => {
    expect(distanceToSegment(P(3, 4), P(0, 0), P(0, 0))).toBe(5);
  });
  it('point–ray is unbounded past `through` and clamps behind the origin', () => {
    expect(distanceToRay(P(100, 2), P(0, 0), P(10, 0))).toBe(2);
    expect(distanceToRay(P(-3, 4), P(0, 0), P(10, 0))).toBe(5);
  });
  it('point–line is unbounded both ways', () => {
    expect(distanceToLine(P(-100, 2), P(0, 0), P(10, 0))).toBe(2);
    expect(distanceToLine(P(0, 10), P(0, 0), P(10, 10))).toBeCloseTo(Math.SQRT2 * 5, 12);
  });
  it('projectT gives the parameter of the perpendicular foot', () => {
    expect(projectT(P(5, 7), P(0, 0), P(10, 0))).toBe(0.5);
    expect(projectT(P(5, 7), P(1, 1), P(1, 1))).toBe(0);
  });
  it('distance is Euclidean', () => {
    expect(distance(P(1, 1), P(4, 5))).toBe(5);
  });
  it('property: points on a segment are at distance 0, and distance grows along the normal', () => {
    const coord = fc.double({ min: -2000, max: 2000, noNaN: true });
    // b = a + length · direction with length > 1: the generator makes real segments, fc.pre only guards.
    assertFewSkips(
      fc.property(
        coord,
        coord,
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 1.01, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ax, ay, angle, length, t) => {
          const [bx, by] = [ax + length * Math.cos(angle), ay + length * Math.sin(angle)];
          const len = Math.hypot(bx - ax, by - ay);
          fc.pre(len > 1);
          const a = P(ax, ay);
          const b = P(bx, by);
          const on = P(ax + (bx - ax) * t, ay + (by - ay) * t);
          expect(distanceToSegment(on, a, b)).toBeLessThanOrEqual(1e-9);
          const nx = -(by - ay) / len;
          const ny = (bx - ax) / len;
          let last = 0;
          for (const s of [0.5, 1, 2, 4, 8]) {
            const d = distanceToSegment(P(on.x + nx * s, on.y + ny * s), a, b);
            expect(d).toBeGreaterThan(last);
            last = d;
          }
        },
      ),
      0.05,
    );
  });
});

describe('regions', () => {
  it('pointInRect accepts corners in any order and includes the border', () => {
    expect(pointInRect(P(5, 5), P(10, 10), P(0, 0))).toBe(true);
    expect(pointInRect(P(10, 0), P(10, 0), P(0, 10))).toBe(true);
    expect(pointInRect(P(10.001, 5), P(0, 10), P(10, 0))).toBe(false);
    expect(pointInRect(P(0, 10), P(10, 0), P(0, 10))).toBe(true);
  });
  it('pointInChannel includes its four edges', () => {
    // base (0,0)–(10,0), parallel 5 px down: t = 0 and 1 are the ends, s = 0 and 1 the two lines
    for (const p of [P(0, 2), P(10, 2), P(5, 0), P(5, 5)])
      expect(pointInChannel(p, P(0, 0), P(10, 0), P(0, 5))).toBe(true);
  });
  it('pointInChannel counts a channel thinner than EPSILON as empty, and one EPSILON wide as a channel', () => {
    expect(pointInChannel(P(0.5, 0.5e-12), P(0, 0), P(1, 0), P(1, 1e-12))).toBe(false);
    expect(pointInChannel(P(0.5, 0.5e-9), P(0, 0), P(1, 0), P(1, EPSILON))).toBe(true);
  });
  it('pointInChannel uses the parallelogram and honours the t span', () => {
    // base (0,0)–(10,10), parallel 5 px below
    const a = P(0, 0);
    const b = P(10, 10);
    const v = P(0, 5);
    expect(pointInChannel(P(5, 7), a, b, v)).toBe(true);
    expect(pointInChannel(P(5, 11), a, b, v)).toBe(false);
    expect(pointInChannel(P(12, 14), a, b, v)).toBe(false);
    expect(pointInChannel(P(12, 14), a, b, v, 0, Number.POSITIVE_INFINITY)).toBe(true);
    expect(pointInChannel(P(-2, 1), a, b, v, Number.NEGATIVE_INFINITY, 1)).toBe(true);
  });
  it('pointInChannel is false for a zero-width channel', () => {
    expect(pointInChannel(P(5, 5), P(0, 0), P(10, 10), P(0, 0))).toBe(false);
  });
  it('channelOffset is the vertical gap at c.x, or horizontal for a vertical base', () => {
    expect(channelOffset(P(0, 0), P(10, 10), P(4, 10))).toEqual({ x: 0, y: 6 });
    expect(channelOffset(P(0, 0), P(10, 10), P(20, 15))).toEqual({ x: 0, y: -5 });
    expect(channelOffset(P(3, 0), P(3, 10), P(8, 50))).toEqual({ x: 5, y: 0 });
    // a base EPSILON wide is not vertical yet
    expect(channelOffset(P(0, 0), P(EPSILON, 0), P(5, 3))).toEqual({ x: 0, y: 3 });
  });
});

describe('boxes', () => {
  it('boxFromPoints, union, expand and contains', () => {
    const b = boxFromPoints([P(3, -1), P(-2, 4), P(0, 0)]);
    expect(b).toEqual({ minX: -2, minY: -1, maxX: 3, maxY: 4 });
    expect(boxUnion(b, { minX: 0, minY: -5, maxX: 9, maxY: 0 })).toEqual({
      minX: -2,
      minY: -5,
      maxX: 9,
      maxY: 4,
    });
    expect(boxExpand(b, 2)).toEqual({ minX: -4, minY: -3, maxX: 5, maxY: 6 });
    expect([boxContains(b, P(3, 4)), boxContains(b, P(3.5, 0))]).toEqual([true, false]);
  });
  it('boxFromPoints rejects an empty list', () => {
    expect(() => boxFromPoints([])).toThrow('boxFromPoints: points needs at least 1 point, got 0');
  });
  it('boxIntersects counts touching boxes and rejects separated ones', () => {
    const a = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
    expect(boxIntersects(a, { minX: 10, minY: 10, maxX: 20, maxY: 20 })).toBe(true);
    expect(boxIntersects(a, { minX: 10.5, minY: 0, maxX: 20, maxY: 20 })).toBe(false);
    expect(boxIntersects(a, { minX: 0, minY: -5, maxX: 10, maxY: -0.1 })).toBe(false);
    expect(boxIntersects(a, { minX: 0, minY: 10.5, maxX: 10, maxY: 20 })).toBe(false);
    expect(boxIntersects(a, { minX: -20, minY: 0, maxX: -0.5, maxY: 10 })).toBe(false);
  });
});

describe('arrowHead', () => {
  it('is a triangle with its tip at the end and its base arrowHeadLength back, as wide as long', () => {
    // line width 2 → length 12, half-width 6
    expect(arrowHeadLength(2)).toBe(12);
    expect(arrowHead(P(100, 50), P(0, 50), 2)).toEqual([100, 50, 88, 56, 88, 44]);
  });
  it('follows the line direction', () => {
    const poly = arrowHead(P(0, 0), P(0, 30), 1)!; // pointing up, length 9
    expect(poly.slice(0, 2)).toEqual([0, 0]);
    expect(poly[2]).toBeCloseTo(4.5, 12);
    expect(poly[3]).toBeCloseTo(9, 12);
    expect(poly[4]).toBeCloseTo(-4.5, 12);
    expect(poly[5]).toBeCloseTo(9, 12);
  });
  it('is null for a zero-length line', () => {
    expect(arrowHead(P(1, 1), P(1, 1), 2)).toBeNull();
    // a line EPSILON long still has a direction
    expect(arrowHead(P(EPSILON, 0), P(0, 0), 2)).toEqual([EPSILON, 0, EPSILON - 12, 6, EPSILON - 12, -6]);
  });
});
