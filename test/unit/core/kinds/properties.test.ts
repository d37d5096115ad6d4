// Properties over all five kinds: moves and handle drags invert, and hit distance is 0 on the drawn
// geometry and grows along the normal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertFewSkips } from '../../property-check';
import type { ChartPoint, Drawing, DrawingKind } from '../../../../src/core/drawing';
import { DRAWING_KINDS, POINT_COUNT } from '../../../../src/core/drawing';
import {
  createDrawing,
  drawingHandles,
  hitDrawing,
  moveDrawing,
  moveDrawingHandle,
} from '../../../../src/core/kinds/registry';
import { at, testViewport } from '../test-viewport';

const vp = testViewport();
const xy = fc.tuple(
  fc.double({ min: 0, max: 800, noNaN: true }),
  fc.double({ min: 0, max: 400, noNaN: true }),
);
const delta = fc.double({ min: -300, max: 300, noNaN: true });

function drawingArb(kind: DrawingKind): fc.Arbitrary<Drawing> {
  return fc
    .array(xy, { minLength: POINT_COUNT[kind], maxLength: POINT_COUNT[kind] })
    .filter((ps) => ps.length < 2 || Math.abs(ps[0]![0] - ps[1]![0]) > 1) // no vertical bases
    .map((ps) =>
      createDrawing(
        kind,
        'd',
        ps.map(([x, y]) => at(x, y)),
      ),
    );
}

function expectSamePoints(actual: readonly ChartPoint[], expected: readonly ChartPoint[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((p, i) => {
    const e = expected[i]!;
    expect(Math.abs(p.time - e.time)).toBeLessThanOrEqual(1e-9 * Math.abs(e.time));
    expect(Math.abs(p.price - e.price)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.price)));
  });
}

describe.each(DRAWING_KINDS)('%s properties', (kind) => {
  it('move by (dx, dy) then (−dx, −dy) is the identity', () => {
    fc.assert(
      fc.property(drawingArb(kind), delta, delta, (d, dx, dy) => {
        expectSamePoints(moveDrawing(moveDrawing(d, vp, dx, dy), vp, -dx, -dy).points, d.points);
      }),
    );
  });
  it('moving a handle away and back to where it was is the identity', () => {
    fc.assert(
      fc.property(drawingArb(kind), fc.nat(7), xy, (d, pick, [x, y]) => {
        const handles = drawingHandles(d, vp);
        const h = handles[pick % handles.length]!;
        // A PARALLEL base dragged vertical switches its offset to horizontal, which does not invert:
        // keep the dragged end more than 1 px beside the other end (narrowing, not discarding).
        const other = kind === 'PARALLEL' && h.index < 2 ? handles[1 - h.index]!.x : null;
        const toX = other !== null && Math.abs(x - other) <= 1 ? other + 2 : x;
        const moved = moveDrawingHandle(d, vp, h.index, at(toX, y));
        expectSamePoints(moveDrawingHandle(moved, vp, h.index, at(h.x, h.y)).points, d.points);
      }),
    );
  });
});

// A drawn piece: two ends, and a normal that points away from the rest of the drawing.
interface Piece {
  readonly drawing: Drawing;
  readonly a: { x: number; y: number };
  readonly b: { x: number; y: number };
  readonly away: { x: number; y: number };
}

const TOL = 10;
const far = fc.double({ min: 0.2, max: 0.8, noNaN: true });

// Ends come from the viewport, not the raw inputs: times near 1.7e9 s round to ~4e-9 px.
const toPx = (p: ChartPoint) => ({ x: vp.timeToX(p.time), y: vp.priceToY(p.price) });

