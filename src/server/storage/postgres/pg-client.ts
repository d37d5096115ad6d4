// The few things the PostgreSQL adapter needs from a driver, so the same adapter runs on a
// `pg.Pool` (production, several connections) and on an in-process PGlite (tests, one
// connection). Only `pg`'s types are imported here; PGlite is described structurally.
import type { Pool } from 'pg';
import type { SqlClient, SqlResult, SqlSession } from '../sql';
import { oneAtATime } from '../one-at-a-time';

/** The result of one statement (the SQL port's). */
export type PgResult = SqlResult;

/** One connection, held for a transaction (the SQL port's session). */
export type PgSession = SqlSession;

/** A source of sessions on PostgreSQL (the SQL port's client). */
export type PgClient = SqlClient;

/** The part of a PGlite instance the adapter uses (structural, so src does not depend on PGlite). */
export interface PGliteLike {
  /** One statement with `$n` parameters. */
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number; rowCount?: number }>;
  /** Several statements without parameters. */
  exec(sql: string): Promise<unknown>;
}

/** Options of {@link poolClient}. */
export interface PoolClientOptions {
  /** `end` ends the pool (default true). */
  readonly ownsPool?: boolean;
  /**
   * Runs every session inside BEGIN … COMMIT. Needed only for a PGlite socket server, whose
   * multiplexer keeps one connection's protocol messages together only inside a transaction.
   */
  readonly transactionPerSession?: boolean;
  /** Receives errors of idle pooled connections (e.g. the server restarted); default: ignored. */
  readonly onIdleError?: (error: Error) => void;
}

/** A client over a pg Pool. */
export function poolClient(pool: Pool, options: PoolClientOptions = {}): PgClient {
  const wrap = options.transactionPerSession === true;
  // Without a listener, an idle connection's error (a database restart) would crash the process;
  // the pool drops that connection and the next request opens a new one.
  pool.on('error', (e) => options.onIdleError?.(e));
  return {
    dialect: 'postgres',
    async withSession(fn) {
      const c = await pool.connect();
      // A statement that failed without an SQLSTATE (socket reset, protocol error), or with a
      // connection-level one (class 08, or 57P01-57P03: the server shut the session down), leaves
      // the connection unusable: it is destroyed instead of going back to the pool.
      let broken: Error | undefined;
      const run = async (sql: string, params?: readonly unknown[]) => {
        try {
          return await c.query(sql, params as unknown[] | undefined);
        } catch (e) {
          const code = (e as { code?: unknown }).code;
          if (typeof code !== 'string' || !SQLSTATE.test(code) || CONNECTION_LOST.test(code))
            broken = e as Error;
          throw e;
        }
      };
      const session: PgSession = {
        async query(sql, params) {
          const r = await run(sql, params);
          return { rows: r.rows as Record<string, unknown>[], changed: r.rowCount ?? 0 };
        },
        async exec(sql) {
          await run(sql);
        },
        inTransaction: wrap,
      };
      try {
        if (!wrap) return await fn(session);
        await run('BEGIN');
        try {
          const result = await fn(session);
          await run('COMMIT');
          return result;
        } catch (e) {
          await run('ROLLBACK').catch(() => undefined);
          throw e;
        }
      } finally {
        c.release(broken);
      }
    },
    end: async () => {
      if (options.ownsPool !== false) await pool.end();
    },
  };
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const CONNECTION_LOST = /^(08...|57P0[123])$/;

/**
 * A client over one PGlite instance. PGlite has a single connection, so sessions queue behind
 * one another: a transaction never interleaves with another caller's statements.
 */
export function pgliteClient(db: PGliteLike): PgClient {
  const session: PgSession = {
    async query(sql, params) {
      const r = await db.query<Record<string, unknown>>(sql, params ? [...params] : undefined);
      return { rows: r.rows, changed: r.affectedRows ?? 0 };
    },
    async exec(sql) {
      await db.exec(sql);
    },
  };
  const queue = oneAtATime();
  return {
    dialect: 'postgres',
    withSession: <R>(fn: (s: PgSession) => Promise<R>): Promise<R> => queue.run(() => fn(session)),
    end: () => queue.idle(),
  };
}
