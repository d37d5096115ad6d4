// Retry delays of the sync engine: the core backoff policy with full jitter (a uniform draw below
// the ceiling), never shorter than the server's Retry-After.
import { jitteredDelay } from '../core/backoff';

/** Backoff tuning in milliseconds. */
export interface BackoffOptions {
  readonly baseMs: number;
  readonly capMs: number;
}

/** Defaults: 500 ms doubling up to 30 s. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 };

/** Delay before retry number `attempt` (0 = first retry); `random` returns [0, 1). */
export function retryDelay(
  attempt: number,
  random: () => number,
  retryAfterSeconds?: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const jittered = jitteredDelay(attempt, { ...options, jitter: { kind: 'full' } }, random);
  return retryAfterSeconds === undefined ? jittered : Math.max(jittered, retryAfterSeconds * 1000);
}
