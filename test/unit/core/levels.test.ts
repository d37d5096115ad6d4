import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVEL_NAMES, type Levels } from '../../../src/core/analysis';
import { checkLevelOrder, clampLevelPrice, mergeLevels } from '../../../src/core/levels';
import type { Price, UtcSeconds } from '../../../src/core/units';

const T = 1767873600 as UtcSeconds;
const level = (id: string, p: number) => ({ id, price: p as Price, time: T });

describe('checkLevelOrder', () => {
  it('accepts ordered levels, any subset, and no levels', () => {
    expect(
      checkLevelOrder({ support: { price: 1.341 }, pivot: { price: 1.35 }, resistance: { price: 1.36 } }),
    ).toBe(null);
    expect(checkLevelOrder({ support: { price: -2 }, resistance: { price: -1 } })).toBe(null);
    expect(checkLevelOrder({ pivot: { price: 5 } })).toBe(null);
    expect(checkLevelOrder({})).toBe(null);
  });

  it('names the later level when pivot is not above support', () => {
    expect(checkLevelOrder({ support: { price: 1.341 }, pivot: { price: 1.341 } })).toEqual({
      level: 'pivot',
      previous: 'support',
      message: 'levels.pivot.price: must be above support (1.341)',
    });
  });

  it('compares resistance with support when pivot is absent', () => {
    expect(checkLevelOrder({ support: { price: 1.36 }, resistance: { price: 1.35 } })).toEqual({
      level: 'resistance',
      previous: 'support',
      message: 'levels.resistance.price: must be above support (1.36)',
    });
  });

  it('reports the first violation in price order', () => {
    expect(checkLevelOrder({ support: { price: 3 }, pivot: { price: 2 }, resistance: { price: 1 } })).toEqual(
      {
        level: 'pivot',
        previous: 'support',
        message: 'levels.pivot.price: must be above support (3)',
      },
    );
    expect(
      checkLevelOrder({ support: { price: 1 }, pivot: { price: 3 }, resistance: { price: 2 } })?.message,
    ).toBe('levels.resistance.price: must be above pivot (3)');
  });

  it('rejects NaN prices rather than letting them pass the comparison', () => {
    expect(checkLevelOrder({ support: { price: 1 }, pivot: { price: Number.NaN } })?.level).toBe('pivot');
  });
});

describe('mergeLevels', () => {
  const current: Levels = { support: level('s', 1), pivot: level('p', 2) };

  it('replaces given levels, removes null ones, keeps absent and undefined ones', () => {
    const r = level('r', 3);
    const s2 = level('s2', 0.5);
    expect(mergeLevels(current, { support: s2, pivot: undefined, resistance: r })).toEqual({
      support: s2,
      pivot: current.pivot,
      resistance: r,
    });
    expect(mergeLevels(current, { pivot: null })).toEqual({ support: current.support });
    expect(mergeLevels(current, {})).toEqual(current);
  });

  it('removing an absent level is a no-op and leaves no undefined key', () => {
    const merged = mergeLevels(current, { resistance: null });
    expect(Object.keys(merged)).toEqual(['support', 'pivot']);
  });
});

describe('clampLevelPrice', () => {
  const levels = { support: { price: 1.3 }, pivot: { price: 1.35 }, resistance: { price: 1.4 } };

  it('passes a price between the neighbours through unchanged', () => {
    expect(clampLevelPrice(levels, 'pivot', 1.37, 0.001)).toBe(1.37);
  });

  it('stops epsilon inside the nearest neighbours', () => {
    expect(clampLevelPrice(levels, 'pivot', 1.5, 0.001)).toBeCloseTo(1.399, 12);
    expect(clampLevelPrice(levels, 'pivot', 1.0, 0.001)).toBeCloseTo(1.301, 12);
    expect(clampLevelPrice(levels, 'resistance', 1.0, 0.001)).toBeCloseTo(1.351, 12);
    expect(clampLevelPrice(levels, 'support', 2, 0.001)).toBeCloseTo(1.349, 12);
  });

  it('skips absent neighbours and leaves an outer side unbounded', () => {
    const partial = { support: { price: 1.3 }, resistance: { price: 1.4 } };
    expect(clampLevelPrice(partial, 'resistance', 1.2, 0.01)).toBeCloseTo(1.31, 12);
    expect(clampLevelPrice(partial, 'resistance', 99, 0.01)).toBe(99);
    expect(clampLevelPrice(partial, 'support', -99, 0.01)).toBe(-99);
    expect(clampLevelPrice({}, 'pivot', 7, 0.01)).toBe(7);
  });

  it('stays strictly inside where epsilon vanishes in rounding', () => {
    const big = { support: { price: 1e8 }, resistance: { price: 2e8 } };
    const p = clampLevelPrice(big, 'pivot', 0, 1e-9);
    expect(p).toBeGreaterThan(1e8);
    expect(p - 1e8).toBe(2 ** -26); // one ulp at 1e8
    expect(clampLevelPrice(big, 'pivot', 3e8, 1e-9)).toBeLessThan(2e8);
    expect(clampLevelPrice({ support: { price: 0 } }, 'pivot', -1, 0)).toBe(Number.MIN_VALUE);
  });

  it('settles halfway when the neighbours are closer than two epsilons', () => {
    expect(
      clampLevelPrice({ support: { price: 1 }, resistance: { price: 1.001 } }, 'pivot', 5, 0.01),
    ).toBeCloseTo(1.0005, 12);
  });

  it('property: the clamped level never breaks the order', () => {
    fc.assert(
      fc.property(
        // Support below pivot below resistance, at least 1e-6 apart: every case is a valid start.
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.constantFrom(...LEVEL_NAMES),
        fc.double({ min: -2e6, max: 2e6, noNaN: true }),
        (s, gap1, gap2, name, target) => {
          const p = s + gap1;
          const r = p + gap2;
          const levels = { support: { price: s }, pivot: { price: p }, resistance: { price: r } };
          const moved = { ...levels, [name]: { price: clampLevelPrice(levels, name, target, 1e-7) } };
          expect(checkLevelOrder(moved)).toBe(null);
        },
      ),
    );
  });
});
