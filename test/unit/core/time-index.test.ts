import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimeIndex } from '../../../src/core/time-index';
import type { Logical, UtcSeconds } from '../../../src/core/units';

const s = (n: number) => n as UtcSeconds;
const l = (n: number) => n as Logical;
const T0 = 1767873600; // 2026-01-08T12:00:00Z

/** Bar times from cumulative intervals, starting at T0. */
function series(intervals: readonly number[]): UtcSeconds[] {
  const out = [s(T0)];
  for (const d of intervals) out.push(s(out[out.length - 1]! + d));
  return out;
}

describe('createTimeIndex: construction errors', () => {
  it.each([
    ['no bars', [], {}, 'times: expected at least 1 bar, got 0'],
    [
      'equal times',
      [T0, T0 + 60, T0 + 60],
      {},
      'times[2]: must be greater than times[1] (1767873660), got 1767873660',
    ],
    [
      'decreasing times',
      [T0, T0 - 1],
      {},
      'times[1]: must be greater than times[0] (1767873600), got 1767873599',
    ],
    ['NaN', [T0, Number.NaN], {}, 'times[1]: expected a finite number, got NaN'],
    ['Infinity', [Number.POSITIVE_INFINITY], {}, 'times[0]: expected a finite number, got Infinity'],
    [
      'zero fallback',
      [T0],
      { fallbackInterval: 0 },
      'fallbackInterval: must be a positive finite number of seconds, got 0',
    ],
  ])('rejects %s', (_case, times, options, message) => {
    expect(() => createTimeIndex(times as UtcSeconds[], options)).toThrow(new RangeError(message));
  });
});

describe('createTimeIndex: mapping', () => {
  const idx = createTimeIndex(series([60, 60, 120, 60]));

  it('is exact on bars both ways', () => {
    expect([0, 1, 2, 3, 4].map((i) => idx.timeToLogical(idx.timeAt(i)))).toEqual([0, 1, 2, 3, 4]);
    expect([0, 1, 2, 3, 4].map((i) => idx.logicalToTime(l(i)))).toEqual([
      T0,
      T0 + 60,
      T0 + 120,
      T0 + 240,
      T0 + 300,
    ]);
  });

  it('interpolates linearly between neighbouring bars', () => {
    expect(idx.timeToLogical(s(T0 + 150))).toBe(2.25);
    expect(idx.logicalToTime(l(2.75))).toBe(T0 + 210);
  });

  it('extrapolates with the median interval at each end (mean would differ)', () => {
    // intervals 60, 60, 120, 60 → median 60 both ways (the mean is 75).
    expect(idx.barSpacing).toBe(60);
    expect(idx.intervalBefore).toBe(60);
    expect(idx.timeToLogical(s(T0 + 300 + 600))).toBe(14);
    expect(idx.timeToLogical(s(T0 - 90))).toBe(-1.5);
    expect(idx.logicalToTime(l(-2))).toBe(T0 - 120);
  });

  it('takes the mean of the two middle intervals for an even count', () => {
    expect(createTimeIndex(series([60, 120, 60, 120])).barSpacing).toBe(90);
  });

  it('looks only at the first and last 50 intervals for the two medians', () => {
    const idx2 = createTimeIndex(series([...Array(60).fill(300), ...Array(50).fill(600)]));
    expect(idx2.intervalBefore).toBe(300);
    expect(idx2.barSpacing).toBe(600);
    expect(idx2.timeToLogical(s(T0 - 900))).toBe(-3);
    expect(idx2.timeToLogical(s(idx2.timeAt(110) + 1800))).toBe(113);
    expect(idx2.logicalToTime(l(-3))).toBe(T0 - 900);
    expect(idx2.logicalToTime(l(113))).toBe(idx2.timeAt(110) + 1800);
  });

  it('uses 60 s for a single bar unless a fallback interval is given', () => {
    const one = createTimeIndex([s(T0)]);
    expect([
      one.length,
      one.barSpacing,
      one.timeToLogical(s(T0 + 120)),
      one.timeToLogical(s(T0 - 30)),
    ]).toEqual([1, 60, 2, -0.5]);
    const daily = createTimeIndex([s(T0)], { fallbackInterval: 86400 });
    expect(daily.logicalToTime(l(1.5))).toBe(T0 + 129600);
    expect(daily.nearestIndex(s(0))).toBe(0);
  });

  it('finds the nearest bar, ties to the earlier one, clamped to the data', () => {
    expect(idx.nearestIndex(s(T0 + 29))).toBe(0);
    expect(idx.nearestIndex(s(T0 + 30))).toBe(0);
    expect(idx.nearestIndex(s(T0 + 31))).toBe(1);
    expect(idx.nearestIndex(s(T0 + 181))).toBe(3);
    expect(idx.nearestIndex(s(T0 - 1e6))).toBe(0);
    expect(idx.nearestIndex(s(T0 + 1e6))).toBe(4);
  });

  it('rejects bar indexes outside the data or fractional ones', () => {
    expect(() => idx.timeAt(5)).toThrow(new RangeError('timeAt: index must be an integer in 0..4, got 5'));
    expect(() => idx.timeAt(1.5)).toThrow(
      new RangeError('timeAt: index must be an integer in 0..4, got 1.5'),
    );
  });

  it('keeps its own copy of the times', () => {
    const times = series([60, 60]);
    const own = createTimeIndex(times);
    times[1] = s(T0 + 5);
    expect(own.timeAt(1)).toBe(T0 + 60);
  });
});

describe('createTimeIndex: properties', () => {
  const arbSeries = fc
    .array(fc.integer({ min: 1, max: 3 * 86400 }), { minLength: 0, maxLength: 300 })
    .map((intervals) => createTimeIndex(series(intervals)));

  it('time → logical → time is the identity inside and outside the data', () => {
    fc.assert(
      fc.property(arbSeries, fc.double({ min: -2, max: 2, noNaN: true }), (idx, u) => {
        const first = idx.timeAt(0);
        const last = idx.timeAt(idx.length - 1);
        const span = Math.max(last - first, 86400);
        const t = s(first + (last - first) / 2 + u * span * 2);
        const back = idx.logicalToTime(idx.timeToLogical(t));
        expect(Math.abs(back - t)).toBeLessThanOrEqual(1e-9 * Math.abs(t));
        expect(Math.abs(back - t)).toBeLessThanOrEqual(1e-4);
      }),
    );
  });

  it('timeToLogical is strictly increasing', () => {
    fc.assert(
      fc.property(
        arbSeries,
        fc.integer({ min: -1e8, max: 1e8 }),
        fc.integer({ min: 1, max: 1e6 }),
        (idx, a, d) => {
          const t = s(idx.timeAt(0) + a);
          expect(idx.timeToLogical(s(t + d))).toBeGreaterThan(idx.timeToLogical(t));
        },
      ),
    );
  });
});
