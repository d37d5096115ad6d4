// Browser tokens (spec §5.1): issued by a key, never wider than it, acting for one sender, dead
// with their key, expired after their lifetime, unable to issue tokens, never in a log.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import { revokeApiKey } from '../../../src/server/auth/keys';
import type { Storage } from '../../../src/server/storage/storage';
import { CreateTokenResponse } from '../../../src/schema/tokens';
import {
  CHANNEL,
  COMMUNITY,
  channelPath,
  createBody,
  createExample,
  example,
  type Harness,
  harness,
  OTHER_CHANNEL,
  T0,
} from './harness';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const SENDER = 'pangray2025+t5@gmail.com';
let h: Harness;
afterEach(async () => h?.storage.close());

const issue = (key: string, body: Record<string, unknown>) =>
  h.call('POST', '/v1/auth/tokens', { key, body });

async function token(key: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await issue(key, { sender: SENDER, permissions: ['analysis:read', 'analysis:write'], ...body });
  if (res.status !== 201) throw new Error(`token: ${res.status} ${await res.text()}`);
  return CreateTokenResponse.parse(await res.json()).data.token;
}

const drawing = {
  type: 'HORIZONTAL_LINE',
  clientObjectId: 'h_tok',
  points: [{ time: '2026-01-08T10:00:00Z', price: 1.3 }],
};

