// A pg Pool for a postgres:// URL: the only place that constructs one.
import pg from 'pg';
import { type PgClient, type PoolClientOptions, poolClient } from './pg-client';

/** Connections per process unless the options say otherwise. */
export const DEFAULT_PG_POOL_SIZE = 10;

/** A pg-backed client for a URL; `max` connections. */
export function connectPostgres(
  url: string,
  max: number = DEFAULT_PG_POOL_SIZE,
  options: PoolClientOptions = {},
): PgClient {
  return poolClient(new pg.Pool({ connectionString: url, max }), options);
}
