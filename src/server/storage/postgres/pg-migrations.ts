// The PostgreSQL schema as versioned migrations, numbered like the SQLite ones (API below 100,
// webhook tables from 100). Times are unix ms in BIGINT; JSON is kept as TEXT, as on SQLite,
// so documents come back with their keys in the order they were written (jsonb would sort them).
import { type DrawingRow, splitDocument } from '../drawing-rows';
import { inTransaction } from '../sql';
import type { PgClient, PgSession } from './pg-client';

/** One schema step, applied once and recorded in schema_migrations. */
export interface PgMigration {
  readonly version: number;
  readonly sql: string;
  /** Moves stored data after `sql`, in the same transaction (a throw undoes every step of the call). */
  readonly data?: (s: PgSession) => Promise<void>;
}

/** Rows per INSERT of version 2's step: 4 parameters each, far below PostgreSQL's 65,535 even at MAX_DRAWINGS. */
const BATCH = 1000;

/** Inserts version 2's rows of one analysis with one multi-row INSERT per batch. */
async function insertDrawingRows(
  s: PgSession,
  analysisId: string,
  rows: readonly DrawingRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const params: unknown[] = [analysisId];
    const tuples = rows.slice(i, i + BATCH).map((r) => {
      params.push(r.position, r.clientObjectId, r.json);
      const n = params.length;
      return `($1, $${n - 2}, $${n - 1}, $${n})`;
    });
    await s.query(
      `INSERT INTO analysis_drawings (analysis_id, position, client_object_id, json) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}

/**
 * Version 2's data step, as SQLite's: every stored document's drawings become rows, the document
 * keeps the rest, and drawing_count is the number of rows (an append's next position).
 */
export async function moveDrawingsToRowsPg(s: PgSession): Promise<void> {
  const ids = (await s.query('SELECT id FROM analyses ORDER BY id')).rows.map((r) => String(r.id));
  for (const id of ids) {
    const text = (await s.query('SELECT document FROM analyses WHERE id = $1', [id])).rows[0]!.document;
    const { head, rows } = splitDocument(id, String(text));
    await insertDrawingRows(s, id, rows);
    await s.query('UPDATE analyses SET document = $1, drawing_count = $2 WHERE id = $3', [
      head,
      rows.length,
      id,
    ]);
  }
}

/** Every PostgreSQL migration, in the order they are applied. */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE analyses (
  -- Byte order, as SQLite's, so list pages tie-break on id identically.
  id TEXT COLLATE "C" PRIMARY KEY,
  community_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  sender TEXT NOT NULL,
  title TEXT NOT NULL,
  symbol TEXT NOT NULL,
  timeframe TEXT NOT NULL,
  direction TEXT NOT NULL,
  entry_placement TEXT NOT NULL,
  drawing_count INTEGER NOT NULL,
  expires_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL,
  document TEXT NOT NULL
);
CREATE INDEX analyses_channel_newest ON analyses(community_id, channel_id, created_at DESC, id DESC);
CREATE TABLE outbox (
  seq BIGSERIAL PRIMARY KEY,
  community_id TEXT NOT NULL,
  analysis_id TEXT NOT NULL,
  event TEXT NOT NULL,
  updated_fields TEXT NOT NULL,
  data TEXT NOT NULL,
  occurred_at BIGINT NOT NULL
);
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  community_id TEXT NOT NULL,
  channel_ids TEXT,
  permissions TEXT NOT NULL,
  expires_at BIGINT,
  revoked_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE TABLE idempotency (
  community_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  response_status INTEGER,
  response_body TEXT,
  response_etag TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (community_id, key)
);
CREATE INDEX idempotency_expiry ON idempotency(expires_at);
`,
  },
  {
    // Drawings as rows of their own, as SQLite's version 2 (sqlite/migrations.ts).
    version: 2,
    sql: `
CREATE TABLE analysis_drawings (
  analysis_id TEXT COLLATE "C" NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  client_object_id TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (analysis_id, position),
  UNIQUE (analysis_id, client_object_id)
);
`,
    data: moveDrawingsToRowsPg,
  },
  {
    // A write's drawings as one run, as SQLite's version 3 (sqlite/migrations.ts): each analysis'
    // rows become one run at position 0, their texts joined in position order.
    version: 3,
    sql: `
CREATE TABLE analysis_drawing_runs (
  analysis_id TEXT COLLATE "C" NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (analysis_id, position)
);
CREATE TABLE analysis_client_object_ids (
  analysis_id TEXT COLLATE "C" NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  client_object_id TEXT NOT NULL,
  PRIMARY KEY (analysis_id, client_object_id)
);
INSERT INTO analysis_drawing_runs (analysis_id, position, json)
  SELECT analysis_id, 0, '[' || string_agg(json, ',' ORDER BY position) || ']'
  FROM analysis_drawings GROUP BY analysis_id;
INSERT INTO analysis_client_object_ids (analysis_id, client_object_id)
  SELECT analysis_id, client_object_id FROM analysis_drawings;
DROP TABLE analysis_drawings;
`,
  },
  {
    version: 100,
    sql: `
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  cursor_seq BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  disabled_at BIGINT
);
CREATE INDEX webhook_endpoints_community ON webhook_endpoints(community_id);
CREATE TABLE webhook_queue (
  delivery_id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
  outbox_seq BIGINT NOT NULL,
  analysis_id TEXT NOT NULL,
  body TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  delivered_at BIGINT,
  UNIQUE (endpoint_id, outbox_seq)
);
CREATE INDEX webhook_queue_pending
  ON webhook_queue(endpoint_id, analysis_id, outbox_seq) WHERE delivered_at IS NULL;
CREATE TABLE webhook_deliveries (
  id BIGSERIAL PRIMARY KEY,
  delivery_id TEXT NOT NULL,
  endpoint_id TEXT NOT NULL,
  outbox_seq BIGINT NOT NULL,
  attempt INTEGER NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_delivery ON webhook_deliveries(delivery_id);
`,
  },
  {
    // The give-up rule, as SQLite's migration 101 (webhooks/tables.ts).
    version: 101,
    sql: `
ALTER TABLE webhook_queue ADD COLUMN first_attempt_at BIGINT;
ALTER TABLE webhook_queue ADD COLUMN given_up_at BIGINT;
UPDATE webhook_queue q SET first_attempt_at =
  (SELECT MIN(d.at) FROM webhook_deliveries d WHERE d.delivery_id = q.delivery_id)
  WHERE attempts > 0;
DROP INDEX IF EXISTS webhook_queue_pending;
CREATE INDEX webhook_queue_open
  ON webhook_queue(endpoint_id, analysis_id, outbox_seq) WHERE delivered_at IS NULL AND given_up_at IS NULL;
`,
  },
];

