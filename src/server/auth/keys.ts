// API keys (spec §1.2): `cm_` + 32 random bytes base64url. Only the SHA-256 hash is stored; a
// lookup goes by hash, then the stored and computed hashes are compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createIdGenerator } from '../ids';
import type { ApiKeyRow, Storage } from '../storage/storage';

/** Permission names of the spec (§1.2). */
export const PERMISSIONS = ['analysis:read', 'analysis:write'] as const;
/** One permission. */
export type Permission = (typeof PERMISSIONS)[number];

/** Prefix of every key, so a leaked value is recognisable. */
export const API_KEY_PREFIX = 'cm_';
// 32 bytes in base64url without padding are 43 characters.
const KEY_PATTERN = /^cm_[A-Za-z0-9_-]{43}$/;
// The scheme name is case-insensitive (RFC 9110 §11.1).
const BEARER = /^Bearer ([^\s]+)$/i;

/** Options of `createApiKey`. */
export interface CreateApiKeyOptions {
  readonly communityId: string;
  /** Channels the key may use; absent = every channel of the community. */
  readonly channelIds?: readonly string[];
  readonly permissions: readonly Permission[];
  readonly expiresInSeconds?: number;
  /** Clock in unix ms. */
  readonly now?: number;
}

/** SHA-256 hex of a key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

const nextId = createIdGenerator();

/** Creates and stores a key; the returned `key` is shown once and never stored. */
export async function createApiKey(
  storage: Storage,
  options: CreateApiKeyOptions,
): Promise<{ key: string; id: string }> {
  for (const p of options.permissions) {
    if (!(PERMISSIONS as readonly string[]).includes(p)) {
      throw new Error(`permissions: unknown permission "${p}" (expected ${PERMISSIONS.join(' or ')})`);
    }
  }
  const now = options.now ?? Date.now();
  const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  const id = nextId();
  const row: ApiKeyRow = {
    id,
    hash: hashApiKey(key),
    prefix: key.slice(0, 8),
    communityId: options.communityId,
    channelIds: options.channelIds ? [...options.channelIds] : null,
    permissions: [...options.permissions],
    expiresAt: options.expiresInSeconds === undefined ? null : now + options.expiresInSeconds * 1000,
    revokedAt: null,
    createdAt: now,
  };
  await storage.insertApiKey(row);
  return { key, id };
}

/** Revokes a key; false when it is unknown or already revoked. */
export async function revokeApiKey(
  storage: Storage,
  key: string,
  now: number = Date.now(),
): Promise<boolean> {
  return storage.revokeApiKeyByHash(hashApiKey(key), now);
}

/** Why authentication failed. */
export type AuthFailure = 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked';

/** The authenticated key, or why there is none. */
export type AuthResult =
  | { readonly ok: true; readonly key: ApiKeyRow }
  | { readonly ok: false; readonly reason: AuthFailure };

/** The credential of an Authorization header value, or why there is none. */
export function parseBearer(
  header: string | undefined,
):
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' } {
  if (header === undefined || header === '') return { ok: false, reason: 'missing' };
  const value = BEARER.exec(header)?.[1];
  return value === undefined ? { ok: false, reason: 'malformed' } : { ok: true, value };
}

/** Checks an Authorization header value at time `now` (unix ms). */
export async function authenticate(
  storage: Storage,
  header: string | undefined,
  now: number,
): Promise<AuthResult> {
  const bearer = parseBearer(header);
  if (!bearer.ok) return bearer;
  const key = bearer.value;
  if (!KEY_PATTERN.test(key)) return { ok: false, reason: 'malformed' };
  const hash = hashApiKey(key);
  const row = await storage.findApiKeyByHash(hash);
  // The lookup is by hash already; the constant-time compare keeps the final decision free of
  // an early-exit string comparison whatever index the storage uses.
  if (!row || !timingSafeEqual(Buffer.from(row.hash, 'hex'), Buffer.from(hash, 'hex'))) {
    return { ok: false, reason: 'unknown' };
  }
  if (row.revokedAt !== null && row.revokedAt <= now) return { ok: false, reason: 'revoked' };
  if (row.expiresAt !== null && now >= row.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, key: row };
}

/** The part of a key (or of a token's principal) that scopes what it may do. */
export type Scope = Pick<ApiKeyRow, 'communityId' | 'channelIds' | 'permissions'>;

/** Whether the key may act in this community and (when given) channel. */
export function covers(key: Scope, communityId: string, channelId?: string): boolean {
  if (key.communityId !== communityId) return false;
  return channelId === undefined || key.channelIds === null || key.channelIds.includes(channelId);
}

/** Whether the key carries the permission. */
export function hasPermission(key: Scope, permission: Permission): boolean {
  return key.permissions.includes(permission);
}
