// Idempotency of Create and Append (spec §2.1) and If-Match on Update, Delete and Append (§2.4).
import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../src/server/auth/keys';
import {
  beginIdempotent,
  IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS,
  idempotencyScope,
} from '../../../src/server/idempotency';
import type { Storage } from '../../../src/server/storage/storage';
import { openSqliteStorage } from '../../../src/server/storage/sqlite/sqlite-storage';
import {
  CHANNEL,
  COMMUNITY,
  channelPath,
  createBody,
  createExample,
  type Harness,
  harness,
  OTHER_CHANNEL,
  OTHER_COMMUNITY,
  T0,
} from './harness';

let h: Harness;
afterEach(async () => h.storage.close());

const DAY = 24 * 3_600_000;
const keyed = (key: string, extra: Record<string, unknown> = {}) =>
  createBody({ idempotencyKey: key, ...extra });
const idemRows = (x: Harness) =>
  x.storage.db.prepare('SELECT key, response_status FROM idempotency ORDER BY key').all();
const count = (x: Harness) =>
  (x.storage.db.prepare('SELECT COUNT(*) AS n FROM analyses').get() as { n: number }).n;
const APPEND = (key?: string) => ({
  sender: 'x@example.com',
  drawings: [
    {
      type: 'HORIZONTAL_LINE',
      clientObjectId: 'h_idem',
      points: [{ time: '2026-01-08T10:00:00Z', price: 1.2 }],
    },
  ],
  ...(key === undefined ? {} : { idempotencyKey: key }),
});