const pieces: Record<DrawingKind, fc.Arbitrary<Piece>> = {
  HORIZONTAL_LINE: fc.tuple(xy).map(([[x, y]]) => {
    const drawing = createDrawing('HORIZONTAL_LINE', 'h', [at(x, y)]);
    const h = toPx(drawing.points[0]!);
    return { drawing, a: { x: 0, y: h.y }, b: { x: 800, y: h.y }, away: { x: 0, y: 1 } };
  }),
  // At least 101 px long, so that the walk (t in 0.2..0.8) keeps > 2·TOL from both end handles.
  LINE: fc
    .tuple(
      xy,
      fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      fc.double({ min: 101, max: 400, noNaN: true }),
    )
    .map(([[x0, y0], angle, length]) => {
      const [x1, y1] = [x0 + length * Math.cos(angle), y0 + length * Math.sin(angle)];
      const drawing = createDrawing('LINE', 'l', [at(x0, y0), at(x1, y1)]);
      const a = toPx(drawing.points[0]!);
      const b = toPx(drawing.points[1]!);
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      return { drawing, a, b, away: { x: -(b.y - a.y) / len, y: (b.x - a.x) / len } };
    }),
  // The top edge (edge 0 when p0 is top-left), short of the midpoint handle: away = up.
  RECTANGLE: fc.tuple(xy, xy).map(([[x0, y0], [x1, y1]]) => {
    const drawing = createDrawing('RECTANGLE', 'r', [at(x0, y0), at(x0 + 250 + x1 / 4, y0 + 250 + y1 / 4)]);
    const a = toPx(drawing.points[0]!);
    const c = toPx(drawing.points[1]!);
    return { drawing, a, b: { x: (a.x + c.x) / 2 - 20, y: a.y }, away: { x: 0, y: -1 } };
  }),
  // The base line; the parallel lies 50 px below it, so away = the base normal pointing up.
  PARALLEL: fc.tuple(xy, xy).map(([[x0, y0], [x1, y1]]) => {
    const drawing = createDrawing('PARALLEL', 'p', [
      at(x0, y0),
      at(x0 + 150 + x1 / 2, y0 + (y1 - 200) / 2),
      at(x0, y0 + 50),
    ]);
    const a = toPx(drawing.points[0]!);
    const b = toPx(drawing.points[1]!);
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    return { drawing, a, b, away: { x: (b.y - a.y) / len, y: -(b.x - a.x) / len } };
  }),
  // Level 1 (at p0's price) with p0 the low point: away = down.
  FIBONACCI_RETRACEMENT: fc.tuple(xy, xy).map(([[x0, y0], [x1, y1]]) => {
    const drawing = createDrawing('FIBONACCI_RETRACEMENT', 'f', [
      at(x0, y0 + 100),
      at(x0 + 150 + x1 / 2, y0 - 100 - y1 / 4),
    ]);
    const a = toPx(drawing.points[0]!);
    const b = { x: toPx(drawing.points[1]!).x, y: a.y };
    return { drawing, a, b, away: { x: 0, y: 1 } };
  }),
};

describe.each(DRAWING_KINDS)('%s hit distance', (kind) => {
  it('is 0 on the drawn geometry and grows monotonically along the normal', () => {
    assertFewSkips(
      fc.property(pieces[kind], far, ({ drawing, a, b, away }, t) => {
        fc.pre(Math.hypot(b.x - a.x, b.y - a.y) > 100);
        const on = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
        // Handles win within tolerance; keep the walk clear of them.
        fc.pre(drawingHandles(drawing, vp).every((h) => Math.hypot(h.x - on.x, h.y - on.y) > 2 * TOL));
        const at0 = hitDrawing(drawing, vp, on, TOL);
        expect(at0).not.toBeNull();
        expect(at0!.part.type).not.toBe('handle');
        expect(at0!.distance).toBeLessThanOrEqual(1e-9);
        let last = at0!.distance;
        for (const s of [1, 2, 4, 8]) {
          const hit = hitDrawing(drawing, vp, { x: on.x + away.x * s, y: on.y + away.y * s }, TOL)!;
          expect(hit.part).toEqual(at0!.part);
          expect(hit.distance).toBeGreaterThan(last);
          expect(hit.distance).toBeCloseTo(s, 6);
          last = hit.distance;
        }
      }),
      0.05,
    );
  });
});
