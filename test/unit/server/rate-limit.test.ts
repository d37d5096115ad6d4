import { describe, expect, it } from 'vitest';
import { createRateLimiter, DEFAULT_WRITE_RATE_LIMIT } from '../../../src/server/rate-limit';

describe('createRateLimiter', () => {
  it('allows 60 writes at once by default, then asks to retry after 1 s (6 tokens per second)', () => {
    const limiter = createRateLimiter();
    expect(DEFAULT_WRITE_RATE_LIMIT).toEqual({ capacity: 60, refillPerSecond: 6 });
    for (let i = 0; i < 60; i++) expect(limiter.take('k', 0).ok).toBe(true);
    expect(limiter.take('k', 0)).toEqual({ ok: false, retryAfterSeconds: 1, remaining: 0, resetSeconds: 10 });
    expect(limiter.take('other', 0)).toEqual({ ok: true, remaining: 59, resetSeconds: 1 });
    expect(limiter.take('k', 166)).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('k', 167)).toMatchObject({ ok: true, remaining: 0 });
  });

  it('refills over time up to the capacity only', () => {
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1 });
    expect([limiter.take('k', 0).ok, limiter.take('k', 0).ok, limiter.take('k', 0).ok]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.take('k', 100_000).ok).toBe(true);
    expect([limiter.take('k', 100_000).ok, limiter.take('k', 100_000).ok]).toEqual([true, false]);
  });

  it('rejects a bucket that could never allow a write', () => {
    expect(() => createRateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow(
      'rateLimit: capacity must be ≥ 1 and refillPerSecond > 0',
    );
  });
});
