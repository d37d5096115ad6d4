// Retry delays: capped exponential backoff with full jitter (a uniform draw below the cap, so that
// many clients retrying after one outage spread out), never shorter than the server's Retry-After.

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
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterSeconds === undefined ? jittered : Math.max(jittered, retryAfterSeconds * 1000);
}
