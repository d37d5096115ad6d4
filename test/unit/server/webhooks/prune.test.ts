// Pruning on every backend (SQLite, PGlite, and PostgreSQL when TEST_DATABASE_URL is set): the
// rows are made by the real worker on a moved clock — old and recent, delivered, given up,
// pending, and outbox rows an endpoint has not fanned out yet — then counted before and after.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addWebhook as addPgWebhook,
  disableWebhook as disablePgWebhook,
} from '../../../../src/server/webhooks/endpoints';
import { pruneWebhooks as prunePgWebhooks } from '../../../../src/server/webhooks/prune';
import { DeliveryQueue as PgDeliveryQueue } from '../../../../src/server/webhooks/queue';
import type { SqliteStorage } from '../../../../src/server/storage/sqlite/sqlite-storage';
import type { OutboxEvent } from '../../../../src/server/storage/storage';
import { addWebhook, disableWebhook } from '../../../../src/server/webhooks/endpoints';
import { pruneWebhooks } from '../../../../src/server/webhooks/prune';
import { DeliveryQueue } from '../../../../src/server/webhooks/queue';
import { startWebhookWorker } from '../../../../src/server/webhooks/worker';
import { BACKENDS, type Backend } from '../storage-backends';

const C = '6502c9e514a3e564c5c09c0a';
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 9, 13, 45, 46);
const OLD = T0 - 40 * DAY;
const RECENT = T0 - DAY;

for (const kind of BACKENDS) {
  describe.skipIf(kind.skip !== null)(`webhooks prune on ${kind.name}`, () => {
    let b: Backend;
    beforeEach(async () => {
      b = await kind.open();
    }, 30_000);
    afterEach(async () => {
      await b.dispose();
    });
    const sqlite = () => (b.storage as SqliteStorage).db;
    const add = async (url: string, now: number) =>
      b.client
        ? (await addPgWebhook(b.client, { communityId: C, url, now })).id
        : (await addWebhook(b.storage as SqliteStorage, { communityId: C, url, now })).id;
    const disable = async (id: string) =>
      b.client ? disablePgWebhook(b.client, id, OLD) : disableWebhook(b.storage as SqliteStorage, id, OLD);
    const write = (analysisId: string, occurredAt: number) => {
      const e: OutboxEvent = {
        communityId: C,
        analysisId,
        event: 'create_analysis',
        updatedFields: [],
        data: { id: analysisId },
        occurredAt,
      };
      return b.storage.atomically({}, () => ({ writes: { outbox: [e] }, result: null }));
    };
    const prune = (days: number, now: number) =>
      b.client ? prunePgWebhooks(b.client, days, now) : pruneWebhooks(b.storage as SqliteStorage, days, now);
    const count = async (table: string): Promise<number> => {
      const sql = `SELECT COUNT(*) AS n FROM ${table}`;
      return Number(
        b.client
          ? (await b.client.withSession((s) => s.query(sql))).rows[0]!.n
          : (sqlite().prepare(sql).get() as { n: number }).n,
      );
    };
    const counts = async () => ({
      queue: await count('webhook_queue'),
      log: await count('webhook_deliveries'),
      outbox: await count('outbox'),
    });
    // Drains once at `at` with a worker giving up after `maxAgeMs`; only analysis "ok…" gets 200.
    const drainAt = async (at: number, maxAgeMs: number) => {
      const w = startWebhookWorker({
        queue: b.client ? new PgDeliveryQueue(b.client) : new DeliveryQueue(b.storage as SqliteStorage),
        now: () => at,
        intervalMs: 0,
        random: () => 0.5,
        maxAgeMs,
        lookup: async () => [{ address: '93.184.216.34', family: 4 }],
        fetch: async (_url, init) =>
          new Response(null, {
            status: JSON.parse(String(init!.body)).analysisId.startsWith('ok') ? 200 : 500,
          }),
      });
      await w.drain();
      await w.stop();
    };

    it('deletes finished deliveries, their log and passed outbox rows older than N days — never pending ones', async () => {
      await add('https://hooks.example/in', OLD - 1);
      // A disabled endpoint's cursor stays behind; it does not hold outbox rows back.
      await disable(await add('https://off.example/in', OLD - 1));
      await write('ok-old', OLD); // delivered at OLD
      await write('fail-old', OLD); // given up at OLD + 2 h after 2 attempts
      await drainAt(OLD, 3_600_000);
      await drainAt(OLD + 7_200_000, 3_600_000);
      await write('ok-recent', RECENT); // delivered a day ago
      await write('fail-recent', RECENT); // given up a day ago (+2 h)
      await drainAt(RECENT, 3_600_000);
      await drainAt(RECENT + 7_200_000, 3_600_000);
      // Written 40 days ago, still failing (first attempt now): its outbox row must stay.
      await write('pending-old', OLD);
      await drainAt(T0 - 60_000, 60 * DAY);
      // Old, but not fanned out yet (no pass since): every active cursor is still below it.
      await write('unsent-old', OLD);
      expect(await counts()).toEqual({ queue: 5, log: 7, outbox: 6 });

      expect(await prune(30, T0)).toEqual({ deliveries: 2, attempts: 3, outbox: 2 });
      expect(await counts()).toEqual({ queue: 3, log: 4, outbox: 4 });
      expect(await prune(30, T0)).toEqual({ deliveries: 0, attempts: 0, outbox: 0 });

      // 0 days: everything finished before now goes; the pending delivery and the unsent row stay.
      expect(await prune(0, T0 + DAY)).toEqual({ deliveries: 2, attempts: 3, outbox: 2 });
      expect(await counts()).toEqual({ queue: 1, log: 1, outbox: 2 });
      const pending = b.client
        ? new PgDeliveryQueue(b.client)
        : new DeliveryQueue(b.storage as SqliteStorage);
      expect(await pending.pending()).toBe(1);
    });

    it('refuses a negative or fractional number of days', async () => {
      await expect(prune(-1, T0)).rejects.toThrow('olderThanDays: must be an integer ≥ 0, got -1');
      await expect(prune(1.5, T0)).rejects.toThrow('olderThanDays: must be an integer ≥ 0, got 1.5');
    });
  });
}
