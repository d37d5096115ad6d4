// The give-up rule on every backend (SQLite, PGlite, and PostgreSQL when TEST_DATABASE_URL is
// set): a delivery failing past the maximum age from its first attempt is set aside after its
// next failed attempt, kept in the log, no longer pending and no longer holding back its analysis.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addWebhook as addPgWebhook } from '../../../../src/server/webhooks/endpoints';
import { DeliveryQueue as PgDeliveryQueue } from '../../../../src/server/webhooks/queue';
import type { SqliteStorage } from '../../../../src/server/storage/sqlite/sqlite-storage';
import type { OutboxEvent } from '../../../../src/server/storage/storage';
import { addWebhook } from '../../../../src/server/webhooks/endpoints';
import { DeliveryQueue } from '../../../../src/server/webhooks/queue';
import { startWebhookWorker, type WebhookWorker } from '../../../../src/server/webhooks/worker';
import { BACKENDS, type Backend } from '../storage-backends';

const C = '6502c9e514a3e564c5c09c0a';
const T0 = Date.UTC(2026, 0, 9, 13, 45, 46);
const URL_ = 'https://hooks.example/in';
const PUBLIC = async () => [{ address: '93.184.216.34', family: 4 }];

interface QueueRow {
  attempts: number;
  firstAttemptAt: number | null;
  nextAttemptAt: number;
  deliveredAt: number | null;
  givenUpAt: number | null;
}

const event = (analysisId: string, version: number): OutboxEvent => ({
  communityId: C,
  analysisId,
  event: version === 1 ? 'create_analysis' : 'update_analysis',
  updatedFields: version === 1 ? [] : ['title'],
  data: { id: analysisId, version },
  occurredAt: T0,
});

