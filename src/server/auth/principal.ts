// Who is calling: an API key, or a browser token standing for one (spec §1.2, §5.1). Either way
// the routes see one Principal; a token's scope is what it was issued with, cut down to what
// its key still holds, and the key itself must still be live on every request.
import type { ApiKeyRow, Storage } from '../storage/storage';
import { type AuthFailure, authenticate, parseBearer } from './keys';
import { looksLikeToken, type TokenFailure, verifyToken } from './tokens';

/** The caller a request runs as. */
export interface Principal {
  /** Id of the API key (for a token: the key that issued it). */
  readonly keyId: string;
  readonly communityId: string;
  /** Null = every channel of the community. */
  readonly channelIds: readonly string[] | null;
  readonly permissions: readonly string[];
  /** The token's sender, whose writes must carry it; null for an API key. */
  readonly sender: string | null;
  /** Whose rate-limit bucket the request spends: the key, or the key and the token's sender. */
  readonly rateKey: string;
}

/** Why a request is not authenticated. */
export type PrincipalFailure = AuthFailure | TokenFailure | 'token_key_revoked';

/** The principal of a key row. */
export function keyPrincipal(key: ApiKeyRow): Principal {
  return {
    keyId: key.id,
    communityId: key.communityId,
    channelIds: key.channelIds,
    permissions: key.permissions,
    sender: null,
    rateKey: key.id,
  };
}

const intersect = (token: readonly string[] | null, key: readonly string[] | null) =>
  token === null ? key : key === null ? token : token.filter((c) => key.includes(c));

/** Authenticates an Authorization header value with a key or a token at `now` (unix ms). */
export async function authenticatePrincipal(
  storage: Storage,
  secret: Uint8Array,
  header: string | undefined,
  now: number,
): Promise<
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly reason: PrincipalFailure }
> {
  const bearer = parseBearer(header);
  if (bearer.ok && looksLikeToken(bearer.value)) {
    const verified = await verifyToken(secret, bearer.value, now);
    if (!verified.ok) return verified;
    const { claims } = verified;
    const key = await storage.findApiKeyById(claims.keyId);
    if (key === null || key.communityId !== claims.communityId) return { ok: false, reason: 'token_invalid' };
    const live =
      (key.revokedAt === null || key.revokedAt > now) && (key.expiresAt === null || now < key.expiresAt);
    if (!live) return { ok: false, reason: 'token_key_revoked' };
    return {
      ok: true,
      principal: {
        keyId: key.id,
        communityId: key.communityId,
        channelIds: intersect(claims.channelIds, key.channelIds),
        permissions: claims.permissions.filter((p) => key.permissions.includes(p)),
        sender: claims.sender,
        rateKey: `${key.id}\u0000${claims.sender}`,
      },
    };
  }
  const result = await authenticate(storage, header, now);
  return result.ok ? { ok: true, principal: keyPrincipal(result.key) } : result;
}
