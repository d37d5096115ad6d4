// A database with the shared outbox table (server-shared.md contract) and the webhook tables,
// plus a writer for outbox rows, for worker tests that do not need the HTTP API.
import Database from 'better-sqlite3';
import { WEBHOOK_MIGRATIONS } from '../../../../src/server/webhooks/tables';

export const COMMUNITY = '6502c9e514a3e564c5c09c0a';
export const OTHER_COMMUNITY = '6502c9e514a3e564c5c09c0b';

export function openOutboxDb(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, community_id TEXT NOT NULL,
    analysis_id TEXT NOT NULL, event TEXT NOT NULL, updated_fields TEXT NOT NULL, data TEXT NOT NULL,
    occurred_at INTEGER NOT NULL)`);
  for (const m of WEBHOOK_MIGRATIONS) db.exec(m.sql);
  return db;
}

export function writeEvent(
  db: Database.Database,
  e: {
    community?: string;
    analysisId: string;
    event: string;
    updatedFields?: string[];
    data?: unknown;
    at: number;
  },
): number {
  const data =
    e.data ?? (e.event === 'delete_analysis' ? { analysisId: e.analysisId } : { id: e.analysisId });
  return Number(
    db
      .prepare(
        'INSERT INTO outbox (community_id, analysis_id, event, updated_fields, data, occurred_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        e.community ?? COMMUNITY,
        e.analysisId,
        e.event,
        JSON.stringify(e.updatedFields ?? []),
        JSON.stringify(data),
        e.at,
      ).lastInsertRowid,
  );
}
