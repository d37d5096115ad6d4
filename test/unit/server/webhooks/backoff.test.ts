import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../src/server/webhooks/backoff';

describe('backoffDelay', () => {
  const mid = () => 0.5; // jitter factor exactly 1

  it('doubles from the base delay', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, {}, mid))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('is capped at maxMs, also for very long outages', () => {
    expect(backoffDelay(11, {}, mid)).toBe(600_000);
    expect(backoffDelay(5000, {}, mid)).toBe(600_000);
    expect(backoffDelay(4, { baseMs: 100, maxMs: 500 }, mid)).toBe(500);
  });

  it('is capped at capMs, the name core and sync give the cap; capMs wins over the former maxMs', () => {
    expect(backoffDelay(4, { baseMs: 100, capMs: 300 }, mid)).toBe(300);
    expect(backoffDelay(4, { baseMs: 100, capMs: 300, maxMs: 500 }, mid)).toBe(300);
  });

  it('spreads by ±jitter and never exceeds the cap', () => {
    expect(backoffDelay(3, { jitter: 0.2 }, () => 0)).toBe(3200);
    expect(backoffDelay(3, { jitter: 0.2 }, () => 0.999999)).toBe(4800);
    expect(backoffDelay(20, { jitter: 0.2 }, () => 0.999999)).toBe(600_000);
    expect(backoffDelay(20, { jitter: 0.2 }, () => 0)).toBe(480_000);
  });

  it('names the argument when the failure count is not a positive integer', () => {
    expect(() => backoffDelay(0)).toThrow('failures: must be an integer ≥ 1, got 0');
  });
});
