import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Bar, createBarLookup } from '../../../src/chart/bar-lookup';
import type { UtcSeconds } from '../../../src/core/units';

const bar = (time: number, close = time / 1000): Bar => ({
  time: time as UtcSeconds,
  open: close,
  high: close + 1,
  low: close - 1,
  close,
});
const t = (n: number) => n as UtcSeconds;

describe('createBarLookup', () => {
  const bars = [bar(3600), bar(7200), bar(10800), bar(100800)];
  const lookup = createBarLookup(bars);

  it('returns the exact bar for a bar time', () => {
    expect(lookup.nearestBar(t(7200))).toBe(bars[1]);
  });

  it('returns the nearer neighbour between bars, the earlier one on a tie', () => {
    expect(lookup.nearestBar(t(7200 + 1799))).toBe(bars[1]);
    expect(lookup.nearestBar(t(7200 + 1800))).toBe(bars[1]);
    expect(lookup.nearestBar(t(7200 + 1801))).toBe(bars[2]);
  });

  it('returns the first bar before the data and the last bar after it', () => {
    expect(lookup.nearestBar(t(0))).toBe(bars[0]);
    expect(lookup.nearestBar(t(10 ** 9))).toBe(bars[3]);
  });

  it('answers inside a gap by distance (weekend-like gap)', () => {
    expect(lookup.nearestBar(t(50000))).toBe(bars[2]);
    expect(lookup.nearestBar(t(60000))).toBe(bars[3]);
  });

  it('returns null without bars', () => {
    expect(createBarLookup([]).nearestBar(t(1))).toBeNull();
  });

  it('rejects unsorted candles naming the index', () => {
    expect(() => createBarLookup([bar(10), bar(10)])).toThrow(
      'candles[1].time: must be after candles[0].time (10), got 10',
    );
  });

  it('agrees with a linear scan for any sorted bars and any time', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10 ** 6 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: -1000, max: 10 ** 6 + 1000 }),
        (raw, time) => {
          const sorted = [...raw].sort((a, b) => a - b).map((x) => bar(x));
          let best = sorted[0];
          for (const b of sorted) if (Math.abs(b.time - time) < Math.abs(best.time - time)) best = b;
          expect(createBarLookup(sorted).nearestBar(t(time))).toBe(best);
        },
      ),
    );
  });
});
