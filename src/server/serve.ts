// The running server: the API app, the built demo as static files, the demo config in demo
// mode, and the webhook worker, on one port. Shutdown stops accepting, finishes the webhook
// pass in flight, then closes the database.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { createIdGenerator } from './ids';
import type { RateLimitOptions } from './rate-limit';
import { type DemoConfig, ensureDemo, SAMPLE_ANALYSIS_FILE } from './seed';
import { serveStaticFiles } from './static-files';
import { openSqliteStorage, type SqliteStorage } from './storage/sqlite/sqlite-storage';
import { startWebhookWorker } from './webhooks/worker';

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

// Paths the API owns; static files never shadow them.
const API_PATHS = /^\/(v1|apis|health|openapi\.json)(\/|$)/;

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
  const storage = openSqliteStorage(o.dbPath, { durability });
  const app = createApp({
    storage,
    now,
    logger: (line: string) => log(line),
    ...(o.rateLimit === undefined ? {} : { rateLimit: o.rateLimit }),
  });

  let demo: DemoConfig | null = null;
  let demoCreated = false;
  if (o.demo) {
    try {
      ({ config: demo, created: demoCreated } = await ensureDemo({
        storage,
        app,
        keyFile: demoKeyFile(o.dbPath),
        sample: JSON.parse(readFileSync(SAMPLE_ANALYSIS_FILE, 'utf8')) as unknown,
        newId: createIdGenerator(now),
        now,
      }));
    } catch (e) {
      await storage.close();
      throw e;
    }
  }
  const demoBody = demo ? JSON.stringify(demo) : null;
  const files = o.demoDir ? serveStaticFiles(o.demoDir) : null;

  const server = createAdaptorServer({
    fetch: async (req, env) => {
      const path = new URL(req.url).pathname;
      if (demoBody && path === '/demo/config.json' && (req.method === 'GET' || req.method === 'HEAD'))
        return new Response(req.method === 'HEAD' ? null : demoBody, {
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
    storage,
    now,
    intervalMs: o.webhookIntervalMs ?? 1000,
    logger: log,
  });

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    storage,
    demo,
    demoCreated,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          // Keep-alive sockets would hold close() open until they time out.
          server.closeIdleConnections();
        });
        await worker.stop();
        await storage.close();
      })();
      return closing;
    },
  };
}
