// A server on an in-memory database with a movable clock, keys for every auth case and a
// database dump, for the API tests (Hono's app.request, no port).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../../../src/server/app';
import { createApiKey, revokeApiKey } from '../../../src/server/auth/keys';
import type { AppDeps } from '../../../src/server/context';
import { copyOrder } from '../../../src/server/storage/sqlite/copy-source';
import { openSqliteStorage, type SqliteStorage } from '../../../src/server/storage/sqlite/sqlite-storage';
import type { BackendStorage, Storage } from '../../../src/server/storage/storage';
import { addWebhook } from '../../../src/server/webhooks/endpoints';

export const COMMUNITY = '6502c9e514a3e564c5c09c0a';
export const CHANNEL = '6502c9e514a3e564c5c09c0b';
export const OTHER_CHANNEL = '6502c9e514a3e564c5c09c0c';
export const OTHER_COMMUNITY = '6502c9e514a3e564c5c09c0d';
/** 2026-01-08T12:00:00Z. */
export const T0 = Date.UTC(2026, 0, 8, 12);

/** A documented example body from test/fixtures/spec-examples. */
export function example(name: string): Record<string, unknown> {
  const path = new URL(`../../fixtures/spec-examples/${name}`, import.meta.url);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Keys for the auth matrix. */
export interface Keys {
  /** read + write on COMMUNITY, every channel. */
  readonly writer: string;
  readonly reader: string;
  readonly expired: string;
  readonly revoked: string;
  /** read + write on OTHER_COMMUNITY. */
  readonly otherCommunity: string;
  /** read + write on COMMUNITY, OTHER_CHANNEL only. */
  readonly otherChannel: string;
}

/** Request options: key (or raw Authorization), JSON body (or raw text), extra headers. */
export interface Call {
  readonly key?: string | null;
  readonly authorization?: string;
  readonly body?: unknown;
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

export interface Harness {
  readonly storage: SqliteStorage;
  readonly app: Hono;
  readonly keys: Keys;
  readonly logs: string[];
  /** Moves the clock (unix ms). */
  setNow(ms: number): void;
  call(method: string, path: string, call?: Call): Promise<Response>;
  /** Every table's rows in a stable order, serialised. */
  dump(): string;
}

let writerThread = false;

/**
 * Makes this test file's harnesses open a SQLite file whose API writes a writer thread commits,
 * as the server runs it, instead of ':memory:' (see writer-thread-api.test.ts).
 */
export function harnessWithWriterThread(): void {
  writerThread = true;
}

function openHarnessStorage(): SqliteStorage {
  if (!writerThread) return openSqliteStorage(':memory:');
  const dir = mkdtempSync(join(tmpdir(), 'cm-harness-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const storage = openSqliteStorage(join(dir, 'db.sqlite'), { writer: 'thread' });
  if (!storage.writer) throw new Error('harness: no writer thread');
  return storage;
}

/** Opens a harness; `deps` overrides the app dependencies. */
export async function harness(deps: Partial<AppDeps> = {}): Promise<Harness> {
  const storage = openHarnessStorage();
  const rest = await harnessOn(storage, deps, () => dumpDatabase(storage));
  await withEndpoint(storage);
  return { storage, ...rest };
}

/**
 * Gives COMMUNITY an active webhook endpoint (no worker runs), so its writes store their outbox
 * events as the API tests expect: without one, no event is stored at all (spec §5.5).
 */
export async function withEndpoint(storage: BackendStorage): Promise<void> {
  await addWebhook(storage, { communityId: COMMUNITY, url: 'https://hooks.example/harness', now: T0 - 1000 });
}

/** The app, clock, keys and request helper over any storage (the PostgreSQL suites reuse it). */
export async function harnessOn(
  storage: Storage,
  deps: Partial<AppDeps>,
  dump: () => string,
): Promise<Omit<Harness, 'storage'>> {
  let now = T0;
  const logs: string[] = [];
  const app = createApp({ storage, now: () => now, logger: (l) => logs.push(l), ...deps });
  const make = (
    communityId: string,
    o: { channelIds?: string[]; write?: boolean; expiresIn?: number } = {},
  ) =>
    createApiKey(storage, {
      communityId,
      channelIds: o.channelIds,
      permissions: o.write === false ? ['analysis:read'] : ['analysis:read', 'analysis:write'],
      expiresInSeconds: o.expiresIn,
      now: T0 - 1000,
    }).then((k) => k.key);
  const keys: Keys = {
    writer: await make(COMMUNITY),
    reader: await make(COMMUNITY, { write: false }),
    expired: await make(COMMUNITY, { expiresIn: 1 }),
    revoked: await make(COMMUNITY),
    otherCommunity: await make(OTHER_COMMUNITY),
    otherChannel: await make(COMMUNITY, { channelIds: [OTHER_CHANNEL] }),
  };
  await revokeApiKey(storage, keys.revoked, T0 - 500);
  return {
    app,
    keys,
    logs,
    setNow: (ms) => {
      now = ms;
    },
    call: async (method, path, c = {}) => {
      const headers: Record<string, string> = { ...c.headers };
      const key = c.key === undefined ? keys.writer : c.key;
      if (c.authorization !== undefined) headers.authorization = c.authorization;
      else if (key !== null) headers.authorization = `Bearer ${key}`;
      let body: string | undefined;
      if (c.raw !== undefined) body = c.raw;
      else if (c.body !== undefined) body = JSON.stringify(c.body);
      if (body !== undefined && headers['content-type'] === undefined)
        headers['content-type'] = 'application/json';
      return app.request(path, { method, headers, body });
    },
    dump,
  };
}

/** All tables (schema_migrations aside) with all rows ordered by rowid (or key), as JSON text. */
export function dumpDatabase(storage: SqliteStorage): string {
  const tables = storage.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    // The drawing tables are WITHOUT ROWID: their key is their order.
    out[name] = storage.db.prepare(`SELECT * FROM "${name}" ORDER BY ${copyOrder(name)}`).all();
  }
  const seq = storage.db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'").get()
    ? storage.db.prepare('SELECT * FROM sqlite_sequence ORDER BY name').all()
    : [];
  return JSON.stringify({ tables: out, sequences: seq });
}

/** An AnalysisDetail as the API tests read it. */
export type Detail = { id: string; drawings: { id: string; clientObjectId: string }[]; [k: string]: unknown };

/** The `data` of a success envelope, typed as the caller expects (an AnalysisDetail unless told). */
export const data = async <T = Detail>(res: Response): Promise<T> => ((await res.json()) as { data: T }).data;

/** The create example with its idempotency key removed, so it can be posted many times. */
export function createBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { idempotencyKey: _k, ...body } = example('create-analysis.request.json');
  return { ...body, ...overrides };
}

export const channelPath = (community = COMMUNITY, channel = CHANNEL) =>
  `/v1/analysis/${community}/channels/${channel}`;

/** Creates the example analysis and returns its id. */
export async function createExample(h: Harness, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await h.call('POST', channelPath(), { body: createBody(overrides) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: { id: string } }).data.id;
}
