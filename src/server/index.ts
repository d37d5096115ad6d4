// Public surface of chartmark/server. Hand-written: every export here is deliberate.
export { createIdGenerator } from './ids';
export type {
  AnalysisDocument,
  AnalysisListQuery,
  AnalysisListRow,
  AnalysisRow,
  ApiKeyRow,
  IdempotencyRow,
  OutboxEvent,
  OutboxEventName,
  OutboxRow,
  BackendStorage,
  Storage,
  TxDecision,
  TxReads,
  TxSnapshot,
  TxWrites,
} from './storage/storage';
// One backend port: open a storage from a database setting (sqlite path/URL or postgres:// URL).
export type { OpenStorageOptions } from './storage/open';
export { openStorage } from './storage/open';
export type { DatabaseTarget } from './storage/database-url';
export { parseDatabase } from './storage/database-url';
export type { SqlClient, SqlDialect, SqlResult, SqlSession } from './storage/sql';
export type { Migration } from './storage/sqlite/migrations';
export { MIGRATIONS, migrate } from './storage/sqlite/migrations';
export type { Checkpointer, CheckpointerOptions, CheckpointReport } from './storage/sqlite/checkpointer';
export type { SqliteOptions, SqliteStorage, SqliteTx } from './storage/sqlite/sqlite-storage';
export { openSqliteStorage } from './storage/sqlite/sqlite-storage';
// PostgreSQL storage (several instances on one database).
export { describeDatabase, isPostgresUrl } from './storage/database-url';
export type {
  PGliteLike,
  PgClient,
  PgResult,
  PgSession,
  PoolClientOptions,
} from './storage/postgres/pg-client';
export { pgliteClient, poolClient } from './storage/postgres/pg-client';
export type { PgMigration } from './storage/postgres/pg-migrations';
export { migratePostgres, PG_MIGRATIONS } from './storage/postgres/pg-migrations';
export type { PostgresOptions, PostgresStorage } from './storage/postgres/pg-storage';
export { openPostgresStorage, PG_TX_ATTEMPTS } from './storage/postgres/pg-storage';
/** @deprecated The one queue and endpoint functions serve both backends; these are their former PostgreSQL names. */
export {
  addWebhook as addPgWebhook,
  disableWebhook as disablePgWebhook,
  listWebhooks as listPgWebhooks,
} from './webhooks/endpoints';
/** @deprecated See DeliveryQueue and DELIVERY_LEASE_MS. */
export {
  DELIVERY_LEASE_MS as PG_DELIVERY_LEASE_MS,
  DeliveryQueue as PgDeliveryQueue,
} from './webhooks/queue';
/** @deprecated See pruneWebhooks. */
export { pruneWebhooks as prunePgWebhooks } from './webhooks/prune';
export { connectPostgres, DEFAULT_PG_POOL_SIZE } from './storage/postgres/connect';
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
export { canonicalJson, IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS, IDEMPOTENCY_TTL_MS } from './idempotency';
export type { RateDecision, RateLimiter, RateLimitOptions } from './rate-limit';
export { createRateLimiter, DEFAULT_WRITE_RATE_LIMIT } from './rate-limit';
// Operations: webhooks, serving, demo seeding, CLI.
export type { BackoffOptions } from './webhooks/backoff';
export { backoffDelay, DEFAULT_BACKOFF } from './webhooks/backoff';
export type { AddWebhookInput, WebhookEndpoint } from './webhooks/endpoints';
export { addWebhook, checkWebhookUrl, disableWebhook, listWebhooks } from './webhooks/endpoints';
export type { DeliveryAttempt, DueDelivery, QueueDatabase } from './webhooks/queue';
export { DELIVERY_LEASE_MS, DeliveryQueue, eventBody } from './webhooks/queue';
export type { SignatureCheck } from './webhooks/signature';
export {
  DEFAULT_SIGNATURE_TOLERANCE_SEC,
  newWebhookSecret,
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_SECRET_PREFIX,
} from './webhooks/signature';
export type { WebhookMigration } from './webhooks/tables';
export { WEBHOOK_MIGRATIONS } from './webhooks/tables';
export type { DrainResult, WebhookQueue, WebhookWorker, WebhookWorkerOptions } from './webhooks/worker';
export { startWebhookWorker, WEBHOOK_USER_AGENT } from './webhooks/worker';
export { DEFAULT_WEBHOOK_MAX_AGE_MS } from './webhooks/worker';
export type { AttemptNext, DeliveryCounts } from './webhooks/queue';
export type { HostLookup } from './webhooks/address-guard';
export {
  ALLOW_PRIVATE_ENV,
  checkWebhookUrlLiteral,
  nonPublicKind,
  screenWebhookUrl,
} from './webhooks/address-guard';
export type { WebhookEnvOptions } from './webhooks/worker-env';
export { MAX_AGE_ENV, webhookEnvOptions } from './webhooks/worker-env';
export type { PruneResult } from './webhooks/prune';
export { DEFAULT_PRUNE_DAYS, pruneCutoff, pruneWebhooks } from './webhooks/prune';
export type { PinnedAddress } from './webhooks/pinned-post';
export { postPinned } from './webhooks/pinned-post';
export type { WebhookTarget } from './webhooks/address-guard';
export { resolveWebhookTarget } from './webhooks/address-guard';
export type {
  PostgresServeOptions,
  RunningPostgresServer,
  RunningServer,
  RunningSqliteServer,
  ServeOptions,
} from './serve';
export { demoKeyFile, RATE_LIMIT_SCOPE, startPostgresServer, startServer } from './serve';
export type { DemoConfig, EnsureDemoOptions, PublicDemoConfig, RequestTarget } from './seed';
export {
  DEMO_SENDER,
  DEMO_TOKEN_PATH,
  demoToken,
  ensureDemo,
  publicDemoConfig,
  SAMPLE_ANALYSIS_FILE,
} from './seed';
export type { StaticHandler } from './static-files';
export { CONTENT_TYPES, serveStaticFiles } from './static-files';
export type { CliCommand } from './cli/args';
export {
  CliUsageError,
  DEFAULT_DB_PATH,
  DEFAULT_DEMO_DIR,
  DEFAULT_HOST,
  DEFAULT_PORT,
  HELP,
  parseCli,
} from './cli/args';
export type { CliIo } from './cli/run';
export { EXIT_USAGE, runCli, runCommand } from './cli/run';
export type { CopiedTable, CopyResult } from './storage/copy-to-postgres';
export { COPIED_TABLES, CopyRefusedError, copySqliteToPostgres } from './storage/copy-to-postgres';
