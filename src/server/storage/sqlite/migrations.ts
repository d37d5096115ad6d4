// The SQLite schema as an ordered list of migrations. Versions below 100 belong to the API
// (analyses, outbox, keys, idempotency); the webhook tables append entries at versions ≥ 100.
import type Database from 'better-sqlite3';
import { WEBHOOK_MIGRATIONS } from '../../webhooks/tables';
import { splitDocument } from '../drawing-rows';

/** One schema step, applied once and recorded in schema_migrations. */
export interface Migration {
  readonly version: number;
  readonly sql: string;
  /** Moves stored data after `sql`, in the same transaction (a throw undoes both). */
  readonly data?: (db: Database.Database) => void;
}

/** The columns of `analyses` after its id, as version 1 made them (version 4 keeps them). */
const ANALYSES_COLUMNS_SQL = `  community_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  sender TEXT NOT NULL,
  title TEXT NOT NULL,
  symbol TEXT NOT NULL,
  timeframe TEXT NOT NULL,
  direction TEXT NOT NULL,
  entry_placement TEXT NOT NULL,
  drawing_count INTEGER NOT NULL,
  expires_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL,
  document TEXT NOT NULL`;
const ANALYSES_COLUMN_NAMES = ANALYSES_COLUMNS_SQL.split(',\n')
  .map((c) => c.trim().split(' ')[0])
  .join(', ');

/** The table of drawings as rows (version 2); WITHOUT ROWID keeps an analysis' drawings together in position order. */
export const DRAWINGS_TABLE_SQL = `
CREATE TABLE analysis_drawings (
  analysis_id TEXT NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  client_object_id TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (analysis_id, position),
  UNIQUE (analysis_id, client_object_id)
) WITHOUT ROWID;
`;

/**
 * Version 2's data step: every stored document's drawings become rows, the document keeps the
 * rest, and drawing_count is the number of rows (an append's next position).
 */
export function moveDrawingsToRows(db: Database.Database): void {
  const ids = db.prepare('SELECT id FROM analyses ORDER BY id').pluck().all() as string[];
  const read = db.prepare('SELECT document FROM analyses WHERE id = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO analysis_drawings (analysis_id, position, client_object_id, json) VALUES (?, ?, ?, ?)',
  );
  const write = db.prepare('UPDATE analyses SET document = ?, drawing_count = ? WHERE id = ?');
  for (const id of ids) {
    const { head, rows } = splitDocument(id, read.get(id) as string);
    for (const r of rows) insert.run(id, r.position, r.clientObjectId, r.json);
    write.run(head, rows.length, id);
  }
}

/**
 * The tables of drawings as runs (version 3, see drawing-runs.ts), and the step that moves version
 * 2's rows into them: each analysis' rows become one run at position 0 (the rows' texts joined in
 * position order, so a detail is the same bytes) and its clientObjectIds rows of their own.
 */
export const DRAWING_RUNS_SQL = `
CREATE TABLE analysis_drawing_runs (
  analysis_id TEXT NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (analysis_id, position)
) WITHOUT ROWID;
CREATE TABLE analysis_client_object_ids (
  analysis_id TEXT NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  client_object_id TEXT NOT NULL,
  PRIMARY KEY (analysis_id, client_object_id)
) WITHOUT ROWID;
INSERT INTO analysis_drawing_runs (analysis_id, position, json)
  SELECT analysis_id, 0, '[' || group_concat(json, ',' ORDER BY position) || ']'
  FROM analysis_drawings GROUP BY analysis_id;
INSERT INTO analysis_client_object_ids (analysis_id, client_object_id)
  SELECT analysis_id, client_object_id FROM analysis_drawings;
DROP TABLE analysis_drawings;
`;

/**
 * Version 4: the drawing tables keyed by the analysis's integer key instead of its random TEXT
 * id, so a new analysis's run and clientObjectIds land at the right edge of their b-trees (and
 * the writes of one group commit share leaves) instead of splitting leaves among the others'.
 * `analyses` is rebuilt with `key INTEGER PRIMARY KEY` (an alias of its rowid, kept as it was, so
 * VACUUM never renumbers it) and `id` UNIQUE; the drawing rows move over joined on the id. The
 * new tables are filled before the old ones are dropped, so no cascade deletes anything.
 */
