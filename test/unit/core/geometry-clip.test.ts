import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertFewSkips } from '../property-check';
import {
  clipLine,
  clipParametric,
  clipRay,
  clipSegment,
  extendedRange,
} from '../../../src/core/geometry-clip';

const P = (x: number, y: number) => ({ x, y });
const BOX = { minX: 0, minY: 0, maxX: 800, maxY: 400 };

describe('clipping to a box', () => {
  it('clips a diagonal line to where it enters and leaves the box', () => {
    expect(clipLine(P(100, 100), P(200, 200), BOX)).toEqual([P(0, 0), P(400, 400)]);
  });
  it('clips a horizontal line to the full width', () => {
    expect(clipLine(P(10, 50), P(20, 50), BOX)).toEqual([P(0, 50), P(800, 50)]);
  });
  it('clips a vertical line to the full height, in point order', () => {
    expect(clipLine(P(30, 300), P(30, 200), BOX)).toEqual([P(30, 400), P(30, 0)]);
  });
  it('returns null for a line that misses the box, including parallel lines outside it', () => {
    expect(clipLine(P(900, 0), P(1000, 50), BOX)).toBeNull();
    expect(clipLine(P(0, -1), P(10, -1), BOX)).toBeNull();
    expect(clipLine(P(801, 0), P(801, 10), BOX)).toBeNull();
  });
  it('clips a ray only forward from its origin', () => {
    expect(clipRay(P(400, 200), P(500, 200), BOX)).toEqual([P(400, 200), P(800, 200)]);
    expect(clipRay(P(-100, 200), P(-200, 200), BOX)).toBeNull();
  });
  it('clips a segment and keeps an inside segment whole', () => {
    expect(clipSegment(P(-100, 100), P(100, 100), BOX)).toEqual([P(0, 100), P(100, 100)]);
    expect(clipSegment(P(10, 20), P(30, 40), BOX)).toEqual([P(10, 20), P(30, 40)]);
    expect(clipSegment(P(-100, -1), P(100, -1), BOX)).toBeNull();
  });
  it('treats a degenerate line as its point: kept inside, null outside', () => {
    expect(clipLine(P(5, 5), P(5, 5), BOX)).toEqual([P(5, 5), P(5, 5)]);
    expect(clipLine(P(-5, 5), P(-5, 5), BOX)).toBeNull();
    expect(clipParametric(P(5, 5), P(5, 5), 0.5, 1, BOX)).toBeNull();
  });
  it('keeps a line that only touches a corner', () => {
    expect(clipLine(P(-10, 10), P(10, -10), BOX)).toEqual([P(0, 0), P(0, 0)]);
  });
  it('property: a line through the box is clipped to ends on the line and inside the box', () => {
    // The line passes through (ax, ay) inside the box, so it always meets it: every case asserts.
    const inX = fc.double({ min: 0, max: 800, noNaN: true });
    const inY = fc.double({ min: 0, max: 400, noNaN: true });
    assertFewSkips(
      fc.property(
        inX,
        inY,
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0.01, max: 3000, noNaN: true }),
        (ax, ay, angle, length) => {
          const [bx, by] = [ax + length * Math.cos(angle), ay + length * Math.sin(angle)];
          fc.pre(Math.hypot(bx - ax, by - ay) > 1e-3);
          const r = clipParametric(
            P(ax, ay),
            P(bx, by),
            Number.NEGATIVE_INFINITY,
            Number.POSITIVE_INFINITY,
            BOX,
          );
          if (r === null) throw new Error('a line through a point inside the box must meet it');
          for (const t of r) {
            const x = ax + (bx - ax) * t;
            const y = ay + (by - ay) * t;
            expect(x).toBeGreaterThanOrEqual(-1e-6);
            expect(x).toBeLessThanOrEqual(800 + 1e-6);
            expect(y).toBeGreaterThanOrEqual(-1e-6);
            expect(y).toBeLessThanOrEqual(400 + 1e-6);
          }
          expect(r[0]).toBeLessThanOrEqual(r[1]);
        },
      ),
      0.05,
    );
  });
});

describe('extendedRange', () => {
  it('is [0, 1] without extensions', () => {
    expect(extendedRange(P(100, 100), P(200, 100), false, false, BOX)).toEqual([0, 1]);
  });
  it('extends past b to the right edge and past a to the left edge', () => {
    expect(extendedRange(P(100, 100), P(200, 100), false, true, BOX)).toEqual([0, 7]);
    expect(extendedRange(P(100, 100), P(200, 100), true, false, BOX)).toEqual([-1, 1]);
    expect(extendedRange(P(100, 100), P(200, 100), true, true, BOX)).toEqual([-1, 7]);
  });
  it('adds nothing when the extension never reaches the box', () => {
    expect(extendedRange(P(100, -50), P(200, -50), true, true, BOX)).toEqual([0, 1]);
  });
  it('never shrinks a segment that reaches outside the box', () => {
    expect(extendedRange(P(-100, 100), P(900, 100), true, true, BOX)).toEqual([0, 1]);
  });
  it('extends a vertical line to the top and bottom edges', () => {
    expect(extendedRange(P(50, 100), P(50, 200), true, true, BOX)).toEqual([-1, 3]);
  });
  it('leaves a degenerate line as its point', () => {
    expect(extendedRange(P(50, 100), P(50, 100), true, true, BOX)).toEqual([0, 1]);
  });
});

describe('clipping on the box border (the box is closed: its edges are inside)', () => {
  const B = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
  it('keeps a point-sized line on each edge, and drops one just outside each edge', () => {
    for (const p of [P(0, 5), P(10, 5), P(5, 0), P(5, 10)])
      expect(clipParametric(p, p, 0, 1, B)).toEqual([0, 0]);
    for (const p of [P(-1, 5), P(11, 5), P(5, -1), P(5, 11)])
      expect(clipParametric(p, p, 0, 1, B)).toBeNull();
  });
  it('keeps a point-sized line only when t = 0 is in the range, ends included', () => {
    expect(clipParametric(P(5, 5), P(5, 5), 0, 0, B)).toEqual([0, 0]);
    expect(clipParametric(P(5, 5), P(5, 5), 0.5, 1, B)).toBeNull();
    expect(clipParametric(P(5, 5), P(5, 5), -1, -0.5, B)).toBeNull();
  });
  it('keeps a segment running along an edge', () => {
    expect(clipSegment(P(-5, 0), P(15, 0), B)).toEqual([P(0, 0), P(10, 0)]);
    expect(clipSegment(P(10, -5), P(10, 15), B)).toEqual([P(10, 0), P(10, 10)]);
  });
  it('keeps a segment that only touches an edge with its end, as that one point', () => {
    expect(clipSegment(P(-5, 5), P(0, 5), B)).toEqual([P(0, 5), P(0, 5)]);
    expect(clipSegment(P(15, 5), P(10, 5), B)).toEqual([P(10, 5), P(10, 5)]);
  });
});
