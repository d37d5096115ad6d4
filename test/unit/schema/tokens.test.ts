// The browser-token request and response of spec §5.1, rule by rule from the spec's table.
import { describe, expect, it } from 'vitest';
import { CreateTokenRequest, CreateTokenResponse, PermissionName, TOKEN_TTL } from '../../../src/schema';

const CHANNEL = '65a1b2c3d4e5f60718293a4b';
const valid = { sender: 'trader@example.com', permissions: ['analysis:write'] };
const messages = (body: unknown): string[] => {
  const r = CreateTokenRequest.safeParse(body);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('CreateTokenRequest (spec §5.1)', () => {
  it('accepts the two permission names and nothing else', () => {
    expect(PermissionName.options).toEqual(['analysis:read', 'analysis:write']);
    expect(
      CreateTokenRequest.safeParse({ ...valid, permissions: ['analysis:read', 'analysis:write'] }).success,
    ).toBe(true);
    expect(messages({ ...valid, permissions: ['analysis:admin'] })).toHaveLength(1);
  });

  it('needs a sender with the sender rules', () => {
    expect(messages({ permissions: ['analysis:read'] })[0]).toMatch(/^sender: /);
    expect(messages({ ...valid, sender: 'not an address' })).toEqual(['sender: expected an e-mail address']);
  });

  it('needs at least one permission and no repeats', () => {
    expect(messages({ ...valid, permissions: [] })).toEqual([
      'permissions: must name at least one permission',
    ]);
    expect(messages({ ...valid, permissions: ['analysis:read', 'analysis:read'] })).toEqual([
      'permissions: must not repeat a permission',
    ]);
  });

  it('takes channelIds as optional, but never an empty list (absent = the whole scope)', () => {
    expect(CreateTokenRequest.safeParse({ ...valid, channelIds: [CHANNEL] }).success).toBe(true);
    expect(messages({ ...valid, channelIds: [] })[0]).toMatch(/^channelIds: must name at least one channel/);
    expect(messages({ ...valid, channelIds: ['nope'] })[0]).toMatch(/^channelIds\.0: /);
  });

  it('bounds ttlSeconds to 60–3600 whole seconds', () => {
    expect(TOKEN_TTL).toEqual({ min: 60, max: 3600, default: 900 });
    for (const ttl of [60, 900, 3600]) {
      expect(CreateTokenRequest.safeParse({ ...valid, ttlSeconds: ttl }).success, String(ttl)).toBe(true);
    }
    expect(messages({ ...valid, ttlSeconds: 59 })).toEqual(['ttlSeconds: must be at least 60']);
    expect(messages({ ...valid, ttlSeconds: 3601 })).toEqual(['ttlSeconds: must be at most 3600']);
    expect(messages({ ...valid, ttlSeconds: 90.5 })).toHaveLength(1);
  });

  it('is strict: an unknown field is refused', () => {
    expect(messages({ ...valid, scope: 'all' })).toHaveLength(1);
  });
});

describe('CreateTokenResponse (spec §5.1: 201 data)', () => {
  const data = {
    token: 'eyJ.a.b',
    expiresAt: '2026-12-05T02:15:00Z',
    sender: 'trader@example.com',
    permissions: ['analysis:read'],
    communityId: CHANNEL,
    channelIds: null,
  };
  const body = { status: 'success', message: 'Token created', data };

  it('holds token, expiresAt, sender, permissions, communityId and channelIds (null = every channel)', () => {
    expect(CreateTokenResponse.safeParse(body).success).toBe(true);
    expect(CreateTokenResponse.safeParse({ ...body, data: { ...data, channelIds: [CHANNEL] } }).success).toBe(
      true,
    );
    for (const field of Object.keys(data)) {
      const { [field]: _, ...rest } = data as Record<string, unknown>;
      expect(CreateTokenResponse.safeParse({ ...body, data: rest }).success, field).toBe(false);
    }
  });

  it('is a success envelope, strict at both levels', () => {
    expect(CreateTokenResponse.safeParse({ ...body, status: 'error' }).success).toBe(false);
    expect(CreateTokenResponse.safeParse({ ...body, extra: 1 }).success).toBe(false);
    expect(CreateTokenResponse.safeParse({ ...body, data: { ...data, extra: 1 } }).success).toBe(false);
  });
});
