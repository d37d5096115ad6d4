// copy-to-postgres on PGlite, and on a real PostgreSQL when TEST_DATABASE_URL is set: a SQLite
// database written through the real API and webhook worker is copied, then served from
// PostgreSQL with the same harness; refusals write nothing; a failure mid-copy leaves no rows.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../../src/server/auth/keys';
import {
  COPIED_TABLES,
  CopyRefusedError,
  copySqliteToPostgres,
} from '../../../../src/server/storage/copy-to-postgres';
import type { PgClient } from '../../../../src/server/storage/postgres/pg-client';
import { DeliveryQueue as PgDeliveryQueue } from '../../../../src/server/webhooks/queue';
import { addWebhook } from '../../../../src/server/webhooks/endpoints';
import { startWebhookWorker } from '../../../../src/server/webhooks/worker';
import { channelPath, COMMUNITY, harnessOn, T0 } from '../harness';
import { BACKENDS, type Backend } from '../storage-backends';
import { buildCopySource, type CopySource, PUBLIC_LOOKUP } from './copy-source';

const counts = async (client: PgClient): Promise<Record<string, number>> =>
  client.withSession(async (s) => {
    const out: Record<string, number> = {};
    for (const t of COPIED_TABLES)
      out[t.name] = Number((await s.query(`SELECT COUNT(*) AS n FROM ${t.name}`)).rows[0]!.n);
    return out;
  });
const ZERO = Object.fromEntries(COPIED_TABLES.map((t) => [t.name, 0]));
const COPIED = {
  analyses: 3,
  // A and D have the example's 3 drawings in one run each, B one more in a run of its own.
  analysis_drawing_runs: 4,
  analysis_client_object_ids: 10,
  outbox: 7,
  api_keys: 6,
  idempotency: 1,
  webhook_endpoints: 1,
  webhook_queue: 7,
  webhook_deliveries: 6,
};