export const INTEGER_KEYS_SQL = `
CREATE TABLE analyses_v4 (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
${ANALYSES_COLUMNS_SQL}
);
INSERT INTO analyses_v4 (key, id, ${ANALYSES_COLUMN_NAMES})
  SELECT rowid, id, ${ANALYSES_COLUMN_NAMES}
  FROM analyses ORDER BY rowid;
CREATE TABLE analysis_drawing_runs_v4 (
  analysis_key INTEGER NOT NULL REFERENCES analyses_v4(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (analysis_key, position)
) WITHOUT ROWID;
INSERT INTO analysis_drawing_runs_v4 (analysis_key, position, json)
  SELECT a.key, r.position, r.json FROM analysis_drawing_runs r JOIN analyses_v4 a ON a.id = r.analysis_id;
CREATE TABLE analysis_client_object_ids_v4 (
  analysis_key INTEGER NOT NULL REFERENCES analyses_v4(key) ON DELETE CASCADE,
  client_object_id TEXT NOT NULL,
  PRIMARY KEY (analysis_key, client_object_id)
) WITHOUT ROWID;
INSERT INTO analysis_client_object_ids_v4 (analysis_key, client_object_id)
  SELECT a.key, c.client_object_id FROM analysis_client_object_ids c JOIN analyses_v4 a ON a.id = c.analysis_id;
DROP TABLE analysis_drawing_runs;
DROP TABLE analysis_client_object_ids;
DROP TABLE analyses;
ALTER TABLE analyses_v4 RENAME TO analyses;
ALTER TABLE analysis_drawing_runs_v4 RENAME TO analysis_drawing_runs;
ALTER TABLE analysis_client_object_ids_v4 RENAME TO analysis_client_object_ids;
CREATE INDEX analyses_channel_newest ON analyses(community_id, channel_id, created_at DESC, id DESC);
`;

/** Every migration, in the order they are applied. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE analyses (
  id TEXT PRIMARY KEY,
${ANALYSES_COLUMNS_SQL}
);
CREATE INDEX analyses_channel_newest ON analyses(community_id, channel_id, created_at DESC, id DESC);
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id TEXT NOT NULL,
  analysis_id TEXT NOT NULL,
  event TEXT NOT NULL,
  updated_fields TEXT NOT NULL,
  data TEXT NOT NULL,
  occurred_at INTEGER NOT NULL
);
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  community_id TEXT NOT NULL,
  channel_ids TEXT,
  permissions TEXT NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE TABLE idempotency (
  community_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  response_status INTEGER,
  response_body TEXT,
  response_etag TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (community_id, key)
);
CREATE INDEX idempotency_expiry ON idempotency(expires_at);
`,
  },
  // Drawings as rows of their own: an append writes only the new ones (BENCHMARKS.md, "Server scope and outbox").
  { version: 2, sql: DRAWINGS_TABLE_SQL, data: moveDrawingsToRows },
  // A write's drawings as one run: a create writes one row, not one per drawing (BENCHMARKS.md, issue 15 item 5).
  { version: 3, sql: DRAWING_RUNS_SQL },
  // Drawing tables keyed by the analysis's integer key: inserts at the right edge (BENCHMARKS.md, issue 15 item 5).
  { version: 4, sql: INTEGER_KEYS_SQL },
  // Webhook tables (versions ≥ 100), owned by src/server/webhooks.
  ...WEBHOOK_MIGRATIONS,
];

/** Applies the migrations not yet recorded, each in its own transaction; safe to run twice. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
  );
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  const applied: number[] = [];
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.version === sorted[i - 1]!.version) {
      throw new Error(`migrations: version ${sorted[i]!.version} appears twice`);
    }
  }
  const isDone = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  for (const m of sorted) {
    if (done.has(m.version)) continue;
    // IMMEDIATE takes the write lock first and the check is repeated under it, so two processes
    // opening the same file at once (server and CLI) apply each migration once.
    const ran = db
      .transaction(() => {
        if (isDone.get(m.version)) return false;
        db.exec(m.sql);
        m.data?.(db);
        record.run(m.version, Date.now());
        return true;
      })
      .immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}