describe('idempotency on create', () => {
  it('replays the stored 201 byte for byte with Idempotent-Replayed, creating nothing more', async () => {
    h = await harness();
    const first = await h.call('POST', channelPath(), { body: keyed('k1') });
    const firstText = await first.text();
    h.setNow(T0 + 5000);
    const again = await h.call('POST', channelPath(), { body: keyed('k1') });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('etag')).toBe('"1"');
    expect(await again.text()).toBe(firstText);
    expect(count(h)).toBe(1);
    expect((await h.storage.readOutbox(0, 10)).length).toBe(1);
  });

  it('compares canonical bodies: the same body with keys in another order replays', async () => {
    h = await harness();
    const body = keyed('k1');
    await h.call('POST', channelPath(), { body });
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await h.call('POST', channelPath(), { body: reordered });
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(count(h)).toBe(1);
  });

  it('answers 422 idempotency_key_reused for another body or another channel under the same key', async () => {
    h = await harness();
    await h.call('POST', channelPath(), { body: keyed('k1') });
    const before = h.dump();
    const otherBody = await h.call('POST', channelPath(), {
      body: keyed('k1', { sender: 'other@example.com' }),
    });
    const otherChannel = await h.call('POST', channelPath(undefined, OTHER_CHANNEL), { body: keyed('k1') });
    for (const res of [otherBody, otherChannel]) {
      expect(res.status).toBe(422);
      expect(((await res.json()) as { code: string }).code).toBe('idempotency_key_reused');
    }
    expect(h.dump()).toBe(before);
  });

  it('scopes keys per community', async () => {
    h = await harness();
    await h.call('POST', channelPath(), { body: keyed('k1') });
    const other = await h.call('POST', channelPath(OTHER_COMMUNITY, CHANNEL), {
      key: h.keys.otherCommunity,
      body: keyed('k1'),
    });
    expect([other.status, other.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(count(h)).toBe(2);
  });

  it('forgets a key after 24 hours: the old record is ignored, purged and replaced', async () => {
    h = await harness();
    const first = await data(await h.call('POST', channelPath(), { body: keyed('k1') }));
    h.setNow(T0 + DAY - 1);
    expect(
      (await h.call('POST', channelPath(), { body: keyed('k1') })).headers.get('idempotent-replayed'),
    ).toBe('true');
    h.setNow(T0 + DAY);
    const later = await h.call('POST', channelPath(), { body: keyed('k1', { sender: 'new@example.com' }) });
    expect([later.status, later.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect((await data(later)).id).not.toBe(first.id);
    const rows = h.storage.db.prepare('SELECT key, created_at FROM idempotency').all();
    expect(rows).toEqual([{ key: 'k1', created_at: T0 + DAY }]);
  });

  it('answers 409 while the first request is still running, then replays once it is done', async () => {
    // Hold the work transaction (no reads named) until released, so the marker stays in flight.
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const inner = openSqliteStorage(':memory:');
    const held: Storage = {
      ...inner,
      atomically: async (reads, decide) => {
        if (reads.idempotency === undefined && reads.analysisId === undefined) await gate;
        return inner.atomically(reads, decide);
      },
    };
    h = await harness({ storage: held });
    // The harness made its keys in its own storage; make the app's keys visible in `inner` too.
    const { key } = await createApiKey(held, {
      communityId: COMMUNITY,
      permissions: ['analysis:write', 'analysis:read'],
      now: T0,
    });
    const first = h.call('POST', channelPath(), { key, body: keyed('k1') });
    while (!inner.db.prepare('SELECT 1 FROM idempotency').get()) await new Promise((r) => setTimeout(r, 1));
    const second = await h.call('POST', channelPath(), { key, body: keyed('k1') });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { code: string }).code).toBe('idempotency_key_in_flight');
    release();
    expect((await first).status).toBe(201);
    const third = await h.call('POST', channelPath(), { key, body: keyed('k1') });
    expect([third.status, third.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    await inner.close();
  });

  it('takes over an in-flight marker left for a minute by a request that died', async () => {
    h = await harness();
    const scope = idempotencyScope(COMMUNITY, 'k1', 'create', `${COMMUNITY}/${CHANNEL}`, keyed('k1'));
    expect(await beginIdempotent(h.storage, scope, T0)).toBeNull();
    h.setNow(T0 + IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS - 1);
    expect((await h.call('POST', channelPath(), { body: keyed('k1') })).status).toBe(409);
    h.setNow(T0 + IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS);
    const res = await h.call('POST', channelPath(), { body: keyed('k1') });
    expect([res.status, res.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(idemRows(h)).toEqual([{ key: 'k1', response_status: 201 }]);
  });

  it('stores only 2xx: a failed request clears its marker and the key stays usable', async () => {
    h = await harness();
    const past = {
      ...(createBody().metadata as object),
      expiry: { type: 'DATE', date: '2026-01-08T11:00:00Z' },
    };
    const failed = await h.call('POST', channelPath(), { body: keyed('k1', { metadata: past }) });
    expect(failed.status).toBe(400);
    expect(await failed.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: ['metadata', 'expiry', 'date'], code: 'too_small' }],
    });
    expect(idemRows(h)).toEqual([]);
    const retried = await h.call('POST', channelPath(), { body: keyed('k1') });
    expect([retried.status, retried.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(idemRows(h)).toEqual([{ key: 'k1', response_status: 201 }]);
  });
});

describe('idempotency on append', () => {
  it('replays the stored 200 without appending twice, and refuses another body with 422', async () => {
    h = await harness();
    const id = await createExample(h);
    const first = await h.call('POST', `/v1/analysis/${id}/drawings`, { body: APPEND('a1') });
    const text = await first.text();
    const again = await h.call('POST', `/v1/analysis/${id}/drawings`, { body: APPEND('a1') });
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([
      200,
      200,
      'true',
    ]);
    expect(await again.text()).toBe(text);
    const detail = await data(await h.call('GET', `/v1/analysis/${id}`));
    expect([detail.version, detail.drawings.length]).toEqual([2, 4]);
    const reused = await h.call('POST', `/v1/analysis/${id}/drawings`, {
      body: { ...APPEND('a1'), sender: 'y@example.com' },
    });
    expect(reused.status).toBe(422);
  });
});

type Detail = { id: string; version: number; drawings: unknown[]; metadata: { title: string } };
async function data(res: Response): Promise<Detail> {
  return ((await res.json()) as { data: Detail }).data;
}

describe('If-Match', () => {
  const patch = (id: string, title: string, ifMatch?: string) =>
    h.call('PATCH', `/v1/analysis/${id}`, {
      body: { sender: 'x@example.com', metadata: { title } },
      headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
    });

  it('applies with the current strong or weak tag or *, and answers 412 with currentVersion when stale', async () => {
    h = await harness();
    const id = await createExample(h);
    expect((await patch(id, 'a', '"1"')).status).toBe(200);
    expect((await patch(id, 'b', 'W/"2"')).status).toBe(200);
    expect((await patch(id, 'c', '*')).status).toBe(200);
    expect((await patch(id, 'd', '"7", "4"')).status).toBe(200);
    const before = h.dump();
    const stale = await patch(id, 'e', '"1"');
    expect([stale.status, stale.headers.get('etag')]).toEqual([412, '"5"']);
    expect(await stale.json()).toEqual({
      status: 'error',
      message: 'If-Match "1" does not match the current version 5',
      code: 'version_mismatch',
      data: { currentVersion: 5 },
    });
    expect(h.dump()).toBe(before);
  });

  it('without If-Match the last writer wins', async () => {
    h = await harness();
    const id = await createExample(h);
    await patch(id, 'first');
    await patch(id, 'second');
    const d = await data(await h.call('GET', `/v1/analysis/${id}`));
    expect([d.metadata.title, d.version]).toEqual(['second', 3]);
  });

  it('two concurrent PATCHes with the same If-Match: exactly one 200, the other 412', async () => {
    h = await harness();
    const id = await createExample(h);
    const results = await Promise.all([patch(id, 'left', '"1"'), patch(id, 'right', '"1"')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results[0]!.status === 200 ? 'left' : 'right';
    const d = await data(await h.call('GET', `/v1/analysis/${id}`));
    expect([d.metadata.title, d.version]).toEqual([winner, 2]);
    expect((await h.storage.readOutbox(0, 10)).map((e) => e.event)).toEqual([
      'create_analysis',
      'update_analysis',
    ]);
  });

  it('guards Delete and Append too', async () => {
    h = await harness();
    const id = await createExample(h);
    const staleAppend = await h.call('POST', `/v1/analysis/${id}/drawings`, {
      body: APPEND(),
      headers: { 'if-match': '"0"' },
    });
    const staleDelete = await h.call('DELETE', `/v1/analysis/${id}`, { headers: { 'if-match': 'W/"9"' } });
    expect([staleAppend.status, staleDelete.status]).toEqual([412, 412]);
    const append = await h.call('POST', `/v1/analysis/${id}/drawings`, {
      body: APPEND(),
      headers: { 'if-match': '"1"' },
    });
    expect(append.status).toBe(200);
    const del = await h.call('DELETE', `/v1/analysis/${id}`, { headers: { 'if-match': '"2"' } });
    expect(del.status).toBe(200);
  });
});