for (const kind of BACKENDS.filter((k) => k.name === 'pglite' || k.name === 'postgres')) {
  if (kind.skip) console.log(`copy-to-postgres on ${kind.name}: skipped, ${kind.skip}`);
  describe.skipIf(kind.skip !== null)(`copy-to-postgres on ${kind.name}`, () => {
    let src: CopySource;
    let b: Backend;
    beforeAll(async () => {
      src = await buildCopySource();
    }, 30_000);
    afterAll(async () => {
      await src?.dispose();
    });
    beforeEach(async () => {
      b = await kind.open();
    }, 30_000);
    afterEach(async () => {
      await b?.dispose();
    });

    it('copies every table and the PostgreSQL server answers as the SQLite one did', async () => {
      const result = await copySqliteToPostgres(src.file, b.client!);
      expect(result.tables).toEqual(Object.entries(COPIED).map(([table, copied]) => ({ table, copied })));
      expect(result.outboxSeq).toBe(7);
      expect(await counts(b.client!)).toEqual(COPIED);

      const pg = await harnessOn(b.storage, { rateLimit: false }, () => {
        throw new Error('dump: SQLite only');
      });
      pg.setNow(src.now);
      const key = src.h.keys.writer;
      // Byte for byte, ETag included, for every analysis and for the channel's list.
      for (const path of [...Object.values(src.ids).map((id) => `/v1/analysis/${id}`), channelPath()]) {
        const [was, now] = [await src.h.call('GET', path, { key }), await pg.call('GET', path, { key })];
        expect([now.status, now.headers.get('etag'), await now.text()]).toEqual([
          was.status,
          was.headers.get('etag'),
          await was.text(),
        ]);
        expect(now.status).toBe(200);
      }
      expect((await pg.call('GET', `/v1/analysis/${src.deleted}`, { key })).status).toBe(404);
      // Keys are copied as hashes: the revoked one stays revoked.
      expect((await pg.call('GET', `/v1/analysis/${src.ids.a}`, { key: src.h.keys.revoked })).status).toBe(
        401,
      );

      const replay = await pg.call('POST', channelPath(), { key, body: src.keyedBody });
      expect([replay.status, replay.headers.get('idempotent-replayed'), replay.headers.get('etag')]).toEqual([
        201,
        'true',
        src.keyedFirst.etag,
      ]);
      expect(await replay.text()).toBe(src.keyedFirst.text);

      // A was created (v1) and updated (v2) on SQLite: the next update is v3, its event seq 8.
      pg.setNow(src.now + 60_000);
      const patch = await pg.call('PATCH', `/v1/analysis/${src.ids.a}`, {
        key,
        body: { sender: 'a@b.co', metadata: { title: 'On PostgreSQL' } },
      });
      expect([patch.status, patch.headers.get('etag')]).toEqual([200, '"3"']);
      const events = await b.storage.readOutbox(7, 10);
      expect(events.map((e) => [e.seq, e.event, e.analysisId])).toEqual([[8, 'update_analysis', src.ids.a]]);

      // The worker continues the copied queue: A's failed create is retried, then A's two updates.
      const sent: string[] = [];
      const worker = startWebhookWorker({
        queue: new PgDeliveryQueue(b.client!),
        now: () => src.now + 3_600_000,
        intervalMs: 0,
        lookup: PUBLIC_LOOKUP,
        fetch: async (_url, init) => {
          const body = JSON.parse(String(init!.body)) as { event: string; analysisId: string };
          sent.push(`${body.event} ${body.analysisId === src.ids.a ? 'A' : body.analysisId}`);
          return new Response(null, { status: 200 });
        },
      });
      await worker.drain();
      await worker.stop();
      expect(sent).toEqual(['create_analysis A', 'update_analysis A', 'update_analysis A']);
      expect(await worker.pending()).toBe(0);
      const log = await worker.queue.log(src.endpointId);
      const ofA = log.filter((l) => l.outboxSeq === 1).map((l) => [l.attempt, l.statusCode]);
      expect(ofA).toEqual([
        [1, 500],
        [2, 200],
      ]);
      // New log rows continue the copied ids.
      const ids = await b.client!.withSession(async (s) =>
        (await s.query('SELECT id FROM webhook_deliveries ORDER BY id')).rows.map((r) => Number(r.id)),
      );
      expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }, 60_000);

    it('refuses a target holding data, naming it, and writes nothing', async () => {
      await createApiKey(b.storage, { communityId: COMMUNITY, permissions: ['analysis:read'], now: T0 });
      const error = await copySqliteToPostgres(src.file, b.client!).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CopyRefusedError);
      expect((error as Error).message).toBe(
        '--to: the target database already holds data (api_keys: 1); copy-to-postgres only copies into an ' +
          'empty database and never merges or overwrites',
      );
      expect(await counts(b.client!)).toEqual({ ...ZERO, api_keys: 1 });
    });

    it('refuses a missing SQLite file without creating it', async () => {
      const missing = join(tmpdir(), 'chartmark-copy-missing', 'none.sqlite');
      await expect(copySqliteToPostgres(missing, b.client!)).rejects.toThrow(
        new CopyRefusedError(`--from: no SQLite database at ${JSON.stringify(missing)}`),
      );
      expect(existsSync(missing)).toBe(false);
      expect(await counts(b.client!)).toEqual(ZERO);
    });

    it('a row rejected by the last table rolls back every table and the sequences', async () => {
      await b.client!.withSession((s) =>
        s.exec(
          'ALTER TABLE webhook_deliveries ADD CONSTRAINT copy_test_reject CHECK (status_code IS NULL OR status_code <> 200)',
        ),
      );
      await expect(copySqliteToPostgres(src.file, b.client!)).rejects.toThrow(
        /^webhook_deliveries: new row for relation "webhook_deliveries" violates check constraint "copy_test_reject"/,
      );
      expect(await counts(b.client!)).toEqual(ZERO);
      await addWebhook(b.storage, { communityId: COMMUNITY, url: 'https://hooks.example/after' });
      await b.storage.atomically({}, () => ({
        writes: {
          outbox: [
            {
              communityId: COMMUNITY,
              analysisId: 'x',
              event: 'delete_analysis',
              updatedFields: [],
              data: {},
              occurredAt: T0,
            },
          ],
        },
        result: null,
      }));
      expect((await b.storage.readOutbox(0, 10)).map((e) => e.seq)).toEqual([1]);
    });

    it('a value changed on its way in fails the verification, naming the table, and rolls back', async () => {
      await b.client!.withSession((s) =>
        s.exec(`
CREATE FUNCTION copy_test_alter() RETURNS trigger AS $$
BEGIN NEW.document := replace(NEW.document, 'Renamed', 'Renamex'); RETURN NEW; END $$ LANGUAGE plpgsql;
CREATE TRIGGER copy_test_alter BEFORE INSERT ON analyses FOR EACH ROW EXECUTE FUNCTION copy_test_alter();`),
      );
      await expect(copySqliteToPostgres(src.file, b.client!)).rejects.toThrow(
        `analyses: the row with key ${JSON.stringify([src.ids.a])} differs after the copy`,
      );
      expect(await counts(b.client!)).toEqual(ZERO);
    });
  });
}
