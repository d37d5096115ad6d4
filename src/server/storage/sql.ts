// The one SQL port every backend implements: a session runs `$n`-parameter statements on one
// connection, a client hands out sessions. The webhook tables, endpoints, pruning and the shared
// row mapping are written once against it; only `storage/sqlite/` and `storage/postgres/` talk
// to a driver.

/** Which SQL a backend speaks, for the few statements that differ (row locks, BEGIN). */
export type SqlDialect = 'sqlite' | 'postgres';

/** The result of one statement: rows, and how many rows a DML statement touched. */
export interface SqlResult {
  readonly rows: Record<string, unknown>[];
  readonly changed: number;
}

/** One connection, held for a transaction: statements run one after another on it. */
export interface SqlSession {
  /** One statement with `$n` parameters. */
  query(sql: string, params?: readonly unknown[]): Promise<SqlResult>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** True when the client already wrapped this session in a transaction (a PGlite socket server). */
  readonly inTransaction?: boolean;
}

/** A source of sessions. */
export interface SqlClient {
  /** The dialect; absent means PostgreSQL (clients made before SQLite spoke this port). */
  readonly dialect?: SqlDialect;
  /** Runs fn on one connection that nobody else uses until fn settles. */
  withSession<R>(fn: (session: SqlSession) => Promise<R>): Promise<R>;
  /** Closes the connections this client opened. */
  end(): Promise<void>;
}

/** The dialect of a client (PostgreSQL unless it says otherwise). */
export const dialectOf = (client: SqlClient): SqlDialect => client.dialect ?? 'postgres';

/**
 * `sql` with `suffix` appended on PostgreSQL only: row locks (`FOR UPDATE SKIP LOCKED`) that
 * SQLite neither has nor needs, its writers being serialised by the database file's lock.
 */
export const onPostgres = (client: SqlClient, sql: string, suffix: string): string =>
  dialectOf(client) === 'postgres' ? `${sql} ${suffix}` : sql;

/** BEGIN … COMMIT around fn; ROLLBACK (and rethrow) when it throws. */
export async function inTransaction<R>(
  s: SqlSession,
  fn: () => Promise<R>,
  begin: 'BEGIN' | 'BEGIN IMMEDIATE' = 'BEGIN',
): Promise<R> {
  if (s.inTransaction) return fn();
  await s.exec(begin);
  try {
    const result = await fn();
    await s.exec('COMMIT');
    return result;
  } catch (e) {
    await s.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** A transaction on a client of either dialect (SQLite takes its write lock at BEGIN). */
export function transaction<R>(client: SqlClient, fn: (s: SqlSession) => Promise<R>): Promise<R> {
  const begin = dialectOf(client) === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN';
  return client.withSession((s) => inTransaction(s, () => fn(s), begin));
}
