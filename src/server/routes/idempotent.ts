// The idempotent-write frame Create and Append share (spec §2.1): replay a stored response,
// else run the work in one transaction that also stores its response, and free the key again
// when the work fails so that a retry can run it.
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
