// The one error the API client throws: an HTTP failure as data (status, stable code, issues,
// Retry-After) or a network failure (status 0), so that the sync engine can decide on retries.
import type { ErrorIssue } from '../schema/errors';

/** Status codes that a client may send again unchanged (spec §1.3: conflicts, limits, server faults). */
export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([408, 409, 412, 429]);

/** A failed API call. `status` 0 means the request never got an HTTP answer (offline, DNS, reset). */
export class ApiError extends Error {
  /** HTTP status, or 0 for a network failure. */
  readonly status: number;
  /** The envelope's stable `code` (`network_error` / `invalid_response` when there was none). */
  readonly code: string;
  /** The envelope's `errors` (validation issues), empty when absent. */
  readonly issues: readonly ErrorIssue[];
  /** Seconds from the `Retry-After` header, when the server sent one. */
  readonly retryAfter: number | undefined;
  /** The envelope's `data` (e.g. `{ currentVersion }` on 412), when present. */
  readonly data: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { issues?: readonly ErrorIssue[]; retryAfter?: number; data?: unknown } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = extra.issues ?? [];
    this.retryAfter = extra.retryAfter;
    this.data = extra.data;
  }

  /** True when the server refused a write as a whole because it moved on (412, or 409 on a taken id). */
  get conflict(): boolean {
    return this.status === 412 || (this.status === 409 && this.code === 'duplicate_client_object_id');
  }

  /** True for network failures, 5xx and 408/409/412/429: sending again may succeed. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || RETRYABLE_STATUS.has(this.status);
  }
}

/** Parses a `Retry-After` value (delta seconds or an HTTP date) into seconds from `nowMs`. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
