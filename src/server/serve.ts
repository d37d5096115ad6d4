// The running server, on either backend: the API app, the built demo as static files, the demo
// config in demo mode, and the webhook worker, on one port. The database setting picks the
// backend (openStorage); everything else is the same code. Shutdown stops accepting, finishes
// the webhook pass in flight, then closes the database.
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createApp } from './app';
import { type Listening, listen } from './listen';
import type { RateLimitOptions } from './rate-limit';
import { parseDatabase } from './storage/database-url';
import { openStorage } from './storage/open';
import type { PostgresStorage } from './storage/postgres/pg-storage';
import type { SqliteStorage } from './storage/sqlite/sqlite-storage';
import type { BackendStorage } from './storage/storage';
import type { DeliveryQueue } from './webhooks/queue';
import { startWebhookWorker } from './webhooks/worker';
import { webhookEnvOptions } from './webhooks/worker-env';

/**
 * Rate limits stay in each process's memory (DEFAULT_WRITE_RATE_LIMIT per key per process): a
 * shared counter would cost a database write on every request, and the limit only guards one
 * process against a runaway client. With N instances behind a balancer a key may write up to
 * N times the limit; put the limit in the balancer when that matters.
 */
export const RATE_LIMIT_SCOPE = 'per-process' as const;

/** Options of {@link startServer}. */
export interface ServeOptions {
  /** Port; 0 picks a free one. */
  readonly port: number;
  /** Interface to bind; default 127.0.0.1. */
  readonly host?: string;
  /**
   * The database: `postgres://…` (several instances may share it), `sqlite:PATH`, or a plain
   * SQLite path or ':memory:'. One of database, dbPath, databaseUrl is required.
   */
  readonly database?: string;
  /** @deprecated Use `database` (the same value). */
  readonly dbPath?: string;
  /** @deprecated Use `database` (the same value). */
  readonly databaseUrl?: string;
  /** PostgreSQL: connections in this process's pool (default DEFAULT_PG_POOL_SIZE). */
  readonly poolSize?: number;
  /** PostgreSQL: every session in a transaction; only for a PGlite socket server (tests). */
  readonly transactionPerSession?: boolean;
  /** Built demo to serve at `/`; omitted or missing = API only. */
  readonly demoDir?: string;
  /** Demo mode: seed the demo key and sample, serve `/demo/config.json`. */
  readonly demo?: boolean;
  /** Where demo mode keeps its key (default: demoKeyFile(database)). */
  readonly demoKeyFile?: string;
  /** Webhook poll period in ms (default 1000). */
  readonly webhookIntervalMs?: number;
  /** Give-up age of webhook deliveries in ms (default: env CHARTMARK_WEBHOOK_MAX_AGE_HOURS, else 24 h). */
  readonly webhookMaxAgeMs?: number;
  /** Let webhooks reach private addresses (default: env CHARTMARK_WEBHOOK_ALLOW_PRIVATE=1, else no). */
  readonly webhookAllowPrivateAddresses?: boolean;
  /** Per-request timeout of webhook deliveries in ms (default 10 000). */
  readonly webhookTimeoutMs?: number;
  /** HTTP client of the webhook worker (default: its own, pinned to the checked address). */
  readonly webhookFetch?: typeof fetch;
  /** Per-key write limit, per process (see RATE_LIMIT_SCOPE); `false` turns it off (benchmarks). */
  readonly rateLimit?: RateLimitOptions | false;
  /** Clock in unix ms. */
  readonly now?: () => number;
  /** Receives operational log lines. */
  readonly log?: (line: string) => void;
}

/** A started server: a listening one (URL, worker, demo, close) with the storage it opened. */
export interface RunningServer<S extends BackendStorage = BackendStorage> extends Listening<DeliveryQueue> {
  readonly storage: S;
}

/**
 * Where demo mode keeps its key: next to a SQLite file; a file in the temp directory for
 * ':memory:' (per process) and for PostgreSQL.
 */
export function demoKeyFile(database: string): string {
  const target = parseDatabase(database);
  if (target.kind === 'postgres') return join(tmpdir(), 'chartmark-demo-key-postgres.json');
  return target.path === ':memory:'
    ? join(tmpdir(), `chartmark-demo-key-${process.pid}.json`)
    : join(dirname(resolve(target.path)), 'demo-key.json');
}

/**
 * The SQLite durability CHARTMARK_DURABILITY names (SqliteOptions.durability): `full` syncs every
 * commit, `normal` (the default, also when empty) survives a process crash; either in any case.
 * Any other value is refused rather than read as `normal`: a misspelt `full` must not quietly
 * weaken durability.
 */
