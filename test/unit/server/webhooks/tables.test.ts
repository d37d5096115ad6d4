// Migration 101 (give-up columns) on a database that already has deliveries: first_attempt_at
// is filled from the log for tried rows, left empty for untried ones, on SQLite and PostgreSQL.
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { pgliteClient } from '../../../../src/server/storage/postgres/pg-client';
import { migratePostgres, PG_MIGRATIONS } from '../../../../src/server/storage/postgres/pg-migrations';
import { MIGRATIONS, migrate } from '../../../../src/server/storage/sqlite/migrations';

const SEED = [
  "INSERT INTO webhook_endpoints (id, community_id, url, secret, created_at) VALUES ('e', 'c', 'https://h.example/', 's', 1)",
  "INSERT INTO webhook_queue (delivery_id, endpoint_id, outbox_seq, analysis_id, body, attempts, next_attempt_at) VALUES ('tried', 'e', 1, 'a', '{}', 2, 9000)",
  "INSERT INTO webhook_queue (delivery_id, endpoint_id, outbox_seq, analysis_id, body, attempts, next_attempt_at) VALUES ('new', 'e', 2, 'b', '{}', 0, 0)",
  "INSERT INTO webhook_deliveries (delivery_id, endpoint_id, outbox_seq, attempt, status_code, duration_ms, at) VALUES ('tried', 'e', 1, 1, 500, 3, 5000)",
  "INSERT INTO webhook_deliveries (delivery_id, endpoint_id, outbox_seq, attempt, status_code, duration_ms, at) VALUES ('tried', 'e', 1, 2, 500, 3, 7000)",
];
const CHECK =
  'SELECT delivery_id, first_attempt_at, given_up_at FROM webhook_queue ORDER BY delivery_id DESC';
const EXPECTED = [
  { delivery_id: 'tried', first_attempt_at: 5000, given_up_at: null },
  { delivery_id: 'new', first_attempt_at: null, given_up_at: null },
];

it('SQLite: migration 101 fills first_attempt_at from the log of deliveries already tried', () => {
  const db = new Database(':memory:');
  expect(
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 100),
    ),
  ).toEqual([1, 2, 3, 4, 100]);
  for (const sql of SEED) db.exec(sql);
  expect(migrate(db, MIGRATIONS)).toEqual([101]);
  expect(db.prepare(CHECK).all()).toEqual(EXPECTED);
  db.close();
});

it('PostgreSQL: migration 101 does the same', async () => {
  const pg = await PGlite.create();
  const client = pgliteClient(pg);
  try {
    expect(
      await migratePostgres(
        client,
        PG_MIGRATIONS.filter((m) => m.version <= 100),
      ),
    ).toEqual([1, 2, 3, 100]);
    await client.withSession(async (s) => {
      for (const sql of SEED) await s.exec(sql);
    });
    expect(await migratePostgres(client)).toEqual([101]);
    const rows = (await client.withSession((s) => s.query(CHECK))).rows.map((r) => ({
      ...r,
      first_attempt_at: r.first_attempt_at === null ? null : Number(r.first_attempt_at),
    }));
    expect(rows).toEqual(EXPECTED);
  } finally {
    await pg.close();
  }
  // Starting PGlite (a WebAssembly PostgreSQL) alone takes seconds on a loaded 2-core machine.
}, 30_000);
