import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createViewport } from '../../../src/core/create-viewport';
import type { Drawing, DrawingKind } from '../../../src/core/drawing';
import { DRAWING_KINDS, POINT_COUNT } from '../../../src/core/drawing';
import { dataWindow, extendedLineExtent, extentInWindow, pointsExtent } from '../../../src/core/extent';
import { createDrawingWithOptions, drawingExtent, drawingScene } from '../../../src/core/kinds/registry';
import type { Box } from '../../../src/core/scene';
import type { Price, UtcSeconds } from '../../../src/core/units';
import type { Viewport } from '../../../src/core/viewport';
import { at, T0, testViewport } from './test-viewport';

const INF = Number.POSITIVE_INFINITY;
const p = (time: number, price: number) => ({ time: time as UtcSeconds, price: price as Price });

describe('drawingExtent', () => {
  it('gives each kind its reach in chart space', () => {
    const a = p(100, 1.2);
    const b = p(300, 1.4);
    expect(drawingExtent(createDrawingWithOptions('HORIZONTAL_LINE', 'h', [a], {}, {}))).toEqual({
      fromTime: -INF,
      toTime: INF,
      minPrice: 1.2,
      maxPrice: 1.2,
    });
    expect(drawingExtent(createDrawingWithOptions('RECTANGLE', 'r', [b, a], {}, {}))).toEqual({
      fromTime: 100,
      toTime: 300,
      minPrice: 1.2,
      maxPrice: 1.4,
    });
    expect(drawingExtent(createDrawingWithOptions('LINE', 'l', [a, b], {}, {}))).toEqual({
      fromTime: 100,
      toTime: 300,
      minPrice: 1.2,
      maxPrice: 1.4,
    });
    // The 1.618 level lies beyond both points: p1 + (p0 − p1)·1.618 = 1.4 − 0.2·1.618.
    const fib = drawingExtent(
      createDrawingWithOptions('FIBONACCI_RETRACEMENT', 'f', [a, b], {}, { levels: [0, 0.5, 1, 1.618] }),
    );
    expect(fib.fromTime).toBe(100);
    expect(fib.toTime).toBe(300);
    expect(fib.minPrice).toBeCloseTo(1.4 - 0.2 * 1.618, 12);
    expect(fib.maxPrice).toBe(1.4);
    const fibRay = createDrawingWithOptions('FIBONACCI_RETRACEMENT', 'f', [a, b], {}, { extendRight: true });
    expect(drawingExtent(fibRay).toTime).toBe(INF);
    // A channel's parallel is a pixel offset away, so its prices are not known without a scale.
    expect(drawingExtent(createDrawingWithOptions('PARALLEL', 'c', [a, b, p(200, 1.5)], {}, {}))).toEqual({
      fromTime: 100,
      toTime: 300,
      minPrice: -INF,
      maxPrice: INF,
    });
  });

  it('makes an extended line unbounded on the side it continues to, and in price', () => {
    const a = p(100, 1.2);
    const b = p(300, 1.4);
    const base = pointsExtent([a, b]);
    expect(extendedLineExtent(base, a, b, false, true)).toEqual({
      fromTime: 100,
      toTime: INF,
      minPrice: -INF,
      maxPrice: INF,
    });
    expect(extendedLineExtent(base, a, b, true, false)).toEqual({
      fromTime: -INF,
      toTime: 300,
      minPrice: -INF,
      maxPrice: INF,
    });
    // Points in reverse time order: continuing past b (the earlier one) runs into the past.
    expect(extendedLineExtent(pointsExtent([b, a]), b, a, false, true).fromTime).toBe(-INF);
    // A vertical line continues in price only.
    const v = extendedLineExtent(pointsExtent([a, p(100, 1.4)]), a, p(100, 1.4), true, true);
    expect(v).toEqual({ fromTime: 100, toTime: 100, minPrice: -INF, maxPrice: INF });
    expect(extendedLineExtent(base, a, b, false, false)).toBe(base);
  });
});

