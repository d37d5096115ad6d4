// Two server processes on two ports sharing one PostgreSQL (the real server when TEST_DATABASE_URL
// is set, else PGlite over its socket server): the database decides idempotency, If-Match and
// webhook claims across processes. On PGlite the instances are serialised by its one connection;
// truly concurrent writers are in multi-instance-concurrency.test.ts (real PostgreSQL only).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../src/server/auth/keys';
import { connectPostgres } from '../../../src/server/serve-postgres';
import { openPostgresStorage, type PostgresStorage } from '../../../src/server/storage/postgres/pg-storage';
import { addWebhook } from '../../../src/server/webhooks/endpoints';
import { type Instance, type SharedDatabase, sharedDatabase, startInstance } from './instances';
import { type Receiver, startReceiver } from './webhooks/receiver';

const C = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const CH = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const SAMPLE = JSON.parse(
  readFileSync(new URL('../../fixtures/spec-examples/create-analysis.request.json', import.meta.url), 'utf8'),
) as { metadata: Record<string, unknown> };

let db: SharedDatabase;
let storage: PostgresStorage;
let a: Instance;
let b: Instance;
let apiKey: string;
let receiver: Receiver;

beforeAll(async () => {
  db = await sharedDatabase();
  console.log(`multi-instance: two processes on ${db.kind}`);
  // The first instance applies the migrations; the second (started at the same time) waits
  // on the advisory lock and finds them applied.
  [a, b] = await Promise.all([startInstance(db, 'A'), startInstance(db, 'B')]);
  storage = await openPostgresStorage(connectPostgres(db.url, 2, db.clientOptions));
  apiKey = (await createApiKey(storage, { communityId: C, permissions: ['analysis:read', 'analysis:write'] }))
    .key;
  receiver = await startReceiver();
  await addWebhook(storage, { communityId: C, url: receiver.url });
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await storage?.close();
  await receiver?.close();
  await db?.dispose();
});

const call = async (
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as { data: Record<string, unknown>; code?: string } };
};
const create = (base: string, title: string, extra: Record<string, unknown> = {}) =>
  call(base, 'POST', `/v1/analysis/${C}/channels/${CH}`, {
    sender: 'a@example.com',
    metadata: { ...SAMPLE.metadata, title, preferenceText: 'plain', alternativeText: 'plain' },
    ...extra,
  });

describe('two instances on one database', () => {
  it('the same idempotency key sent to both at once creates one analysis (5 keys)', async () => {
    const channel = 'cccccccccccccccccccccccc';
    for (let i = 0; i < 5; i++) {
      const body = {
        sender: 'a@example.com',
        metadata: { ...SAMPLE.metadata, title: `idem ${i}`, preferenceText: 'p', alternativeText: 'p' },
        idempotencyKey: `multi-${i}`,
      };
      const path = `/v1/analysis/${C}/channels/${channel}`;
      const [ra, rb] = await Promise.all([call(a.url, 'POST', path, body), call(b.url, 'POST', path, body)]);
      const statuses = [ra.status, rb.status].sort();
      // Either the second arrives while the first runs (409) or after it (replayed 201).
      expect([
        [201, 201],
        [201, 409],
      ]).toContainEqual(statuses);
      const created = [ra, rb].filter((r) => r.status === 201).map((r) => r.body.data.id);
      expect(new Set(created).size).toBe(1);
    }
    const list = await call(a.url, 'GET', `/v1/analysis/${C}/channels/${channel}?limit=100`);
    expect(list.body.data.total).toBe(5);
  });

  it('two PATCHes with the same If-Match sent to different instances: exactly one wins (5 rounds)', async () => {
    const made = await create(a.url, 'contested');
    const id = made.body.data.id as string;
    for (let round = 1; round <= 5; round++) {
      const patch = (base: string, title: string) =>
        call(
          base,
          'PATCH',
          `/v1/analysis/${id}`,
          { sender: 'a@example.com', metadata: { title } },
          {
            'if-match': `"${round}"`,
          },
        );
      const [ra, rb] = await Promise.all([patch(a.url, `A${round}`), patch(b.url, `B${round}`)]);
      expect([ra.status, rb.status].sort()).toEqual([200, 412]);
      const loser = ra.status === 412 ? ra : rb;
      expect(loser.body.code).toBe('version_mismatch');
      expect(loser.body.data).toEqual({ currentVersion: round + 1 });
    }
    const got = await call(b.url, 'GET', `/v1/analysis/${id}`);
    expect(got.body.data.version).toBe(6);
  });

  it('appending the same clientObjectId through both at once: one 200, one 409', async () => {
    const made = await create(b.url, 'append race');
    const id = made.body.data.id as string;
    const drawing = {
      type: 'HORIZONTAL_LINE',
      clientObjectId: 'same_cid',
      points: [{ time: '2026-01-08T12:00:00Z', price: 1.3 }],
    };
    const append = (base: string) =>
      call(base, 'POST', `/v1/analysis/${id}/drawings`, { sender: 'a@example.com', drawings: [drawing] });
    const [ra, rb] = await Promise.all([append(a.url), append(b.url)]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    expect((await call(a.url, 'GET', `/v1/analysis/${id}`)).body.data.drawings).toHaveLength(1);
  });

  // Last in the file: it stops both instances.
  it('every webhook event is delivered once, in order per analysis, with both instances delivering', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await create(i % 2 ? a.url : b.url, `hook ${i}`)).body.data.id as string);
    // Updates alternate between the instances; each is one more version of its analysis.
    for (let v = 1; v <= 4; v++) {
      await Promise.all(
        ids.map((id, i) =>
          call((i + v) % 2 ? a.url : b.url, 'PATCH', `/v1/analysis/${id}`, {
            sender: 'a@example.com',
            metadata: { title: `hook ${i} v${v + 1}` },
          }),
        ),
      );
    }
    const outbox = await storage.readOutbox(0, 10_000);
    const expected = outbox.length;
    const deadline = Date.now() + 30_000;
    while (receiver.received.length < expected && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    // A duplicate could still be on its way from the other instance: stopping both waits for their
    // webhook workers' deliveries in flight (listen.ts), after which nothing more can be sent.
    await Promise.all([a.stop(), b.stop()]);
    const got = receiver.received.map((r) => ({
      instance: r.headers['x-instance'],
      ...(JSON.parse(r.body) as { deliveryId: string; analysisId: string; data: { version?: number } }),
    }));
    expect(got).toHaveLength(expected);
    expect(new Set(got.map((g) => g.deliveryId)).size).toBe(expected);
    for (const id of ids) {
      const versions = got.filter((g) => g.analysisId === id).map((g) => g.data.version);
      expect(versions).toEqual([1, 2, 3, 4, 5]);
    }
    expect(new Set(got.map((g) => g.instance))).toEqual(new Set(['A', 'B']));
  }, 60_000);
});
