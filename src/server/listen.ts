// What every reference server does once its storage and app exist, whichever database is under
// them: seed demo mode, serve the demo config and the built demo beside the API on one port,
// run the webhook worker, and shut all of it down in order.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { createIdGenerator } from './ids';
import {
  DEMO_TOKEN_PATH,
  type DemoConfig,
  demoToken,
  ensureDemo,
  publicDemoConfig,
  SAMPLE_ANALYSIS_FILE,
} from './seed';
import { serveStaticFiles } from './static-files';
import type { Storage } from './storage/storage';
import type { WebhookQueue, WebhookWorker } from './webhooks/worker';

// Paths the API owns; static files never shadow them.
const API_PATHS = /^\/(v1|apis|health|openapi\.json)(\/|$)/;

/** What {@link listen} needs: the opened storage, its app, and how to start its webhook worker. */
export interface ListenOptions<Q extends WebhookQueue> {
  readonly app: Hono;
  readonly storage: Storage;
  readonly port: number;
  readonly host?: string;
  /** Built demo to serve at `/`; omitted or missing = API only. */
  readonly demoDir?: string;
  /** Demo mode: where the demo key is kept; omitted = no demo mode. */
  readonly demoKeyFile?: string;
  readonly startWorker: () => WebhookWorker<Q>;
  readonly now: () => number;
}

/** A listening server; `close` stops accepting, finishes the webhook pass, closes the storage. */
export interface Listening<Q extends WebhookQueue> {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  readonly worker: WebhookWorker<Q>;
  /** The demo configuration in demo mode, else null. */
  readonly demo: DemoConfig | null;
  /** True when this start created the demo key or sample. */
  readonly demoCreated: boolean;
  /** Stops the server, the webhook worker and the database; safe to call twice. */
  close(): Promise<void>;
}

/** Seeds demo mode if asked, listens, starts the worker; closes the storage when any step fails. */
export async function listen<Q extends WebhookQueue>(o: ListenOptions<Q>): Promise<Listening<Q>> {
  let demo: DemoConfig | null = null;
  let demoCreated = false;
  const server = createAdaptorServer({ fetch: handler(o, () => demo) }) as Server;
  try {
    if (o.demoKeyFile) {
      ({ config: demo, created: demoCreated } = await ensureDemo({
        storage: o.storage,
        app: o.app,
        keyFile: o.demoKeyFile,
        sample: JSON.parse(readFileSync(SAMPLE_ANALYSIS_FILE, 'utf8')) as unknown,
        newId: createIdGenerator(o.now),
        now: o.now,
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
    await o.storage.close();
    throw e;
  }
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const worker = o.startWorker();
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    worker,
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
        await o.storage.close();
      })();
      return closing;
    },
  };
}

function handler<Q extends WebhookQueue>(o: ListenOptions<Q>, demo: () => DemoConfig | null) {
  const files = o.demoDir ? serveStaticFiles(o.demoDir) : null;
  return async (req: Request, env: unknown): Promise<Response> => {
    const path = new URL(req.url).pathname;
    const config = demo();
    if (config && path === '/demo/config.json' && (req.method === 'GET' || req.method === 'HEAD'))
      return new Response(req.method === 'HEAD' ? null : JSON.stringify(publicDemoConfig(config)), {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    if (config && path === DEMO_TOKEN_PATH && req.method === 'POST') return demoToken(o.app, config);
    if (files && !API_PATHS.test(path)) {
      const file = await files(req);
      if (file) return file;
    }
    return o.app.fetch(req, env);
  };
}