/**
 * Transaction-scoped advisory lock for one purpose within the current schema, so test schemas
 * sharing a database do not wait on each other. `$1` is the purpose, `$2` an int4 sub-key.
 */
export const ADVISORY_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':' || $1), $2)";

/** Sub-key of the migration lock. */
const MIGRATE = 'migrate';

/**
 * Applies the migrations not yet recorded, all in one transaction under an advisory lock, so two
 * instances starting at once apply each step exactly once (the second waits, then finds them
 * done). Returns the versions applied by this call.
 */
export async function migratePostgres(
  client: PgClient,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<number[]> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.version === sorted[i - 1]!.version) {
      throw new Error(`migrations: version ${sorted[i]!.version} appears twice`);
    }
  }
  return client.withSession((s) =>
    inTransaction(s, async () => {
      await s.query(ADVISORY_LOCK_SQL, [MIGRATE, 0]);
      await s.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
      );
      const done = new Set(
        (await s.query('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)),
      );
      const applied: number[] = [];
      for (const m of sorted) {
        if (done.has(m.version)) continue;
        await s.exec(m.sql);
        await m.data?.(s);
        await s.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          m.version,
          Date.now(),
        ]);
        applied.push(m.version);
      }
      return applied;
    }),
  );
}

/** BEGIN … COMMIT around fn (the SQL port's, kept here for existing imports). */
export { inTransaction };
