// The server over PostgreSQL: the same API app, demo and static files as `startServer`, with a
// pg Pool per process and the webhook worker claiming deliveries with SKIP LOCKED, so several
// processes can serve one database. Chosen by the CLI when the database is a postgres:// URL.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import pg from 'pg';
import { createApp } from './app';
import { createIdGenerator } from './ids';
import type { RateLimitOptions } from './rate-limit';
import { type DemoConfig, ensureDemo, SAMPLE_ANALYSIS_FILE } from './seed';
import { serveStaticFiles } from './static-files';
import { type PgClient, type PoolClientOptions, poolClient } from './storage/postgres/pg-client';
export { describeDatabase, isPostgresUrl } from './storage/postgres/database-url';
import { openPostgresStorage, type PostgresStorage } from './storage/postgres/pg-storage';
import { PgDeliveryQueue } from './storage/postgres/pg-webhooks';
import { startWebhookWorker, type WebhookWorker } from './webhooks/worker';

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

const API_PATHS = /^\/(v1|apis|health|openapi\.json)(\/|$)/;

/** Starts the reference server on PostgreSQL; migrations are applied first (safe from N processes). */
export async function startPostgresServer(o: PostgresServeOptions): Promise<RunningPostgresServer> {
  const log = o.log ?? ((line: string) => console.log(line));
  const now = o.now ?? Date.now;
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
  let demo: DemoConfig | null = null;
  let demoCreated = false;
  const files = o.demoDir ? serveStaticFiles(o.demoDir) : null;
  const server = createAdaptorServer({
    fetch: async (req, env) => {
      const path = new URL(req.url).pathname;
      if (demo && path === '/demo/config.json' && req.method === 'GET')
        return new Response(JSON.stringify(demo), {
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        });
      if (files && !API_PATHS.test(path)) {
        const file = await files(req);
        if (file) return file;
      }
      return app.fetch(req, env);
    },
  }) as Server;
  try {
    if (o.demo) {
      ({ config: demo, created: demoCreated } = await ensureDemo({
        storage,
        app,
        keyFile: o.demoKeyFile ?? join(tmpdir(), 'chartmark-demo-key-postgres.json'),
        sample: JSON.parse(readFileSync(SAMPLE_ANALYSIS_FILE, 'utf8')) as unknown,
        newId: createIdGenerator(now),
        now,
      }));
    }
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(o.port, o.host ?? '127.0.0.1', () => {
        server.off('error', fail);
        ok();
      });
    });
  } catch (e) {
    await storage.close();
    throw e;
  }
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const worker = startWebhookWorker({
    queue: new PgDeliveryQueue(client),
    now,
    intervalMs: o.webhookIntervalMs ?? 1000,
    logger: log,
    ...(o.webhookFetch ? { fetch: o.webhookFetch } : {}),
  });
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    storage,
    worker,
    demo,
    demoCreated,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeIdleConnections();
        });
        await worker.stop();
        await storage.close();
      })();
      return closing;
    },
  };
}
