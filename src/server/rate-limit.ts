// Per-key write rate limit: a token bucket per API key id (per key and sender for browser tokens),
// announced in the IETF httpapi draft's RateLimit and RateLimit-Policy headers (spec §5.3).

/**
 * Default bucket: 60 writes, refilled at 6 per second (60 per 10 s). The buckets live in this
 * process's memory, so the limit is per process for now; several server processes would each
 * allow the full rate.
 */
export const DEFAULT_WRITE_RATE_LIMIT = { capacity: 60, refillPerSecond: 6 } as const;

/** Bucket size and refill speed. */
export interface RateLimitOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/** The verdict for one request, with what is left of the bucket afterwards. */
export type RateDecision = {
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** Seconds until the bucket is full again. */
  readonly resetSeconds: number;
} & ({ readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number });

/** A token-bucket limiter keyed by string; `take` spends one token at time `now` (unix ms). */
export interface RateLimiter {
  readonly options: RateLimitOptions;
  /** Spends one request of `key` at `now` (ms) and says whether it is allowed. */
  take(key: string, now: number): RateDecision;
}

/** Creates a limiter; buckets start full. */
export function createRateLimiter(options: RateLimitOptions = DEFAULT_WRITE_RATE_LIMIT): RateLimiter {
  if (!(options.capacity >= 1) || !(options.refillPerSecond > 0)) {
    throw new RangeError('rateLimit: capacity must be ≥ 1 and refillPerSecond > 0');
  }
  const buckets = new Map<string, { tokens: number; at: number }>();
  const left = (tokens: number) => ({
    remaining: Math.floor(tokens),
    resetSeconds: Math.ceil((options.capacity - tokens) / options.refillPerSecond),
  });
  return {
    options,
    take(key, now) {
      const b = buckets.get(key) ?? { tokens: options.capacity, at: now };
      const elapsed = Math.max(0, now - b.at) / 1000;
      b.tokens = Math.min(options.capacity, b.tokens + elapsed * options.refillPerSecond);
      b.at = now;
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true, ...left(b.tokens) };
      }
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / options.refillPerSecond)),
        ...left(b.tokens),
      };
    },
  };
}

/** Name of our one policy in the RateLimit headers. */
export const RATE_LIMIT_POLICY = 'writes';

/**
 * `RateLimit-Policy: "writes";q=<capacity>;w=<seconds to refill it>` and
 * `RateLimit: "writes";r=<remaining>;t=<seconds until full>` (draft-ietf-httpapi-ratelimit-headers).
 */
export function rateLimitHeaders(limiter: RateLimiter, decision: RateDecision): Record<string, string> {
  const { capacity, refillPerSecond } = limiter.options;
  const window = Math.ceil(capacity / refillPerSecond);
  return {
    'ratelimit-policy': `"${RATE_LIMIT_POLICY}";q=${capacity};w=${window}`,
    ratelimit: `"${RATE_LIMIT_POLICY}";r=${decision.remaining};t=${decision.resetSeconds}`,
  };
}
