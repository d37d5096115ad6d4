// The running server: the API app, the built demo as static files, the demo config in demo
// mode, and the webhook worker, on one port. Shutdown stops accepting, finishes the webhook
// pass in flight, then closes the database.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createApp } from './app';
import { listen } from './listen';
import type { RateLimitOptions } from './rate-limit';
import type { DemoConfig } from './seed';
import { openSqliteStorage, type SqliteStorage } from './storage/sqlite/sqlite-storage';
import { startWebhookWorker } from './webhooks/worker';
import { webhookEnvOptions } from './webhooks/worker-env';

/** Options of {@link startServer}. */
export interface ServeOptions {
  /** Port; 0 picks a free one. */
  readonly port: number;
  /** Interface to bind; default 127.0.0.1. */
  readonly host?: string;
  /** SQLite file or ':memory:'. */
  readonly dbPath: string;
  /** Built demo to serve at `/`; omitted or missing = API only. */
  readonly demoDir?: string;
  /** Demo mode: seed the demo key and sample, serve `/demo/config.json`. */
  readonly demo?: boolean;
  /** Webhook poll period in ms (default 1000). */
  readonly webhookIntervalMs?: number;
  /** Give-up age of webhook deliveries in ms (default: env CHARTMARK_WEBHOOK_MAX_AGE_HOURS, else 24 h). */
  readonly webhookMaxAgeMs?: number;
  /** Let webhooks reach private addresses (default: env CHARTMARK_WEBHOOK_ALLOW_PRIVATE=1, else no). */
  readonly webhookAllowPrivateAddresses?: boolean;
  /** Per-key write limit passed to the API; `false` turns it off (benchmarks). */
  readonly rateLimit?: RateLimitOptions | false;
  /** Clock in unix ms. */
  readonly now?: () => number;
  /** Receives operational log lines. */
  readonly log?: (line: string) => void;
}

/** A started server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  readonly storage: SqliteStorage;
  /** The demo configuration in demo mode, else null. */
  readonly demo: DemoConfig | null;
  /** True when this start created the demo key or sample. */
  readonly demoCreated: boolean;
  /** Stops the server, the webhook worker and the database; safe to call twice. */
  close(): Promise<void>;
}

/** Where demo mode keeps its key: next to the database (a throw-away file for ':memory:'). */
export function demoKeyFile(dbPath: string): string {
  return dbPath === ':memory:'
    ? join(tmpdir(), `chartmark-demo-key-${process.pid}.json`)
    : join(dirname(resolve(dbPath)), 'demo-key.json');
}

/** Starts the reference server. */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const log = o.log ?? ((line: string) => console.log(line));
  const now = o.now ?? Date.now;
  if (o.dbPath !== ':memory:') mkdirSync(dirname(resolve(o.dbPath)), { recursive: true });
  // CHARTMARK_DURABILITY=full trades write throughput for surviving power loss (see SqliteOptions).
  const durability = process.env.CHARTMARK_DURABILITY === 'full' ? 'full' : 'normal';
  const webhookEnv = webhookEnvOptions(process.env);
  const storage = openSqliteStorage(o.dbPath, { durability });
  const app = createApp({
    storage,
    now,
    logger: (line: string) => log(line),
    ...(o.rateLimit === undefined ? {} : { rateLimit: o.rateLimit }),
  });
  const running = await listen({
    app,
    storage,
    port: o.port,
    ...(o.host === undefined ? {} : { host: o.host }),
    ...(o.demoDir === undefined ? {} : { demoDir: o.demoDir }),
    ...(o.demo ? { demoKeyFile: demoKeyFile(o.dbPath) } : {}),
    startWorker: () =>
      startWebhookWorker({
        storage,
        now,
        intervalMs: o.webhookIntervalMs ?? 1000,
        logger: log,
        ...webhookEnv,
        ...(o.webhookMaxAgeMs === undefined ? {} : { maxAgeMs: o.webhookMaxAgeMs }),
        ...(o.webhookAllowPrivateAddresses === undefined
          ? {}
          : { allowPrivateAddresses: o.webhookAllowPrivateAddresses }),
      }),
    now,
  });
  const { url, port, demo, demoCreated, close } = running;
  return { url, port, storage, demo, demoCreated, close };
}
