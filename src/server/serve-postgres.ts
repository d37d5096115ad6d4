// Former home of the PostgreSQL server start, which is now startServer({ database }) in
// serve.ts; these names stay so existing imports keep working.
export { describeDatabase, isPostgresUrl } from './storage/database-url';
export { connectPostgres, DEFAULT_PG_POOL_SIZE } from './storage/postgres/connect';
export type { PostgresServeOptions, RunningPostgresServer } from './serve';
export { RATE_LIMIT_SCOPE, startPostgresServer } from './serve';
