// The webhook tables, appended to the shared SQLite migration list at versions ≥ 100 (the API
// helper owns versions below 100). Kept here so the delivery code and its schema change together.

/** One migration step in the shared list's shape. */
export interface WebhookMigration {
  readonly version: number;
  readonly sql: string;
}

/**
 * Endpoints keep a per-endpoint outbox cursor (`cursor_seq`) so an endpoint added later does not
 * receive history, and a queue row per (endpoint, event) so retries and ordering survive restarts.
 */
export const WEBHOOK_MIGRATIONS: readonly WebhookMigration[] = [
  {
    version: 100,
    sql: `
CREATE TABLE IF NOT EXISTS webhook_endpoints (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  cursor_seq INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  disabled_at INTEGER
);
CREATE INDEX IF NOT EXISTS webhook_endpoints_community ON webhook_endpoints(community_id);
CREATE TABLE IF NOT EXISTS webhook_queue (
  delivery_id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
  outbox_seq INTEGER NOT NULL,
  analysis_id TEXT NOT NULL,
  body TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  delivered_at INTEGER,
  UNIQUE (endpoint_id, outbox_seq)
);
CREATE INDEX IF NOT EXISTS webhook_queue_pending
  ON webhook_queue(endpoint_id, analysis_id, outbox_seq) WHERE delivered_at IS NULL;
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id TEXT NOT NULL,
  endpoint_id TEXT NOT NULL,
  outbox_seq INTEGER NOT NULL,
  attempt INTEGER NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_delivery ON webhook_deliveries(delivery_id);
`,
  },
  {
    // Give-up rule: a delivery retried past the worker's maximum age is set aside (given_up_at)
    // instead of retried forever; it keeps its log rows. first_attempt_at is what the age is
    // measured from, filled from the log for deliveries already tried before this step.
    version: 101,
    sql: `
ALTER TABLE webhook_queue ADD COLUMN first_attempt_at INTEGER;
ALTER TABLE webhook_queue ADD COLUMN given_up_at INTEGER;
UPDATE webhook_queue SET first_attempt_at =
  (SELECT MIN(d.at) FROM webhook_deliveries d WHERE d.delivery_id = webhook_queue.delivery_id)
  WHERE attempts > 0;
DROP INDEX IF EXISTS webhook_queue_pending;
CREATE INDEX IF NOT EXISTS webhook_queue_open
  ON webhook_queue(endpoint_id, analysis_id, outbox_seq) WHERE delivered_at IS NULL AND given_up_at IS NULL;
`,
  },
];