for (const kind of BACKENDS) {
  describe.skipIf(kind.skip !== null)(`webhook give-up on ${kind.name}`, () => {
    let b: Backend;
    let clock: number;
    // How many first attempts of each analysis fail with 500 (the rest get 200).
    let failFirst: Record<string, number>;
    let sent: { analysisId: string; version: number }[];
    let worker: WebhookWorker<DeliveryQueue | PgDeliveryQueue> | undefined;
    const sqlite = () => (b.storage as SqliteStorage).db;

    beforeEach(async () => {
      b = await kind.open();
      clock = T0;
      failFirst = {};
      sent = [];
    }, 30_000);
    afterEach(async () => {
      await worker?.stop();
      worker = undefined;
      await b.dispose();
    });

    const addEndpoint = async () =>
      b.client
        ? (await addPgWebhook(b.client, { communityId: C, url: URL_, now: T0 })).id
        : (await addWebhook(b.storage as SqliteStorage, { communityId: C, url: URL_, now: T0 })).id;
    const write = (...events: OutboxEvent[]) =>
      b.storage.atomically({}, () => ({ writes: { outbox: events }, result: null }));
    const rows = async (): Promise<QueueRow[]> => {
      const sql = `SELECT attempts, first_attempt_at AS "firstAttemptAt", next_attempt_at AS "nextAttemptAt",
                          delivered_at AS "deliveredAt", given_up_at AS "givenUpAt"
                     FROM webhook_queue ORDER BY outbox_seq`;
      const raw = b.client
        ? (await b.client.withSession((s) => s.query(sql))).rows
        : (sqlite().prepare(sql).all() as Record<string, unknown>[]);
      const n = (v: unknown) => (v === null ? null : Number(v));
      return raw.map((r) => ({
        attempts: Number(r.attempts),
        firstAttemptAt: n(r.firstAttemptAt),
        nextAttemptAt: Number(r.nextAttemptAt),
        deliveredAt: n(r.deliveredAt),
        givenUpAt: n(r.givenUpAt),
      }));
    };
    const start = (maxAgeMs?: number) => {
      const queue = b.client ? new PgDeliveryQueue(b.client) : new DeliveryQueue(b.storage as SqliteStorage);
      worker = startWebhookWorker({
        queue,
        now: () => clock,
        intervalMs: 0,
        random: () => 0.5, // no jitter: retries after exactly 1, 2, 4, … s
        lookup: PUBLIC,
        ...(maxAgeMs === undefined ? {} : { maxAgeMs }),
        fetch: async (_url, init) => {
          const body = JSON.parse(String(init!.body)) as { analysisId: string; data: { version: number } };
          sent.push({ analysisId: body.analysisId, version: body.data.version });
          const tries = sent.filter((x) => x.analysisId === body.analysisId).length;
          return new Response(null, { status: tries <= (failFirst[body.analysisId] ?? 0) ? 500 : 200 });
        },
      });
      return worker;
    };
    // Moves the clock to the earliest open retry and drains, until nothing is open.
    const runToEnd = async (w: WebhookWorker<DeliveryQueue | PgDeliveryQueue>, limit: number) => {
      await w.drain();
      for (let i = 0; i < limit && (await w.pending()) > 0; i++) {
        // Rows never tried are waiting behind an earlier event of their analysis, not for a time.
        const open = (await rows()).filter(
          (r) => r.deliveredAt === null && r.givenUpAt === null && r.attempts > 0,
        );
        clock = Math.min(...open.map((r) => r.nextAttemptAt));
        await w.drain();
      }
    };

    it('with a 10 s maximum age, gives up after exactly 5 failed attempts and never sends again', async () => {
      const id = await addEndpoint();
      await write(event('a', 1));
      failFirst = { a: 100 };
      const w = start(10_000);
      await runToEnd(w, 20);
      // Attempts at 0, 1, 3, 7 s retry; the one at 15 s is more than 10 s after the first: given up.
      const log = await w.queue.log(id);
      expect(log.map((l) => [l.attempt, l.statusCode, l.at - T0])).toEqual([
        [1, 500, 0],
        [2, 500, 1000],
        [3, 500, 3000],
        [4, 500, 7000],
        [5, 500, 15000],
      ]);
      expect(sent).toHaveLength(5);
      const [row] = await rows();
      expect(row).toMatchObject({
        attempts: 5,
        firstAttemptAt: T0,
        deliveredAt: null,
        givenUpAt: T0 + 15000,
      });
      expect(await w.pending()).toBe(0);
      expect(await w.queue.counts(id)).toEqual({ pending: 0, delivered: 0, givenUp: 1 });
      clock += 86_400_000;
      expect(await w.drain()).toEqual({ attempted: 0, delivered: 0 });
      expect(sent).toHaveLength(5);
      expect(await w.queue.log(id)).toHaveLength(5);
    });

    it('with the default 24 h, gives up at attempt 154, the first failure more than 86 400 s after the first', async () => {
      const id = await addEndpoint();
      await write(event('a', 1));
      failFirst = { a: 1000 };
      const w = start();
      await runToEnd(w, 400);
      const log = await w.queue.log(id);
      expect(log).toHaveLength(154);
      // Retries after 1, 2, …, 512 s put attempt 11 at 1 023 s; then every 600 s (the cap), so
      // attempt n ≥ 11 is at 1 023 + 600·(n − 11) s: 153 at 86 223 s (retried), 154 at 86 823 s.
      expect(log[152]!.at - T0).toBe((1023 + 600 * 142) * 1000);
      expect(log[153]!.at - T0).toBe((1023 + 600 * 143) * 1000);
      expect((await rows())[0]).toMatchObject({ attempts: 154, givenUpAt: log[153]!.at });
      expect(await w.queue.counts(id)).toEqual({ pending: 0, delivered: 0, givenUp: 1 });
    }, 60_000);

    it('a 2xx before the give-up delivers — also on the attempt after the age has passed', async () => {
      const id = await addEndpoint();
      await write(event('a', 1), event('b', 1));
      // a: three failures then 200 (at 7 s); b: four failures then 200 at 15 s, past the 10 s age.
      failFirst = { a: 3, b: 4 };
      const w = start(10_000);
      await runToEnd(w, 20);
      const log = (await w.queue.log(id)).map((l) => [l.outboxSeq, l.attempt, l.statusCode, l.at - T0]);
      const seqA = log[0]![0];
      expect(log.filter((l) => l[0] === seqA).map((l) => l.slice(1))).toEqual([
        [1, 500, 0],
        [2, 500, 1000],
        [3, 500, 3000],
        [4, 200, 7000],
      ]);
      expect(log.filter((l) => l[0] !== seqA).map((l) => l.slice(1))).toEqual([
        [1, 500, 0],
        [2, 500, 1000],
        [3, 500, 3000],
        [4, 500, 7000],
        [5, 200, 15000],
      ]);
      expect((await rows()).map((r) => [r.attempts, r.deliveredAt! - T0, r.givenUpAt])).toEqual([
        [4, 7000, null],
        [5, 15000, null],
      ]);
      expect(await w.queue.counts(id)).toEqual({ pending: 0, delivered: 2, givenUp: 0 });
    });

    it('a given-up delivery no longer holds back the later events of its analysis', async () => {
      const id = await addEndpoint();
      await write(event('a', 1), event('a', 2));
      failFirst = { a: 5 };
      const w = start(10_000);
      await runToEnd(w, 20);
      expect(sent.map((s) => s.version)).toEqual([1, 1, 1, 1, 1, 2]);
      expect((await rows()).map((r) => [r.attempts, r.deliveredAt, r.givenUpAt])).toEqual([
        [5, null, T0 + 15000],
        [1, T0 + 15000, null],
      ]);
      expect(await w.queue.counts(id)).toEqual({ pending: 0, delivered: 1, givenUp: 1 });
    });
  });
}
