import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../../../../../src/server/storage/storage';
import {
  addWebhook as addPgWebhook,
  disableWebhook as disablePgWebhook,
  listWebhooks as listPgWebhooks,
} from '../../../../../src/server/webhooks/endpoints';
import { DeliveryQueue as PgDeliveryQueue } from '../../../../../src/server/webhooks/queue';
import { startWebhookWorker } from '../../../../../src/server/webhooks/worker';
import { BACKENDS, type Backend } from '../../storage-backends';
import { type Receiver, startReceiver } from '../../webhooks/receiver';

const C = '6502c9e514a3e564c5c09c0a';
const OTHER = '6502c9e514a3e564c5c09c0b';
const T0 = Date.UTC(2026, 0, 9, 13, 45, 46);

const event = (analysisId: string, version: number, community = C): OutboxEvent => ({
  communityId: community,
  analysisId,
  event: version === 1 ? 'create_analysis' : 'update_analysis',
  updatedFields: version === 1 ? [] : ['title'],
  data: { id: analysisId, version },
  occurredAt: T0 + version,
});

for (const kind of BACKENDS.filter((k) => k.name === 'pglite' || k.name === 'postgres')) {
  if (kind.skip) console.log(`pg webhooks on ${kind.name}: skipped, ${kind.skip}`);
  describe.skipIf(kind.skip !== null)(`PostgreSQL webhook queue on ${kind.name}`, () => {
    let b: Backend;
    let receiver: Receiver;
    const write = (...events: OutboxEvent[]) =>
      b.storage.atomically({}, () => ({ writes: { outbox: events }, result: null }));
    beforeAll(async () => {
      b = await kind.open();
      receiver = await startReceiver();
    }, 30_000);
    afterAll(async () => {
      await receiver?.close();
      await b?.dispose();
    });

    it('a new endpoint gets only later events, of its own community; disabling stops it', async () => {
      await write(event('before', 1));
      const { id, secret } = await addPgWebhook(b.client!, { communityId: C, url: receiver.url, now: T0 });
      expect(secret).toMatch(/^whsec_/);
      await addPgWebhook(b.client!, { communityId: OTHER, url: `${receiver.url}/other`, now: T0 + 1 });
      await write(event('x1', 1), event('y1', 1, OTHER));
      const queue = new PgDeliveryQueue(b.client!);
      expect(await queue.fanOut()).toBe(2);
      expect(await queue.fanOut()).toBe(0);
      const due = await queue.due(T0, 10);
      expect(due.map((d) => [d.analysisId, d.endpointId === id])).toEqual([
        ['x1', true],
        ['y1', false],
      ]);
      expect(JSON.parse(due[0]!.body)).toMatchObject({
        event: 'create_analysis',
        analysisId: 'x1',
        communityId: C,
      });
      // Leased: a second claim at the same time finds nothing.
      expect(await queue.due(T0, 10)).toEqual([]);
      expect(await queue.pending()).toBe(2);
      expect((await listPgWebhooks(b.client!, C)).map((w) => [w.id, w.disabledAt])).toEqual([[id, null]]);
      expect(await disablePgWebhook(b.client!, id, T0 + 2)).toBe(true);
      expect(await disablePgWebhook(b.client!, id, T0 + 3)).toBe(false);
      expect(await queue.pending()).toBe(1);
      await expect(addPgWebhook(b.client!, { communityId: 'nope', url: receiver.url })).rejects.toThrow(
        'communityId: must be 24 lower-case hex characters, got "nope"',
      );
    });

    it('claims one delivery per analysis at a time; a failed one holds back its successors until it is delivered', async () => {
      const { id } = await addPgWebhook(b.client!, { communityId: C, url: receiver.url, now: T0 });
      const queue = new PgDeliveryQueue(b.client!, 1000);
      await write(event('p', 1), event('q', 1), event('p', 2), event('p', 3));
      await queue.fanOut();
      const mine = async (now: number) => (await queue.due(now, 10)).filter((d) => d.endpointId === id);
      const first = await mine(T0);
      expect(first.map((d) => d.analysisId)).toEqual(['p', 'q']);
      // p's first event fails: retry at T0 + 500; its later events stay unclaimable meanwhile.
      await queue.record(first[0]!, { statusCode: 500, error: null, durationMs: 1 }, T0, T0 + 500);
      await queue.record(first[1]!, { statusCode: 200, error: null, durationMs: 1 }, T0, null);
      expect(await mine(T0 + 499)).toEqual([]);
      const retry = await mine(T0 + 500);
      expect(retry.map((d) => [d.analysisId, d.outboxSeq, d.attempts])).toEqual([
        ['p', first[0]!.outboxSeq, 1],
      ]);
      await queue.record(retry[0]!, { statusCode: 200, error: null, durationMs: 1 }, T0 + 500, null);
      const next = await mine(T0 + 500);
      expect(next.map((d) => JSON.parse(d.body).data.version)).toEqual([2]);
      expect((await queue.log(id)).map((a) => [a.attempt, a.statusCode])).toEqual([
        [1, 500],
        [1, 200],
        [2, 200],
      ]);
    });

    it.skipIf(kind.name !== 'postgres')(
      'two workers on separate pools deliver 60 events once each, in order per analysis',
      async () => {
        const r2 = await startReceiver();
        const { id } = await addPgWebhook(b.client!, { communityId: C, url: r2.url, now: T0 });
        const events: OutboxEvent[] = [];
        for (let v = 1; v <= 10; v++)
          for (const a of ['a', 'b', 'c', 'd', 'e', 'f']) events.push(event(`w${a}`, v));
        await write(...events);
        const workers = [b.client!, b.newClient!(4)].map((client) =>
          startWebhookWorker({
            queue: new PgDeliveryQueue(client),
            intervalMs: 0,
            concurrency: 4,
            allowPrivateAddresses: true, // the receiver is on 127.0.0.1
            // A slow receiver, so both workers have claims in flight at once.
            fetch: async (url, init) => {
              await new Promise((r) => setTimeout(r, 15));
              return fetch(url, init);
            },
          }),
        );
        await Promise.all(workers.map((w) => w.drain()));
        await Promise.all(workers.map((w) => w.drain()));
        await Promise.all(workers.map((w) => w.stop()));
        const got = r2.received.map(
          (r) => JSON.parse(r.body) as { deliveryId: string; analysisId: string; data: { version: number } },
        );
        await r2.close();
        expect(got).toHaveLength(60);
        expect(new Set(got.map((g) => g.deliveryId)).size).toBe(60);
        for (const a of ['a', 'b', 'c', 'd', 'e', 'f'])
          expect(got.filter((g) => g.analysisId === `w${a}`).map((g) => g.data.version)).toEqual(
            Array.from({ length: 10 }, (_, i) => i + 1),
          );
        expect(await new PgDeliveryQueue(b.client!).pending()).toBe(0);
        expect((await new PgDeliveryQueue(b.client!).log(id)).length).toBe(60);
      },
      30_000,
    );
  });
}
