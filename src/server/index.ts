// Public surface of chartmark/server. Hand-written: every export here is deliberate.
export { createIdGenerator } from './ids';
export type {
  AnalysisDocument,
  AnalysisListQuery,
  AnalysisRow,
  ApiKeyRow,
  IdempotencyRow,
  OutboxEvent,
  OutboxEventName,
  OutboxRow,
  Storage,
  StorageTx,
} from './storage/storage';
export type { Migration } from './storage/sqlite/migrations';
export { MIGRATIONS, migrate } from './storage/sqlite/migrations';
export type { SqliteOptions, SqliteStorage } from './storage/sqlite/sqlite-storage';
export { openSqliteStorage } from './storage/sqlite/sqlite-storage';
