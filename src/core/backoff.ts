// The one retry-spacing policy of the project: a capped exponential ceiling with jitter, pure, with
// the random source injected. The sync engine uses full jitter (many clients retrying after one
// outage spread over the whole window); webhook delivery uses a relative spread around the ceiling.

/** How a delay is drawn below or around the exponential ceiling. */
export type Jitter =
  /** Uniform in [0, ceiling). */
  | { readonly kind: 'full' }
  /** The ceiling scaled by a factor in [1 − spread, 1 + spread], capped, never below 1 ms. */
  | { readonly kind: 'relative'; readonly spread: number };

/** A backoff policy in milliseconds: `baseMs` doubling per retry up to `capMs`, then `jitter`. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  readonly jitter: Jitter;
}

/** The un-jittered delay before retry `retry` (0 = first retry): base · 2^retry, capped. */
export function backoffCeiling(retry: number, policy: BackoffPolicy): number {
  if (!Number.isInteger(retry) || retry < 0)
    throw new RangeError(`retry: must be an integer ≥ 0, got ${retry}`);
  // 2^30 already exceeds any sane cap; clamping the exponent avoids Infinity for long outages.
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(retry, 30));
}

/** The delay before retry `retry` (0 = first retry); `random` returns [0, 1). */
export function jitteredDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = backoffCeiling(retry, policy);
  const { jitter } = policy;
  if (jitter.kind === 'full') return Math.floor(random() * ceiling);
  const factor = 1 + jitter.spread * (2 * random() - 1);
  return Math.max(1, Math.min(policy.capMs, Math.round(ceiling * factor)));
}
