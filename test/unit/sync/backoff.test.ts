import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelay } from '../../../src/sync/backoff';

describe('retryDelay', () => {
  it('doubles the ceiling from 500 ms and caps it at 30 s (random just below 1)', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 5, 6, 10, 60].map((a) => retryDelay(a, top))).toEqual([
      499, 999, 1999, 3999, 15999, 29999, 29999, 29999,
    ]);
  });

  it('is full jitter: 0 with random 0, never below Retry-After', () => {
    expect(retryDelay(4, () => 0)).toBe(0);
    expect(retryDelay(0, () => 0.5, 7)).toBe(7000);
    expect(retryDelay(6, () => 0.5, 1)).toBe(15000);
  });

  it('always lies in [max(Retry-After, 0), max(Retry-After, cap)]', () => {
    fc.assert(
      fc.property(
        fc.nat(100),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.option(fc.nat(120), { nil: undefined }),
        (attempt, r, after) => {
          const d = retryDelay(attempt, () => r, after);
          const floor = (after ?? 0) * 1000;
          expect(d).toBeGreaterThanOrEqual(floor);
          expect(d).toBeLessThanOrEqual(Math.max(floor, DEFAULT_BACKOFF.capMs));
        },
      ),
    );
  });
});