describe('POST /v1/auth/tokens', () => {
  it('issues a token scoped to the sender, permissions and channels asked for, for 900 s by default', async () => {
    h = await harness({ tokenSecret: SECRET });
    const res = await issue(h.keys.writer, {
      sender: SENDER,
      permissions: ['analysis:read'],
      channelIds: [CHANNEL],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = CreateTokenResponse.parse(await res.json());
    expect(body.data).toEqual({
      token: body.data.token,
      expiresAt: '2026-01-08T12:15:00Z',
      sender: SENDER,
      permissions: ['analysis:read'],
      communityId: COMMUNITY,
      channelIds: [CHANNEL],
    });
    expect(body.data.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('without channelIds the token takes the key whole scope (null = every channel)', async () => {
    h = await harness({ tokenSecret: SECRET });
    const all = await issue(h.keys.writer, { sender: SENDER, permissions: ['analysis:read'] });
    expect(((await all.json()) as { data: { channelIds: unknown } }).data.channelIds).toBeNull();
    const some = await issue(h.keys.otherChannel, { sender: SENDER, permissions: ['analysis:read'] });
    expect(((await some.json()) as { data: { channelIds: unknown } }).data.channelIds).toEqual([
      OTHER_CHANNEL,
    ]);
  });

  it('never more than the issuing key: 403 for a permission or a channel it lacks', async () => {
    h = await harness({ tokenSecret: SECRET });
    const write = await issue(h.keys.reader, { sender: SENDER, permissions: ['analysis:write'] });
    expect([write.status, ((await write.json()) as { message: string }).message]).toEqual([
      403,
      'permissions: the API key lacks analysis:write',
    ]);
    const channel = await issue(h.keys.otherChannel, {
      sender: SENDER,
      permissions: ['analysis:read'],
      channelIds: [CHANNEL],
    });
    expect([channel.status, ((await channel.json()) as { message: string }).message]).toEqual([
      403,
      `channelIds: the API key does not cover ${CHANNEL}`,
    ]);
  });

  it('validates the body strictly: ttlSeconds 60–3600, non-empty permissions, no unknown keys', async () => {
    h = await harness({ tokenSecret: SECRET });
    for (const bad of [
      { sender: SENDER, permissions: ['analysis:read'], ttlSeconds: 59 },
      { sender: SENDER, permissions: ['analysis:read'], ttlSeconds: 3601 },
      { sender: SENDER, permissions: [] },
      { sender: SENDER, permissions: ['analysis:admin'] },
      { sender: 'not-an-email', permissions: ['analysis:read'] },
      { sender: SENDER, permissions: ['analysis:read'], communityId: COMMUNITY },
    ]) {
      const res = await issue(h.keys.writer, bad);
      expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([400, 'validation_failed']);
    }
    const ok = await issue(h.keys.writer, {
      sender: SENDER,
      permissions: ['analysis:read'],
      ttlSeconds: 3600,
    });
    expect(((await ok.json()) as { data: { expiresAt: string } }).data.expiresAt).toBe(
      '2026-01-08T13:00:00Z',
    );
  });

  it('a token cannot issue tokens (403); no key at all is a 401', async () => {
    h = await harness({ tokenSecret: SECRET });
    const t = await token(h.keys.writer);
    const res = await issue(t, { sender: SENDER, permissions: ['analysis:read'] });
    expect([res.status, ((await res.json()) as { message: string }).message]).toEqual([
      403,
      'A token cannot issue tokens; use an API key',
    ]);
    const none = await h.call('POST', '/v1/auth/tokens', { key: null, body: { sender: SENDER } });
    expect(none.status).toBe(401);
  });
});

describe('requests with a token', () => {
  it('reads and writes within its scope like a key', async () => {
    h = await harness({ tokenSecret: SECRET });
    const t = await token(h.keys.writer);
    const created = await h.call('POST', channelPath(), { key: t, body: createBody({ sender: SENDER }) });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { data: { id: string } }).data.id;
    expect((await h.call('GET', `/v1/analysis/${id}`, { key: t })).status).toBe(200);
    const appended = await h.call('POST', `/v1/analysis/${id}/drawings`, {
      key: t,
      body: { sender: SENDER, drawings: [drawing] },
    });
    expect(appended.status).toBe(200);
  });

  it('403 sender_mismatch on create, update and append whose body names another sender', async () => {
    h = await harness({ tokenSecret: SECRET });
    const id = await createExample(h);
    const t = await token(h.keys.writer);
    const other = 'someone.else@example.com';
    const calls = [
      h.call('POST', channelPath(), { key: t, body: createBody({ sender: other }) }),
      h.call('PATCH', `/v1/analysis/${id}`, {
        key: t,
        body: { ...example('update-analysis.request.json'), sender: other },
      }),
      h.call('POST', `/v1/analysis/${id}/drawings`, { key: t, body: { sender: other, drawings: [drawing] } }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        status: 'error',
        code: 'sender_mismatch',
        message: `sender: must be "${SENDER}", the sender this token was issued for`,
      });
    }
    // A key has no sender of its own: any sender goes.
    const byKey = await h.call('POST', `/v1/analysis/${id}/drawings`, {
      body: { sender: other, drawings: [drawing] },
    });
    expect(byKey.status).toBe(200);
  });

  it('a read token cannot write; a channel token cannot reach another channel', async () => {
    h = await harness({ tokenSecret: SECRET });
    const read = await token(h.keys.writer, { permissions: ['analysis:read'] });
    expect(
      (await h.call('POST', channelPath(), { key: read, body: createBody({ sender: SENDER }) })).status,
    ).toBe(403);
    const id = await createExample(h); // in CHANNEL
    const narrow = await token(h.keys.writer, { channelIds: [OTHER_CHANNEL] });
    expect((await h.call('GET', `/v1/analysis/${id}`, { key: narrow })).status).toBe(403);
    expect((await h.call('GET', channelPath(COMMUNITY, CHANNEL), { key: narrow })).status).toBe(403);
    expect((await h.call('GET', channelPath(COMMUNITY, OTHER_CHANNEL), { key: narrow })).status).toBe(200);
  });

  it('revoking the issuing key makes its tokens fail from the next request (401)', async () => {
    h = await harness({ tokenSecret: SECRET });
    const t = await token(h.keys.writer);
    expect((await h.call('GET', channelPath(), { key: t })).status).toBe(200);
    await revokeApiKey(h.storage, h.keys.writer, T0);
    const res = await h.call('GET', channelPath(), { key: t });
    expect([res.status, ((await res.json()) as { message: string }).message]).toEqual([
      401,
      'The API key that issued this token is revoked or expired',
    ]);
  });

  it('an expired token is a 401; a token signed with another secret or altered is a 401', async () => {
    h = await harness({ tokenSecret: SECRET });
    const t = await token(h.keys.writer, { ttlSeconds: 60 });
    h.setNow(T0 + 59_999);
    expect((await h.call('GET', channelPath(), { key: t })).status).toBe(200);
    h.setNow(T0 + 60_000);
    const expired = await h.call('GET', channelPath(), { key: t });
    expect([expired.status, ((await expired.json()) as { message: string }).message]).toEqual([
      401,
      'Token has expired',
    ]);
    h.setNow(T0);
    const narrow = await token(h.keys.writer, { channelIds: [OTHER_CHANNEL] });
    const [head, payload, sig] = narrow.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...claims, chs: null, cid: COMMUNITY })).toString(
      'base64url',
    );
    for (const bad of [
      `${head}.${widened}.${sig}`,
      `${head}.${payload}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`,
    ]) {
      const res = await h.call('GET', channelPath(), { key: bad });
      expect([res.status, ((await res.json()) as { message: string }).message]).toEqual([
        401,
        'Token is not valid',
      ]);
    }
    const elsewhere = await harness({ tokenSecret: 'another-secret-of-at-least-32-chars!!' });
    expect((await elsewhere.call('GET', channelPath(), { key: t })).status).toBe(401);
    await elsewhere.storage.close();
  });

  it('never writes a token into the log, even when the request fails with a 500', async () => {
    h = await harness({ tokenSecret: SECRET });
    const t = await token(h.keys.writer);
    const logs: string[] = [];
    const failing: Storage = { ...h.storage, getAnalysis: () => Promise.reject(new Error('disk on fire')) };
    const app = createApp({
      storage: failing,
      now: () => T0,
      logger: (l) => logs.push(l),
      tokenSecret: SECRET,
    });
    const res = await app.request(`/v1/analysis/${COMMUNITY}`, { headers: { authorization: `Bearer ${t}` } });
    expect(res.status).toBe(500);
    expect(logs).toHaveLength(1);
    expect(logs.join('\n')).not.toContain(t);
    expect(logs.join('\n')).not.toContain(t.split('.')[2]);
  });
});
