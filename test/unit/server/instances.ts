// Starts server instances as child processes (test/unit/server/instance-child.ts via tsx) on one
// database, and the database itself: a fresh schema of TEST_DATABASE_URL, or else PGlite behind
// its socket server in this process.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { PoolClientOptions } from '../../../src/server/storage/postgres/pg-client';
import { freshSchema, TEST_DATABASE_URL } from './storage-backends';

const CHILD = fileURLToPath(new URL('./instance-child.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

/** A shared database for instances: its URL (schema selected in it) and cleanup. */
export interface SharedDatabase {
  readonly url: string;
  readonly kind: 'postgres' | 'pglite-socket';
  /** Client options every process must use on it. */
  readonly clientOptions: PoolClientOptions;
  dispose(): Promise<void>;
}

/** The real server's fresh schema when TEST_DATABASE_URL is set, else PGlite over a socket. */
export async function sharedDatabase(): Promise<SharedDatabase> {
  if (TEST_DATABASE_URL) {
    const s = await freshSchema(TEST_DATABASE_URL);
    const sep = TEST_DATABASE_URL.includes('?') ? '&' : '?';
    return {
      url: `${TEST_DATABASE_URL}${sep}options=${encodeURIComponent(`-c search_path=${s.schema}`)}`,
      kind: 'postgres',
      clientOptions: {},
      dispose: () => s.drop(),
    };
  }
  const db = await PGlite.create();
  // The socket server runs one transaction at a time across its connections.
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 64 });
  await server.start();
  const port = (server as unknown as { port: number }).port;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    kind: 'pglite-socket',
    clientOptions: { transactionPerSession: true },
    async dispose() {
      await server.stop();
      await db.close();
    },
  };
}

/** A running child instance. */
export interface Instance {
  readonly url: string;
  readonly name: string;
  /** Process id of the child (tsx, whose own child runs the server). */
  readonly pid: number;
  /** What it wrote to stderr so far. */
  readonly stderr: string[];
  stop(): Promise<void>;
}

/** Starts one instance and waits for its URL. */
export function startInstance(
  db: SharedDatabase,
  name: string,
  env: Record<string, string> = {},
): Promise<Instance> {
  const flags = db.clientOptions.transactionPerSession ? { PGLITE_SOCKET: '1' } : {};
  const child: ChildProcess = spawn(TSX, [CHILD], {
    env: { ...process.env, DATABASE_URL: db.url, INSTANCE: name, ...flags, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (b: Buffer) => stderr.push(b.toString()));
  return new Promise((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`instance ${name}: no URL within 20 s: ${stderr.join('')}`)),
      20_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`instance ${name} exited with ${code}: ${stderr.join('')}`));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      const { url } = JSON.parse(line) as { url: string };
      ok({
        url,
        name,
        pid: child.pid!,
        stderr,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
