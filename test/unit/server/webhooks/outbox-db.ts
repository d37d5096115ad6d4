// The real SQLite storage in memory (API migrations + webhook tables) and a writer of outbox rows
// in the shared table's shape (server-shared.md), for worker tests that do not need the routes.
import { openSqliteStorage, type SqliteStorage } from '../../../../src/server/storage/sqlite/sqlite-storage';

export const COMMUNITY = '6502c9e514a3e564c5c09c0a';
export const OTHER_COMMUNITY = '6502c9e514a3e564c5c09c0b';

export function openTestStorage(): SqliteStorage {
  return openSqliteStorage(':memory:');
}

export async function writeEvent(
  storage: SqliteStorage,
  e: {
    community?: string;
    analysisId: string;
    event: string;
    updatedFields?: string[];
    data?: unknown;
    at: number;
  },
): Promise<number> {
  const data =
    e.data ?? (e.event === 'delete_analysis' ? { analysisId: e.analysisId } : { id: e.analysisId });
  const insert = storage.db.prepare(
    'INSERT INTO outbox (community_id, analysis_id, event, updated_fields, data, occurred_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const r = insert.run(
    e.community ?? COMMUNITY,
    e.analysisId,
    e.event,
    JSON.stringify(e.updatedFields ?? []),
    JSON.stringify(data),
    e.at,
  );
  return Number(r.lastInsertRowid);
}
