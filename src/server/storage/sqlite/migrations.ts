// The SQLite schema as an ordered list of migrations. Versions below 100 belong to the API
// (analyses, outbox, keys, idempotency); the webhook tables append entries at versions ≥ 100.
import type Database from 'better-sqlite3';
import { WEBHOOK_MIGRATIONS } from '../../webhooks/tables';

/** One schema step, applied once and recorded in schema_migrations. */
export interface Migration {
  readonly version: number;
  readonly sql: string;
}

/** Every migration, in the order they are applied. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE analyses (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
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
  document TEXT NOT NULL
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
        record.run(m.version, Date.now());
        return true;
      })
      .immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}
