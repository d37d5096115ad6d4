// Webhook signing (spec §4). The timestamp is inside the signed text so a captured delivery
// cannot be replayed later with a fresh `t`; receivers reject old `t` values with a tolerance.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of every webhook signing secret, so a leaked value is recognisable. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** Default age, in seconds, after which a receiver should refuse a signature. */
export const DEFAULT_SIGNATURE_TOLERANCE_SEC = 300;

/** A new random signing secret: `whsec_` + 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/** The `X-Signature` header value for `body` signed at unix second `t`. */
export function signWebhook(secret: string, body: string, t: number): string {
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** Why a signature check failed, or `ok`. */
export type SignatureCheck =
  | { readonly ok: true; readonly t: number }
  | { readonly ok: false; readonly reason: 'malformed' | 'expired' | 'mismatch' };

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Checks an `X-Signature` header against the body: well-formed, `t` within `toleranceSec` of
 * `nowSec` (either side, for clock skew), and some `v1` matching in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  nowSec: number,
  toleranceSec: number = DEFAULT_SIGNATURE_TOLERANCE_SEC,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'malformed' };
  let t: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, reason: 'malformed' };
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value) || t !== undefined) return { ok: false, reason: 'malformed' };
      t = Number(value);
    } else if (key === 'v1') {
      // Several v1 values let a sender sign with an old and a new secret during rotation.
      if (HEX64.test(value)) candidates.push(value);
    }
  }
  if (t === undefined || candidates.length === 0) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSec - t) > toleranceSec) return { ok: false, reason: 'expired' };
  const expected = Buffer.from(signWebhook(secret, body, t).slice(`t=${t},v1=`.length), 'hex');
  for (const c of candidates) {
    if (timingSafeEqual(expected, Buffer.from(c, 'hex'))) return { ok: true, t };
  }
  return { ok: false, reason: 'mismatch' };
}
