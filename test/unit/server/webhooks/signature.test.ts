import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  newWebhookSecret,
  signWebhook,
  verifyWebhookSignature,
} from '../../../../src/server/webhooks/signature';

describe('signWebhook', () => {
  it('signs "t.body" with HMAC-SHA256 in hex, as spec §4 says', () => {
    const expected = createHmac('sha256', 'whsec_test').update('1767873600.{"a":1}').digest('hex');
    expect(signWebhook('whsec_test', '{"a":1}', 1767873600)).toBe(`t=1767873600,v1=${expected}`);
  });

  it('makes secrets with the whsec_ prefix and 43 base64url characters', () => {
    const s = newWebhookSecret();
    expect(s).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(s);
  });
});

describe('verifyWebhookSignature', () => {
  const body = '{"event":"create_analysis"}';
  const header = signWebhook('whsec_a', body, 1000);

  it('accepts its own signature within the tolerance on either side', () => {
    expect(verifyWebhookSignature('whsec_a', header, body, 1000, 300)).toEqual({ ok: true, t: 1000 });
    expect(verifyWebhookSignature('whsec_a', header, body, 1300, 300)).toEqual({ ok: true, t: 1000 });
    expect(verifyWebhookSignature('whsec_a', header, body, 700, 300)).toEqual({ ok: true, t: 1000 });
  });

  it('refuses an old timestamp as expired', () => {
    expect(verifyWebhookSignature('whsec_a', header, body, 1301, 300)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses another secret, another body and a moved timestamp as a mismatch', () => {
    expect(verifyWebhookSignature('whsec_b', header, body, 1000)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature('whsec_a', header, `${body} `, 1000)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const moved = header.replace('t=1000', 't=1001');
    expect(verifyWebhookSignature('whsec_a', moved, body, 1000)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts any matching v1 among several (secret rotation)', () => {
    const other = signWebhook('whsec_old', body, 1000).split(',')[1];
    expect(verifyWebhookSignature('whsec_a', `${header},${other}`, body, 1000)).toEqual({
      ok: true,
      t: 1000,
    });
    expect(verifyWebhookSignature('whsec_old', `${header},${other}`, body, 1000)).toEqual({
      ok: true,
      t: 1000,
    });
  });

  it.each([
    [null],
    [''],
    ['v1=abc'],
    ['t=1000'],
    ['t=abc,v1=' + 'a'.repeat(64)],
    ['t=1000,t=1000,v1=' + 'a'.repeat(64)],
    ['t=1000,v1=' + 'a'.repeat(63)],
    ['garbage'],
  ])('calls %j malformed', (h) => {
    expect(verifyWebhookSignature('whsec_a', h, body, 1000)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('round-trips any body and secret, and rejects any one-character change of the body', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.integer({ min: 0, max: 4_000_000_000 }),
        (secret, b, t) => {
          const h = signWebhook(secret, b, t);
          expect(verifyWebhookSignature(secret, h, b, t, 0).ok).toBe(true);
          expect(verifyWebhookSignature(secret, h, `${b}x`, t, 0)).toEqual({ ok: false, reason: 'mismatch' });
        },
      ),
      { numRuns: 300 },
    );
  });
});
