// The server over PostgreSQL: the same API app, demo and static files as `startServer`, with a
// pg Pool per process and the webhook worker claiming deliveries with SKIP LOCKED, so several
// processes can serve one database. Chosen by the CLI when the database is a postgres:// URL.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from './app';
import { listen } from './listen';
import type { RateLimitOptions } from './rate-limit';
import type { DemoConfig } from './seed';
import { type PgClient, type PoolClientOptions, poolClient } from './storage/postgres/pg-client';
export { describeDatabase, isPostgresUrl } from './storage/postgres/database-url';
import { openPostgresStorage, type PostgresStorage } from './storage/postgres/pg-storage';
import { PgDeliveryQueue } from './storage/postgres/pg-webhooks';
import { startWebhookWorker, type WebhookWorker } from './webhooks/worker';
import { webhookEnvOptions } from './webhooks/worker-env';

/**
 * Rate limits stay in each process's memory (DEFAULT_WRITE_RATE_LIMIT per key per process): a
 * shared counter would cost a database write on every request, and the limit only guards one
 * process against a runaway client. With N instances behind a balancer a key may write up to
 * N times the limit; put the limit in the balancer when that matters.
 */
export const RATE_LIMIT_SCOPE = 'per-process' as const;

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

/** Options of {@link startPostgresServer}. */
export interface PostgresServeOptions {
  /** Port; 0 picks a free one. */
  readonly port: number;
  /** Interface to bind; default 127.0.0.1. */
  readonly host?: string;
  /** postgres://user:password@host:port/database */
  readonly databaseUrl: string;
  /** Connections in this process's pool (default DEFAULT_PG_POOL_SIZE). */
  readonly poolSize?: number;
  /** Every session in a transaction: only for a PGlite socket server (tests). */
  readonly transactionPerSession?: boolean;
  /** Built demo to serve at `/`; omitted = API only. */
  readonly demoDir?: string;
  /** Demo mode: seed the demo key and sample, serve `/demo/config.json`. */
  readonly demo?: boolean;
  /** Where demo mode keeps its key (default: a file in the temp directory). */
  readonly demoKeyFile?: string;
  /** Webhook poll period in ms (default 1000). */
  readonly webhookIntervalMs?: number;
  /** Give-up age of webhook deliveries in ms (default: env CHARTMARK_WEBHOOK_MAX_AGE_HOURS, else 24 h). */
  readonly webhookMaxAgeMs?: number;
  /** Let webhooks reach private addresses (default: env CHARTMARK_WEBHOOK_ALLOW_PRIVATE=1, else no). */
  readonly webhookAllowPrivateAddresses?: boolean;
  /** Per-key write limit, per process (see RATE_LIMIT_SCOPE); `false` turns it off. */
  readonly rateLimit?: RateLimitOptions | false;
  /** HTTP client of the webhook worker (default: the global fetch). */
  readonly webhookFetch?: typeof fetch;
  /** Clock in unix ms. */
  readonly now?: () => number;
  /** Receives operational log lines. */
  readonly log?: (line: string) => void;
}

/** A started PostgreSQL-backed server. */
export interface RunningPostgresServer {
  readonly url: string;
  readonly port: number;
  readonly storage: PostgresStorage;
  readonly worker: WebhookWorker<PgDeliveryQueue>;
  readonly demo: DemoConfig | null;
  readonly demoCreated: boolean;
  /** Stops accepting, finishes the webhook pass in flight, ends the pool; safe to call twice. */
  close(): Promise<void>;
}

/** Starts the reference server on PostgreSQL; migrations are applied first (safe from N processes). */
export async function startPostgresServer(o: PostgresServeOptions): Promise<RunningPostgresServer> {
  const log = o.log ?? ((line: string) => console.log(line));
  const now = o.now ?? Date.now;
  const webhookEnv = webhookEnvOptions(process.env);
  const client = connectPostgres(o.databaseUrl, o.poolSize ?? DEFAULT_PG_POOL_SIZE, {
    transactionPerSession: o.transactionPerSession === true,
    onIdleError: (e) => log(`postgres: idle connection failed: ${e.message}`),
  });
  let storage: PostgresStorage;
  try {
    storage = await openPostgresStorage(client);
  } catch (e) {
    await client.end();
    throw e;
  }
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
    ...(o.demo ? { demoKeyFile: o.demoKeyFile ?? join(tmpdir(), 'chartmark-demo-key-postgres.json') } : {}),
    startWorker: () =>
      startWebhookWorker({
        queue: new PgDeliveryQueue(client),
        now,
        intervalMs: o.webhookIntervalMs ?? 1000,
        logger: log,
        ...(o.webhookFetch ? { fetch: o.webhookFetch } : {}),
        ...webhookEnv,
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
