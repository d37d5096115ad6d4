// Must-show 6 end to end: real API writes (create, update, update, delete) fill the outbox in
// their transactions; the worker delivers them to a real HTTP receiver on 127.0.0.1 that fails
// twice first; signatures verify, the order per analysis holds, and the log shows every attempt.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../../src/server/app';
import { createApiKey } from '../../../../src/server/auth/keys';
import { openSqliteStorage, type SqliteStorage } from '../../../../src/server/storage/sqlite/sqlite-storage';
import { addWebhook } from '../../../../src/server/webhooks/endpoints';
import { verifyWebhookSignature } from '../../../../src/server/webhooks/signature';
import { startWebhookWorker } from '../../../../src/server/webhooks/worker';
import { type Receiver, startReceiver } from './receiver';

const COMMUNITY = '6502c9e514a3e564c5c09c0a';
const CHANNEL = '6502c9e514a3e564c5c09c0b';
const CREATE = readFileSync(
  new URL('../../../fixtures/spec-examples/create-analysis.request.json', import.meta.url),
  'utf8',
);
const T0 = Date.UTC(2026, 0, 8, 9, 0, 0);

let storage: SqliteStorage;
let receiver: Receiver;
let clock = T0;
beforeEach(async () => {
  storage = openSqliteStorage(':memory:');
  receiver = await startReceiver();
  clock = T0;
});
afterEach(async () => {
  await receiver.close();
  await storage.close();
});

it('delivers create, update, update, delete of one analysis in order, signed, through two 500s', async () => {
  const app = createApp({ storage, now: () => clock, rateLimit: false });
  const { key } = await createApiKey(storage, {
    communityId: COMMUNITY,
    permissions: ['analysis:write', 'analysis:read'],
  });
  const { id: endpointId, secret } = await addWebhook(storage, {
    communityId: COMMUNITY,
    url: receiver.url,
    now: T0,
  });
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

  const created = await app.request(`/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`, {
    method: 'POST',
    headers,
    body: CREATE,
  });
  expect(created.status).toBe(201);
  const id = ((await created.json()) as { data: { id: string } }).data.id;
  clock += 1000;
  const title = { sender: 'a@b.co', metadata: { title: 'Renamed' } };
  expect(
    (await app.request(`/v1/analysis/${id}`, { method: 'PATCH', headers, body: JSON.stringify(title) }))
      .status,
  ).toBe(200);
  clock += 1000;
  const line = {
    type: 'LINE',
    clientObjectId: 'extra',
    points: [
      { time: '2026-01-08T00:00:00Z', price: 1.34 },
      { time: '2026-01-09T00:00:00Z', price: 1.35 },
    ],
  };
  const append = { sender: 'a@b.co', drawings: [line] };
  expect(
    (
      await app.request(`/v1/analysis/${id}/drawings`, {
        method: 'POST',
        headers,
        body: JSON.stringify(append),
      })
    ).status,
  ).toBe(200);
  clock += 1000;
  expect((await app.request(`/v1/analysis/${id}`, { method: 'DELETE', headers })).status).toBe(200);

  receiver.script = [500, 500];
  const worker = startWebhookWorker({
    storage,
    now: () => clock,
    intervalMs: 0,
    random: () => 0.5,
    allowPrivateAddresses: true, // the receiver is on 127.0.0.1
  });
  try {
    expect(await worker.drain()).toEqual({ attempted: 1, delivered: 0 });
    clock += 1000;
    expect(await worker.drain()).toEqual({ attempted: 1, delivered: 0 });
    clock += 2000;
    expect(await worker.drain()).toEqual({ attempted: 4, delivered: 4 });
  } finally {
    await worker.stop();
  }

  const ok = receiver.received.filter((r) => r.status === 200);
  const bodies = ok.map((r) => JSON.parse(r.body) as Record<string, unknown>);
  expect(bodies.map((b) => [b.event, b.updatedFields, b.occurredAt])).toEqual([
    ['create_analysis', [], '2026-01-08T09:00:00Z'],
    ['update_analysis', ['title'], '2026-01-08T09:00:01Z'],
    ['update_analysis', ['drawings'], '2026-01-08T09:00:02Z'],
    ['delete_analysis', [], '2026-01-08T09:00:03Z'],
  ]);
  for (const b of bodies) expect([b.communityId, b.analysisId]).toEqual([COMMUNITY, id]);
  const [create, rename, appended, removed] = bodies as { data: Record<string, unknown> }[];
  expect(create!.data).toMatchObject({ id, communityId: COMMUNITY, channelId: CHANNEL, version: 1 });
  expect((create!.data.metadata as { title: string }).title).toBe('GBPUSD Bullish Bounce from Support');
  expect((rename!.data.metadata as { title: string }).title).toBe('Renamed');
  expect((appended!.data.drawings as unknown[]).length).toBe(4);
  expect(removed!.data).toEqual({ analysisId: id });
  for (const r of receiver.received) {
    expect(r.headers['content-type']).toBe('application/json');
    const t = Number(/^t=(\d+),/.exec(r.headers['x-signature'] as string)![1]);
    expect(
      verifyWebhookSignature(
        secret,
        r.headers['x-signature'] as string,
        r.body,
        Math.floor(clock / 1000),
        300,
      ),
    ).toEqual({
      ok: true,
      t,
    });
  }
  expect(
    storage.db
      .prepare(
        'SELECT outbox_seq, attempt, status_code FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY id',
      )
      .raw()
      .all(endpointId),
  ).toEqual([
    [1, 1, 500],
    [1, 2, 500],
    [1, 3, 200],
    [2, 1, 200],
    [3, 1, 200],
    [4, 1, 200],
  ]);
});
