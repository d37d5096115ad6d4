// Scoped browser tokens (spec §5.1): a JWT signed with HS256 naming the key that issued it, the
// sender it acts for, its permissions and channels. Every instance that shares the secret
// verifies it without a shared cache; the issuing key is read again on each request, so revoking
// it ends its tokens at once.
import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Permission } from './keys';

/** Environment variable holding the shared signing secret (at least 32 characters). */
export const TOKEN_SECRET_ENV = 'CHARTMARK_TOKEN_SECRET';
/** Shortest secret accepted: HS256 wants a key of at least 256 bits. */
export const TOKEN_SECRET_MIN_LENGTH = 32;

const ALG = 'HS256';
const ISSUER = 'chartmark';
const AUDIENCE = 'chartmark-api';
// Three base64url parts; anything longer than this is no token of ours.
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 4096;

/** What a token grants; times in unix ms. */
export interface TokenClaims {
  /** Id of the API key that issued it. */
  readonly keyId: string;
  readonly communityId: string;
  /** Null = every channel the issuing key covers. */
  readonly channelIds: readonly string[] | null;
  readonly permissions: readonly Permission[];
  readonly sender: string;
  readonly expiresAt: number;
}

/** The signing secret from configuration, or a random one for this process alone. */
export function tokenSecret(configured: string | undefined): { secret: Uint8Array; shared: boolean } {
  if (configured === undefined || configured === '')
    return { secret: new Uint8Array(randomBytes(32)), shared: false };
  if (configured.length < TOKEN_SECRET_MIN_LENGTH) {
    throw new RangeError(
      `${TOKEN_SECRET_ENV}: must be at least ${TOKEN_SECRET_MIN_LENGTH} characters (got ${configured.length})`,
    );
  }
  return { secret: new TextEncoder().encode(configured), shared: true };
}

/** Whether a bearer value has the shape of a token (keys have their own `cm_` shape). */
export function looksLikeToken(value: string): boolean {
  return value.length <= MAX_TOKEN_LENGTH && JWT_SHAPE.test(value);
}

/** Signs a token; `expiresAt` must be a whole second (the JWT `exp` claim is in seconds). */
export function signToken(secret: Uint8Array, claims: TokenClaims, now: number): Promise<string> {
  return new SignJWT({
    key: claims.keyId,
    cid: claims.communityId,
    chs: claims.channelIds,
    prm: claims.permissions,
  })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.sender)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(claims.expiresAt / 1000))
    .sign(secret);
}

/** Why a token was refused. */
export type TokenFailure = 'token_expired' | 'token_invalid';

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Verifies signature, issuer, audience and expiry at `now` (unix ms) and reads the claims. */
export async function verifyToken(
  secret: Uint8Array,
  token: string,
  now: number,
): Promise<
  { readonly ok: true; readonly claims: TokenClaims } | { readonly ok: false; readonly reason: TokenFailure }
> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: [ALG],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: new Date(now),
      requiredClaims: ['exp', 'sub'],
    });
    const { key, cid, chs, prm, sub, exp } = payload as Record<string, unknown>;
    if (
      typeof key !== 'string' ||
      typeof cid !== 'string' ||
      typeof sub !== 'string' ||
      typeof exp !== 'number' ||
      !(chs === null || isStringArray(chs)) ||
      !isStringArray(prm)
    )
      return { ok: false, reason: 'token_invalid' };
    const claims: TokenClaims = {
      keyId: key,
      communityId: cid,
      channelIds: chs,
      permissions: prm as Permission[],
      sender: sub,
      expiresAt: exp * 1000,
    };
    return { ok: true, claims };
  } catch (err) {
    // Only the kind of failure is kept: jose's messages never reach a log or a response.
    return { ok: false, reason: err instanceof errors.JWTExpired ? 'token_expired' : 'token_invalid' };
  }
}
