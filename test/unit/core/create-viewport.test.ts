import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createViewport, fitViewport } from '../../../src/core/create-viewport';
import { createTimeIndex } from '../../../src/core/time-index';
import type { Logical, Price, Px, UtcSeconds } from '../../../src/core/units';

const s = (n: number) => n as UtcSeconds;
const T0 = 1767873600; // 2026-01-08T12:00:00Z
const H = 3600;

/** H1 forex bars Thu 2026-01-08 00:00 → Mon 2026-01-12 04:00 UTC; closed Fri 22:00 → Sun 22:00. */
function forexH1(): UtcSeconds[] {
  const out: UtcSeconds[] = [];
  const closed = [Date.parse('2026-01-09T22:00:00Z') / 1000, Date.parse('2026-01-11T22:00:00Z') / 1000];
  for (
    let t = Date.parse('2026-01-08T00:00:00Z') / 1000;
    t <= Date.parse('2026-01-12T04:00:00Z') / 1000;
    t += H
  ) {
    if (t < closed[0]! || t >= closed[1]!) out.push(s(t));
  }
  return out;
}

const base = {
  times: [s(T0), s(T0 + H), s(T0 + 2 * H)],
  width: 300,
  height: 200,
  logicalRange: { from: -0.5, to: 2.5 },
  priceRange: { min: 1, max: 2 },
};

describe('createViewport', () => {
  const vp = createViewport(base);

  it('maps times linearly over the bar index', () => {
    expect(vp.barWidth).toBe(100);
    expect([
      vp.timeToX(s(T0)),
      vp.timeToX(s(T0 + 1800)),
      vp.timeToX(s(T0 + 3 * H)),
      vp.timeToX(s(T0 - H)),
    ]).toEqual([50, 100, 350, -50]);
    expect(vp.xToTime(150 as Px)).toBe(T0 + H);
    expect(vp.logicalToX(1 as Logical)).toBe(150);
    expect(vp.xToLogical(0 as Px)).toBe(-0.5);
  });

  it('maps prices linearly with the maximum at the top', () => {
    expect([vp.priceToY(2 as Price), vp.priceToY(1.25 as Price), vp.priceToY(1 as Price)]).toEqual([
      0, 150, 200,
    ]);
    expect(vp.yToPrice(100 as Px)).toBe(1.5);
    expect(vp.priceToY(2.5 as Price)).toBe(-100);
  });

  it('reports size, visible ranges and the logical mapping', () => {
    expect([vp.width, vp.height]).toEqual([300, 200]);
    expect(vp.visibleTimeRange()).toEqual({ from: T0 - 1800, to: T0 + 2.5 * H });
    expect(vp.visiblePriceRange()).toEqual({ min: 1, max: 2 });
    expect(vp.timeToLogical(s(T0 + 5400))).toBe(1.5);
    expect(vp.logicalToTime(0.25 as Logical)).toBe(T0 + 900);
  });

  it('accepts a ready time index instead of times', () => {
    const byIndex = createViewport({ ...base, times: undefined, timeIndex: createTimeIndex(base.times) });
    expect(byIndex.timeToX(s(T0 + H))).toBe(150);
  });

  it.each([
    ['zero width', { width: 0 }, 'width: must be a positive finite number, got 0'],
    ['NaN height', { height: Number.NaN }, 'height: must be a positive finite number, got NaN'],
    [
      'an empty logical range',
      { logicalRange: { from: 3, to: 3 } },
      'logicalRange.to: must be greater than logicalRange.from (3), got 3',
    ],
    [
      'an inverted price range',
      { priceRange: { min: 2, max: 1 } },
      'priceRange.max: must be greater than priceRange.min (2), got 1',
    ],
    ['no bars', { times: [] }, 'times: expected at least 1 bar, got 0'],
  ])('rejects %s', (_case, patch, message) => {
    expect(() => createViewport({ ...base, ...patch })).toThrow(new RangeError(message));
  });
});

describe('createViewport over H1 forex bars with a weekend gap', () => {
  const times = forexH1();
  const vp = fitViewport(times, [1.34, 1.36], 1000, 500, { rightOffset: 12 });
  const friLast = times.indexOf(s(Date.parse('2026-01-09T21:00:00Z') / 1000));

  it('has the bars expected around the gap', () => {
    expect([times.length, friLast, times[friLast + 1]]).toEqual([
      53,
      45,
      Date.parse('2026-01-11T22:00:00Z') / 1000,
    ]);
  });

  it('puts a Saturday time strictly between the Friday-last and Sunday-first bars', () => {
    const saturday = s(Date.parse('2026-01-10T12:00:00Z') / 1000);
    const x = vp.timeToX(saturday);
    expect(x).toBeGreaterThan(vp.timeToX(times[friLast]!));
    expect(x).toBeLessThan(vp.timeToX(times[friLast + 1]!));
    expect(vp.timeToLogical(saturday)).toBeCloseTo(45 + 15 / 49, 12);
    // The whole 49-hour gap takes one bar width, no more.
    expect(vp.timeToX(times[friLast + 1]!) - vp.timeToX(times[friLast]!)).toBeCloseTo(vp.barWidth, 9);
  });

  it('extrapolates 10 hours after the last bar with the median (1 h) interval, not the gap', () => {
    const tenHoursLater = s(Date.parse('2026-01-12T14:00:00Z') / 1000);
    // logicalRange −0.5 … 64.5 over 1000 px; the time sits at bar 52 + 10 = 62.
    expect(vp.timeToX(tenHoursLater)).toBeCloseTo(62500 / 65, 9);
    expect(vp.xToTime((62500 / 65) as Px)).toBeCloseTo(tenHoursLater, 4);
  });

  it('extrapolates before the first bar with the median interval too', () => {
    expect(vp.timeToX(s(Date.parse('2026-01-07T20:00:00Z') / 1000))).toBeCloseTo((-4 + 0.5) * (1000 / 65), 9);
  });
});

