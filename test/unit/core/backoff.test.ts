import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BackoffPolicy, backoffCeiling, jitteredDelay } from '../../../src/core/backoff';

const full: BackoffPolicy = { baseMs: 100, capMs: 5_000, jitter: { kind: 'full' } };
const spread: BackoffPolicy = { baseMs: 100, capMs: 5_000, jitter: { kind: 'relative', spread: 0.25 } };

describe('backoff policy', () => {
  it('doubles the ceiling from the base per retry and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40, 5000].map((r) => backoffCeiling(r, full))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000,
    ]);
  });

  it('refuses a retry number that is negative or not an integer, naming it', () => {
    expect(() => backoffCeiling(-1, full)).toThrow('retry: must be an integer ≥ 0, got -1');
    expect(() => jitteredDelay(1.5, full, () => 0)).toThrow('retry: must be an integer ≥ 0, got 1.5');
  });

  it('full jitter draws uniformly below the ceiling: random 0 → 0, random 0.5 → half', () => {
    expect(jitteredDelay(3, full, () => 0)).toBe(0);
    expect(jitteredDelay(3, full, () => 0.5)).toBe(400);
    expect(jitteredDelay(3, full, () => 0.999999)).toBe(799);
  });

  it('relative jitter scales the ceiling by 1 ± spread, capped, at least 1 ms', () => {
    expect(jitteredDelay(3, spread, () => 0)).toBe(600);
    expect(jitteredDelay(3, spread, () => 0.5)).toBe(800);
    expect(jitteredDelay(3, spread, () => 0.999999)).toBe(1000);
    expect(jitteredDelay(10, spread, () => 0.999999)).toBe(5000);
    expect(jitteredDelay(0, { baseMs: 0, capMs: 10, jitter: { kind: 'relative', spread: 1 } }, () => 0)).toBe(
      1,
    );
  });

  it('every delay lies within its jitter window of the ceiling', () => {
    fc.assert(
      fc.property(
        fc.nat(80),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (retry, r, s) => {
          const ceiling = backoffCeiling(retry, full);
          const f = jitteredDelay(retry, full, () => r);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThan(ceiling);
          const policy: BackoffPolicy = { ...full, jitter: { kind: 'relative', spread: s } };
          const d = jitteredDelay(retry, policy, () => r);
          expect(d).toBeGreaterThanOrEqual(Math.max(1, Math.floor(ceiling * (1 - s))));
          expect(d).toBeLessThanOrEqual(Math.min(full.capMs, Math.ceil(ceiling * (1 + s))));
        },
      ),
    );
  });
});