export function durabilityOf(env: Readonly<Record<string, string | undefined>>): 'full' | 'normal' {
  const named = env.CHARTMARK_DURABILITY;
  if (named === undefined || named === '') return 'normal';
  // SQLite spells its own setting FULL / NORMAL.
  const value = named.toLowerCase();
  if (value === 'full' || value === 'normal') return value;
  throw new Error(`CHARTMARK_DURABILITY: expected full or normal, got "${named}"`);
}

/**
 * Who commits the API's SQLite writes (SqliteOptions.writer): CHARTMARK_SQLITE_WRITER names it;
 * by default a writer thread when every commit syncs (CHARTMARK_DURABILITY=full), so the fsync
 * never holds up the event loop, else the request connection — on two cores the thread's hand-off
 * costs about what it takes off the event loop (BENCHMARKS.md).
 */
export function sqliteWriterOf(env: Readonly<Record<string, string | undefined>>): 'thread' | 'connection' {
  const named = env.CHARTMARK_SQLITE_WRITER;
  if (named === 'thread' || named === 'connection') return named;
  if (named !== undefined && named !== '')
    throw new Error(`CHARTMARK_SQLITE_WRITER: expected thread or connection, got "${named}"`);
  return durabilityOf(env) === 'full' ? 'thread' : 'connection';
}

/** Starts the reference server on the database the options name; migrations are applied first. */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const database = o.database ?? o.databaseUrl ?? o.dbPath;
  if (database === undefined) throw new Error('startServer: database is required');
  const log = o.log ?? ((line: string) => console.log(line));
  const now = o.now ?? Date.now;
  const webhookEnv = webhookEnvOptions(process.env);
  const storage = await openStorage(database, {
    // CHARTMARK_DURABILITY=full trades write throughput for surviving power loss (see SqliteOptions).
    durability: durabilityOf(process.env),
    sqliteWriter: sqliteWriterOf(process.env),
    onWriterError: (e) => log(`sqlite: the writer thread failed, the connection commits: ${e.message}`),
    ...(o.poolSize === undefined ? {} : { poolSize: o.poolSize }),
    ...(o.transactionPerSession ? { transactionPerSession: true } : {}),
    onIdleError: (e) => log(`postgres: idle connection failed: ${e.message}`),
  });
  const app = createApp({
    storage,
    now,
    logger: log,
    ...(o.rateLimit === undefined ? {} : { rateLimit: o.rateLimit }),
  });
  const running = await listen({
    app,
    storage,
    port: o.port,
    ...(o.host === undefined ? {} : { host: o.host }),
    ...(o.demoDir === undefined ? {} : { demoDir: o.demoDir }),
    ...(o.demo ? { demoKeyFile: o.demoKeyFile ?? demoKeyFile(database) } : {}),
    startWorker: () =>
      startWebhookWorker({
        storage,
        now,
        intervalMs: o.webhookIntervalMs ?? 1000,
        logger: log,
        ...(o.webhookFetch ? { fetch: o.webhookFetch } : {}),
        ...webhookEnv,
        ...(o.webhookTimeoutMs === undefined ? {} : { timeoutMs: o.webhookTimeoutMs }),
        ...(o.webhookMaxAgeMs === undefined ? {} : { maxAgeMs: o.webhookMaxAgeMs }),
        ...(o.webhookAllowPrivateAddresses === undefined
          ? {}
          : { allowPrivateAddresses: o.webhookAllowPrivateAddresses }),
      }),
    now,
  });
  const { url, port, worker, demo, demoCreated, close } = running;
  return { url, port, storage, worker, demo, demoCreated, close };
}

/** @deprecated Options of the former PostgreSQL start: ServeOptions with `databaseUrl` required. */
export type PostgresServeOptions = Omit<ServeOptions, 'database' | 'dbPath'> & {
  readonly databaseUrl: string;
};

/** @deprecated A server started on PostgreSQL. */
export type RunningPostgresServer = RunningServer<PostgresStorage>;

/** @deprecated A server started on SQLite. */
export type RunningSqliteServer = RunningServer<SqliteStorage>;

/** @deprecated Use startServer({ database: url }); the same server. */
export async function startPostgresServer(o: PostgresServeOptions): Promise<RunningPostgresServer> {
  return (await startServer({ ...o, database: o.databaseUrl })) as RunningPostgresServer;
}