describe('dataWindow and extentInWindow', () => {
  it('grow the pane by the margin on every side', () => {
    const vp = testViewport();
    // 60 s and 0.25 price per px; price 110 at y = 0.
    expect(dataWindow(vp, 10, 4)).toEqual({
      fromTime: T0 - 600,
      toTime: T0 + 810 * 60,
      minPrice: 110 - 404 * 0.25,
      maxPrice: 111,
    });
    const w = dataWindow(vp, 0, 0);
    const inside = { fromTime: T0 + 60, toTime: T0 + 120, minPrice: 50, maxPrice: 60 };
    expect(extentInWindow(inside, w)).toBe(true);
    expect(extentInWindow({ ...inside, fromTime: T0 - 120, toTime: T0 - 60 }, w)).toBe(false);
    expect(extentInWindow({ ...inside, minPrice: 111, maxPrice: 112 }, w)).toBe(false);
    // A mapping that cannot answer (no bars yet, a log scale below zero) culls nothing.
    const blind = { ...vp, xToTime: () => Number.NaN, yToPrice: () => Number.NaN } as unknown as Viewport;
    expect(dataWindow(blind, 0, 0)).toEqual({ fromTime: -INF, toTime: INF, minPrice: -INF, maxPrice: INF });
    // Touching counts: a horizontal line exactly on the top edge is drawn.
    expect(extentInWindow({ fromTime: -INF, toTime: INF, minPrice: 110, maxPrice: 110 }, w)).toBe(true);
  });

  // Each side of the overlap test on its own (mutation testing found the ones above did not hold
  // every comparison): the window is [0, 10] × [0, 10], the extent lies past one side, or touches it.
  it.each([
    ['left of it', { fromTime: -5, toTime: -1, minPrice: 4, maxPrice: 6 }, false],
    ['right of it', { fromTime: 11, toTime: 15, minPrice: 4, maxPrice: 6 }, false],
    ['below it', { fromTime: 4, toTime: 6, minPrice: -5, maxPrice: -1 }, false],
    ['above it', { fromTime: 4, toTime: 6, minPrice: 11, maxPrice: 15 }, false],
    ['touching its left edge', { fromTime: -5, toTime: 0, minPrice: 4, maxPrice: 6 }, true],
    ['touching its right edge', { fromTime: 10, toTime: 15, minPrice: 4, maxPrice: 6 }, true],
    ['touching its bottom edge', { fromTime: 4, toTime: 6, minPrice: -5, maxPrice: 0 }, true],
    ['touching its top edge', { fromTime: 4, toTime: 6, minPrice: 10, maxPrice: 15 }, true],
  ])('an extent %s is in the window: %s', (_where, e, inside) => {
    expect(extentInWindow(e, { fromTime: 0, toTime: 10, minPrice: 0, maxPrice: 10 })).toBe(inside);
  });

  it('leave a range unbounded when only one of its edges cannot be mapped (a log scale below zero)', () => {
    const vp = testViewport();
    // Prices below the pane's middle have no log value: yToPrice answers NaN there.
    const halfBlind = {
      ...vp,
      yToPrice: (y: number) => (y > vp.height / 2 ? Number.NaN : vp.yToPrice(y as never)),
    } as unknown as Viewport;
    const w = dataWindow(halfBlind, 0, 0);
    expect([w.minPrice, w.maxPrice]).toEqual([-INF, INF]);
    expect([w.fromTime, w.toTime]).toEqual([T0, T0 + 800 * 60]);
  });
});

const MARGIN_X = 256;
const MARGIN_Y = 32;
const pane = (vp: Viewport): Box => ({ minX: 0, minY: 0, maxX: vp.width, maxY: vp.height });
const intersects = (a: Box, b: Box) =>
  a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;

const times = Array.from({ length: 300 }, (_, i) => (T0 + i * 3600 + (i >= 120 ? 172_800 : 0)) as UtcSeconds);
const viewports: Viewport[] = [
  testViewport(),
  // Bars with a weekend gap, points between bars and past the last bar, another price scale.
  createViewport({
    times,
    width: 640,
    height: 360,
    logicalRange: { from: 90, to: 170 },
    priceRange: { min: 40, max: 90 },
  }),
];

function drawingArb(kind: DrawingKind): fc.Arbitrary<Drawing> {
  const xy = fc.tuple(
    fc.double({ min: -4000, max: 4000, noNaN: true }),
    fc.double({ min: -1200, max: 1600, noNaN: true }),
  );
  return fc
    .record({
      points: fc.array(xy, { minLength: POINT_COUNT[kind], maxLength: POINT_COUNT[kind] }),
      extendLeft: fc.boolean(),
      extendRight: fc.boolean(),
      levels: fc.array(fc.double({ min: -1, max: 3, noNaN: true }), { minLength: 1, maxLength: 8 }),
    })
    .map(({ points, ...options }) =>
      createDrawingWithOptions(
        kind,
        'd',
        points.map(([x, y]) => at(x, y)),
        {},
        options,
      ),
    );
}

describe.each(DRAWING_KINDS)('%s culling by extent', (kind) => {
  it('never culls a drawing whose scene reaches into the pane', () => {
    // Only culled drawings have something to check; count them so the property cannot pass empty.
    let culled = 0;
    fc.assert(
      fc.property(drawingArb(kind), fc.nat(viewports.length - 1), (d, v) => {
        const vp = viewports[v]!;
        if (extentInWindow(drawingExtent(d), dataWindow(vp, MARGIN_X, MARGIN_Y))) return;
        culled++;
        expect(intersects(drawingScene(d, vp).bbox, pane(vp))).toBe(false);
      }),
      { numRuns: 400 },
    );
    expect(culled).toBeGreaterThanOrEqual(100);
  });
});
