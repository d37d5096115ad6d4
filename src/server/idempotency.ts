// Idempotency for Create and Append (spec §2.1): records scoped to (community, key), kept 24 h.
// The in-flight marker is committed on its own before the work starts, so a concurrent retry
// sees it and gets 409; the stored response is written in the same transaction as the work.
import { createHash } from 'node:crypto';
import { ApiError } from './api-error';
import type { IdempotencyRow, Storage, TxWrites } from './storage/storage';

/** How long a record is kept and honoured. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * An in-flight marker older than this is taken to belong to a request that died (a crash
 * between the marker and the work), so a retry takes the key over instead of waiting 24 h.
 */
export const IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS = 60 * 1000;

/** JSON with object keys sorted at every depth, so equal bodies serialise to equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  for (const k of keys) {
    if (obj[k] === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + canonicalJson(obj[k]);
  }
  return `${out}}`;
}

/** Where a key applies and what the request was. */
export interface IdempotencyScope {
  readonly communityId: string;
  readonly key: string;
  /** SHA-256 of the canonical operation, target and body. */
  readonly requestHash: string;
}

/** Scope for a request: the operation and its target are hashed with the body. */
export function idempotencyScope(
  communityId: string,
  key: string,
  operation: string,
  target: string,
  body: unknown,
): IdempotencyScope {
  const requestHash = createHash('sha256').update(canonicalJson({ operation, target, body })).digest('hex');
  return { communityId, key, requestHash };
}

/** A stored response to replay. */
export type StoredResponse = NonNullable<IdempotencyRow['response']>;

/**
 * Starts an idempotent request: returns the stored response to replay, or null after committing
 * an in-flight marker. Throws 409 while another request holds the key, 422 for another body.
 */
export async function beginIdempotent(
  storage: Storage,
  scope: IdempotencyScope,
  now: number,
): Promise<StoredResponse | null> {
  const ref = { communityId: scope.communityId, key: scope.key };
  return storage.atomically({ idempotency: ref }, ({ idempotency: row }) => {
    const abandoned =
      row !== null && row.response === null && now - row.createdAt >= IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS;
    const live = row !== null && row.expiresAt > now && !abandoned ? row : null;
    if (live) {
      if (live.requestHash !== scope.requestHash) {
        throw new ApiError(
          'idempotency_key_reused',
          `idempotencyKey "${scope.key}" was used with a different body`,
        );
      }
      if (live.response === null) {
        throw new ApiError(
          'idempotency_key_in_flight',
          `A request with idempotencyKey "${scope.key}" is still running`,
        );
      }
      return { writes: {}, result: live.response };
    }
    const marker: IdempotencyRow = {
      ...ref,
      requestHash: scope.requestHash,
      response: null,
      createdAt: now,
      expiresAt: now + IDEMPOTENCY_TTL_MS,
    };
    // Expired records are ignored above and purged here, in the same short transaction.
    return { writes: { purgeIdempotencyAt: now, putIdempotency: marker }, result: null };
  });
}

/** The write that stores a 2xx response, to include in the work's own transaction. */
export function completeIdempotent(scope: IdempotencyScope, response: StoredResponse, now: number): TxWrites {
  return {
    putIdempotency: {
      communityId: scope.communityId,
      key: scope.key,
      requestHash: scope.requestHash,
      response,
      createdAt: now,
      expiresAt: now + IDEMPOTENCY_TTL_MS,
    },
  };
}

/** Clears our in-flight marker after a failure, so the key can be retried. */
export async function abandonIdempotent(storage: Storage, scope: IdempotencyScope): Promise<void> {
  const ref = { communityId: scope.communityId, key: scope.key };
  await storage.atomically({ idempotency: ref }, ({ idempotency: row }) => ({
    writes:
      row !== null && row.response === null && row.requestHash === scope.requestHash
        ? { deleteIdempotency: ref }
        : {},
    result: null,
  }));
}
