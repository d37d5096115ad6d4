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
  TxDecision,
  TxReads,
  TxSnapshot,
  TxWrites,
} from './storage/storage';
export type { Migration } from './storage/sqlite/migrations';
export { MIGRATIONS, migrate } from './storage/sqlite/migrations';
export type { SqliteOptions, SqliteStorage, SqliteTx } from './storage/sqlite/sqlite-storage';
export { openSqliteStorage } from './storage/sqlite/sqlite-storage';