describe('createViewport: round trips', () => {
  const arb = fc.record({
    intervals: fc.array(fc.integer({ min: 60, max: 3 * 86400 }), { maxLength: 200 }),
    width: fc.integer({ min: 50, max: 4000 }),
    height: fc.integer({ min: 50, max: 3000 }),
    from: fc.double({ min: -50, max: 100, noNaN: true }),
    bars: fc.double({ min: 1, max: 500, noNaN: true }),
    min: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
    span: fc.double({ min: 1e-4, max: 1e5, noNaN: true }),
  });
  const build = (a: Parameters<Parameters<typeof arb.map>[0]>[0]) => {
    const times = [s(T0)];
    for (const d of a.intervals) times.push(s(times[times.length - 1]! + d));
    return createViewport({
      times,
      width: a.width,
      height: a.height,
      logicalRange: { from: a.from, to: a.from + a.bars },
      priceRange: { min: a.min, max: a.min + a.span },
    });
  };

  it('time → x → time holds on bars, between bars, in the past and in the future', () => {
    fc.assert(
      fc.property(arb, fc.double({ min: -3, max: 3, noNaN: true }), (a, u) => {
        const vp = build(a);
        const first = vp.timeIndex.timeAt(0);
        const last = vp.timeIndex.timeAt(vp.timeIndex.length - 1);
        const span = Math.max(last - first, 86400);
        for (const t of [
          s(first + (last - first) / 2 + u * span),
          vp.timeIndex.timeAt(Math.floor(Math.abs(u) * 1e3) % vp.timeIndex.length),
        ]) {
          const back = vp.xToTime(vp.timeToX(t));
          expect(Math.abs(back - t)).toBeLessThanOrEqual(1e-9 * Math.abs(t));
          expect(Math.abs(back - t)).toBeLessThanOrEqual(1e-4);
        }
      }),
    );
  });

  it('x → time → x and price → y → price are identities', () => {
    fc.assert(
      fc.property(arb, fc.double({ min: -1, max: 2, noNaN: true }), (a, u) => {
        const vp = build(a);
        const x = (u * a.width) as Px;
        const t = vp.xToTime(x);
        // Times near 1.7e9 s carry ~2.4e-7 s of rounding; at many px per second that alone
        // exceeds a fixed pixel bound, so the bound scales with the slope of timeToX.
        const pxPerSecond = Math.abs(vp.timeToX((t + 1) as UtcSeconds) - vp.timeToX(t));
        const tolerance = 1e-6 + 8 * Number.EPSILON * Math.abs(t) * pxPerSecond;
        expect(Math.abs(vp.timeToX(t) - x)).toBeLessThanOrEqual(tolerance);
        const p = (a.min + u * a.span) as Price;
        const scale = Math.max(Math.abs(a.min), Math.abs(a.min + a.span), a.span);
        expect(Math.abs(vp.yToPrice(vp.priceToY(p)) - p)).toBeLessThanOrEqual(1e-9 * scale);
      }),
    );
  });
});

describe('fitViewport', () => {
  const times = [s(T0), s(T0 + H), s(T0 + 2 * H), s(T0 + 3 * H)];

  it('shows every bar with half a bar of room and the prices with a margin', () => {
    const vp = fitViewport(times, [1.2, 1.3, 1.25], 400, 300);
    expect(vp.logicalRange).toEqual({ from: -0.5, to: 3.5 });
    expect(vp.priceRange.min).toBeCloseTo(1.19, 12);
    expect(vp.priceRange.max).toBeCloseTo(1.31, 12);
    expect(vp.timeToX(s(T0))).toBe(50);
    expect(vp.timeToX(s(T0 + 3 * H))).toBe(350);
  });

  it('adds right offset bars and custom margins', () => {
    const vp = fitViewport(times, [10, 20], 400, 300, { rightOffset: 4, marginRatio: 0 });
    expect(vp.logicalRange).toEqual({ from: -0.5, to: 7.5 });
    expect(vp.priceRange).toEqual({ min: 10, max: 20 });
  });

  it('gives a flat series a span of 1% of its price, or 1 at zero', () => {
    expect(fitViewport(times, [50, 50], 400, 300, { marginRatio: 0 }).priceRange).toEqual({
      min: 49.75,
      max: 50.25,
    });
    expect(fitViewport(times, [0], 400, 300, { marginRatio: 0 }).priceRange).toEqual({ min: -0.5, max: 0.5 });
  });

  it.each([
    ['no prices', [], {}, 'prices: expected at least 1 price, got 0'],
    ['a NaN price', [1, Number.NaN], {}, 'prices[1]: expected a finite number, got NaN'],
    ['a negative margin', [1], { marginRatio: -0.1 }, 'marginRatio: must be a finite number ≥ 0, got -0.1'],
    ['a negative offset', [1], { rightOffset: -1 }, 'rightOffset: must be a finite number ≥ 0, got -1'],
  ])('rejects %s', (_case, prices, options, message) => {
    expect(() => fitViewport(times, prices, 400, 300, options)).toThrow(new RangeError(message));
  });
});
