// The sync engine's model test (test/unit/sync/model.test.ts, unchanged) run against two API
// instances instead of one: two `createApp`s, each with its own PostgresStorage, on one PGlite
// database, behind a client that sends request n to instance n mod 2. The harness's testServer
// is swapped through vi.mock, so the model, its commands and its checks are exactly the sync
// helper's. PGlite runs in process, so the harness's promise-settling steps still see every
// request finish (a networked database would need real waiting there).
import { PGlite } from '@electric-sql/pglite';
import { vi } from 'vitest';
import { createApp } from '../../../src/server/app';
import { createApiKey } from '../../../src/server/auth/keys';
import { type PgClient, pgliteClient } from '../../../src/server/storage/postgres/pg-client';
import { openPostgresStorage, type PostgresStorage } from '../../../src/server/storage/postgres/pg-storage';
import type { TestServer } from '../sync/harness';

let shared: Promise<{ client: PgClient; storages: PostgresStorage[] }> | undefined;

vi.mock('../sync/harness', async (importOriginal) => {
  const original = await importOriginal<typeof import('../sync/harness')>();
  return {
    ...original,
    /** Two instances on one fresh database; the harness's shape, round-robin fetch. */
    async testServer(now: () => number): Promise<TestServer> {
      // One database for all runs (creating PGlite costs seconds), emptied before each run.
      shared ??= (async () => {
        const db = await PGlite.create();
        // One client: PGlite has one connection, and the client queues whole transactions on it.
        const client = pgliteClient(db);
        return { client, storages: [await openPostgresStorage(client), await openPostgresStorage(client)] };
      })();
      const { client, storages } = await shared;
      await client.withSession((s) =>
        s.exec(
          'TRUNCATE analyses, analysis_drawing_runs, analysis_client_object_ids, outbox, api_keys, idempotency RESTART IDENTITY',
        ),
      );
      const apps = storages.map((storage) => createApp({ storage, now, logger: () => {}, rateLimit: false }));
      const { key } = await createApiKey(storages[0]!, {
        communityId: original.COMMUNITY,
        permissions: ['analysis:read', 'analysis:write'],
        now: original.T0_MS - 1000,
      });
      let n = 0;
      return {
        storage: storages[0] as unknown as TestServer['storage'],
        app: apps[0]!,
        apiKey: key,
        fetch: async (input, init) => apps[n++ % 2]!.request(input, init),
      };
    },
  };
});

// model.test reads its run count when loaded; restore the variable so that a later test file in
// the same worker process still gets the sync helper's default.
const saved = {
  runs: process.env.SYNC_MODEL_RUNS,
  fresh: process.env.SYNC_MODEL_FRESH_RUNS,
  regressions: process.env.SYNC_MODEL_REGRESSIONS,
};
process.env.SYNC_MODEL_REGRESSIONS = '0';
process.env.SYNC_MODEL_RUNS = process.env.SYNC_TWO_INSTANCES_RUNS ?? '50';
process.env.SYNC_MODEL_FRESH_RUNS = process.env.SYNC_TWO_INSTANCES_FRESH_RUNS ?? '20';
const restore = (name: string, value: string | undefined) => {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
};
try {
  await import('../sync/model.test');
} finally {
  restore('SYNC_MODEL_RUNS', saved.runs);
  restore('SYNC_MODEL_FRESH_RUNS', saved.fresh);
  restore('SYNC_MODEL_REGRESSIONS', saved.regressions);
}
