// The idempotent-write frame Create and Append share (spec §2.1): replay a stored response,
// else run the work in one transaction that also stores its response, and free the key again
// when the work fails so that a retry can run it.
import { IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_PATTERN } from '../../schema/limits';
import { ApiError, issue } from '../api-error';
import { json, type ServerContext } from '../context';
import {
  abandonIdempotent,
  beginIdempotent,
  completeIdempotent,
  idempotencyScope,
  type StoredResponse,
} from '../idempotency';
import type { TxDecision, TxReads, TxSnapshot } from '../storage/storage';

/** What identifies an idempotent request: the body's key (if any), operation, target and raw body. */
export interface IdempotentRequest {
  readonly communityId: string;
  readonly idempotencyKey: string | undefined;
  readonly operation: string;
  readonly target: string;
  readonly raw: unknown;
  /**
   * Checks that the caller may act on the target now, before a stored response is replayed:
   * a replay never shows what the caller could not have done itself (spec §5.3).
   */
  readonly checkScope?: () => Promise<void>;
}

/**
 * The request's idempotency key: the `Idempotency-Key` header (the IETF httpapi draft's name) or
 * the body's `idempotencyKey`; both given and different → 400 idempotency_key_conflict.
 */
export function idempotencyKeyOf(header: string | null, bodyKey: string | undefined): string | undefined {
  if (header === null) return bodyKey;
  if (header.length < 1 || header.length > IDEMPOTENCY_KEY_MAX || !IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new ApiError('validation_failed', undefined, {
      errors: [
        issue(
          ['Idempotency-Key'],
          'invalid_format',
          `must be 1–${IDEMPOTENCY_KEY_MAX} printable ASCII characters`,
        ),
      ],
    });
  }
  if (bodyKey !== undefined && bodyKey !== header) {
    throw new ApiError(
      'idempotency_key_conflict',
      `Idempotency-Key header "${header}" differs from the body's idempotencyKey "${bodyKey}"`,
    );
  }
  return header;
}

/** A stored 2xx response, sent again byte for byte. */
export function replay(stored: StoredResponse): Response {
  const headers: Record<string, string> = { 'idempotent-replayed': 'true' };
  if (stored.etag !== null) headers.etag = stored.etag;
  return json(stored.status, stored.body, headers);
}

/**
 * Runs `decide` in one transaction over `reads`; with an idempotency key, a stored response is
 * replayed instead, the decided response is stored with the work, and a failure clears the key.
 */
export async function runIdempotent(
  ctx: ServerContext,
  request: IdempotentRequest,
  now: number,
  reads: TxReads,
  decide: (snapshot: TxSnapshot) => TxDecision<StoredResponse>,
): Promise<Response> {
  const { communityId, idempotencyKey, operation, target, raw } = request;
  const scope =
    idempotencyKey === undefined
      ? null
      : idempotencyScope(communityId, idempotencyKey, operation, target, raw);
  if (scope) {
    await request.checkScope?.();
    const stored = await beginIdempotent(ctx.storage, scope, now);
    if (stored) return replay(stored);
  }
  try {
    const response = await ctx.storage.atomically(reads, (snapshot) => {
      const { writes, result } = decide(snapshot);
      return { writes: scope ? { ...writes, ...completeIdempotent(scope, result, now) } : writes, result };
    });
    return json(response.status, response.body, response.etag === null ? {} : { etag: response.etag });
  } catch (err) {
    if (scope) await abandonIdempotent(ctx.storage, scope);
    throw err;
  }
}
