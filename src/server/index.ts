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
export { API_PREFIXES, createApp } from './app';
export type { AppDeps } from './context';
export { ApiError } from './api-error';
export type { AuthFailure, AuthResult, CreateApiKeyOptions, Permission } from './auth/keys';
export {
  API_KEY_PREFIX,
  authenticate,
  createApiKey,
  hashApiKey,
  PERMISSIONS,
  revokeApiKey,
} from './auth/keys';
export { canonicalJson, IDEMPOTENCY_TTL_MS } from './idempotency';
export type { RateDecision, RateLimiter, RateLimitOptions } from './rate-limit';
export { createRateLimiter, DEFAULT_WRITE_RATE_LIMIT } from './rate-limit';
