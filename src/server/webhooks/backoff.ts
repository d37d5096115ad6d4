// Retry spacing for webhook deliveries: the core backoff policy with a relative spread, so that
// retries of many endpoints that failed together (one receiver outage) do not all come back at once.
import { jitteredDelay } from '../../core/backoff';

/** Backoff settings; every field has a default. */
export interface BackoffOptions {
  /** Delay before the first retry, ms. */
  readonly baseMs?: number;
  /** Upper bound of any delay, ms (the cap, named as core's BackoffPolicy and the sync engine name it). */
  readonly capMs?: number;
  /** @deprecated the former name of `capMs`; read when `capMs` is absent. */
  readonly maxMs?: number;
  /** Relative jitter, 0..1: the delay is scaled by a factor in [1 − jitter, 1 + jitter]. */
  readonly jitter?: number;
}

/** Defaults: 1 s, doubling, capped at 10 min, ±20 %. */
export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  baseMs: 1_000,
  capMs: 600_000,
  maxMs: 600_000,
  jitter: 0.2,
};

/** Delay in ms before retry number `failures` (1 after the first failure), capped, with jitter. */
export function backoffDelay(
  failures: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const baseMs = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const capMs = options.capMs ?? options.maxMs ?? DEFAULT_BACKOFF.capMs;
  const jitter = options.jitter ?? DEFAULT_BACKOFF.jitter;
  if (!Number.isInteger(failures) || failures < 1)
    throw new RangeError(`failures: must be an integer ≥ 1, got ${failures}`);
  return jitteredDelay(failures - 1, { baseMs, capMs, jitter: { kind: 'relative', spread: jitter } }, random);
}
