// Opens the storage a database setting names (see parseDatabase): the one entry point the
// server and the CLI use. Each backend is loaded on demand, so a SQLite server never loads `pg`
// and a PostgreSQL one never loads better-sqlite3 (both are optional peers).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDatabase } from './database-url';
import type { BackendStorage } from './storage';

/** Options of {@link openStorage}; each applies to one backend and is ignored by the other. */
export interface OpenStorageOptions {
  /** SQLite: 'normal' (default) or 'full' fsync per commit (see SqliteOptions). */
  readonly durability?: 'normal' | 'full';
  /** SQLite: who commits the API's writes, a worker thread or the connection (see SqliteOptions.writer). */
  readonly sqliteWriter?: 'thread' | 'connection';
  /** SQLite: called once if the writer thread fails (the connection commits again). */
  readonly onWriterError?: (error: Error) => void;
  /** PostgreSQL: connections in this process's pool (default DEFAULT_PG_POOL_SIZE). */
  readonly poolSize?: number;
  /** PostgreSQL: every session in a transaction (only for a PGlite socket server, in tests). */
  readonly transactionPerSession?: boolean;
  /** PostgreSQL: receives errors of idle pooled connections. */
  readonly onIdleError?: (error: Error) => void;
}

/**
 * Opens (creating and migrating as needed) the database named by `database`: a SQLite file's
 * folder is created; a PostgreSQL pool is ended again when the migrations fail.
 */
export async function openStorage(
  database: string,
  options: OpenStorageOptions = {},
): Promise<BackendStorage> {
  const target = parseDatabase(database);
  if (target.kind === 'sqlite') {
    const { openSqliteStorage } = await import('./sqlite/sqlite-storage');
    if (target.path !== ':memory:') mkdirSync(dirname(resolve(target.path)), { recursive: true });
    return openSqliteStorage(target.path, {
      ...(options.durability ? { durability: options.durability } : {}),
      ...(options.sqliteWriter ? { writer: options.sqliteWriter } : {}),
      ...(options.onWriterError ? { onWriterError: options.onWriterError } : {}),
    });
  }
  const [{ connectPostgres, DEFAULT_PG_POOL_SIZE }, { openPostgresStorage }] = await Promise.all([
    import('./postgres/connect'),
    import('./postgres/pg-storage'),
  ]);
  const client = connectPostgres(target.url, options.poolSize ?? DEFAULT_PG_POOL_SIZE, {
    ...(options.transactionPerSession ? { transactionPerSession: true } : {}),
    ...(options.onIdleError ? { onIdleError: options.onIdleError } : {}),
  });
  try {
    return await openPostgresStorage(client);
  } catch (e) {
    await client.end();
    throw e;
  }
}
