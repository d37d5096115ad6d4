// The real reference server in process (`createApp` over an in-memory database, reached through
// `app.request`), a virtual clock for the engine's timers, and a drain loop that runs the engine
// until nothing is pending — no real sleeping.
import type { Hono } from 'hono';
import type { AnalysisMetadata } from '../../../src/core/analysis';
import { createEditor } from '../../../src/editor/editor';
import type { Editor } from '../../../src/editor/editor-api';
import { DEFAULT_METADATA } from '../../../src/editor/state';
import { createApp } from '../../../src/server/app';
import { createApiKey } from '../../../src/server/auth/keys';
import { openSqliteStorage, type SqliteStorage } from '../../../src/server/storage/sqlite/sqlite-storage';
import type { ApiClient } from '../../../src/sync/api-client';
import type { SyncEngine, Timers } from '../../../src/sync/engine-api';
import type { OutboxStore } from '../../../src/sync/outbox';
import { createSyncEngine } from '../../../src/sync/sync-engine';

export const COMMUNITY = '6502c9e514a3e564c5c09c0a';
export const CHANNEL = '6502c9e514a3e564c5c09c0b';
export const BASE_URL = 'http://chartmark.test';
export const SENDER = 'trader@example.com';
/** 2026-01-08T12:00:00Z in ms. */
export const T0_MS = Date.UTC(2026, 0, 8, 12);

/** Metadata that passes the server's validation. */
export const METADATA: AnalysisMetadata = { ...DEFAULT_METADATA, title: 'EUR/USD idea', symbol: 'EUR/USD' };

/** A new editor over an empty analysis with valid metadata. */
export const newEditor = (): Editor => createEditor({ drawings: [], metadata: METADATA });

/** Fetch signature the client takes. */
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** A server with one writer key and a clock shared with the virtual timers. */
export interface TestServer {
  readonly storage: SqliteStorage;
  readonly app: Hono;
  readonly apiKey: string;
  /** Straight to `app.request`. */
  readonly fetch: FetchFn;
}

/** Opens the reference server on `:memory:`; `now` drives expiry and the rate limiter. */
export async function testServer(now: () => number, rateLimit = false): Promise<TestServer> {
  const storage = openSqliteStorage(':memory:');
  const app = createApp({
    storage,
    now,
    logger: () => {},
    ...(rateLimit ? {} : { rateLimit: false as const }),
  });
  const { key } = await createApiKey(storage, {
    communityId: COMMUNITY,
    permissions: ['analysis:read', 'analysis:write'],
    now: T0_MS - 1000,
  });
  return { storage, app, apiKey: key, fetch: async (input, init) => app.request(input, init) };
}

/** Timers on a virtual clock: nothing runs until the test advances it. */
export class VirtualClock implements Timers {
  now = T0_MS;
  private seq = 0;
  private readonly queue = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.queue.set(id, { at: this.now + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.queue.delete(handle as number);
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Moves to the earliest timer and runs it; false when none is set. */
  runNext(): boolean {
    let best: [number, { at: number; fn: () => void }] | undefined;
    for (const entry of this.queue) if (!best || entry[1].at < best[1].at) best = entry;
    if (!best) return false;
    this.queue.delete(best[0]);
    this.now = Math.max(this.now, best[1].at);
    best[1].fn();
    return true;
  }

  /** Moves the clock by `ms`, running every timer due on the way. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let best: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.queue)
        if (entry[1].at <= end && (!best || entry[1].at < best[1].at)) best = entry;
      if (!best) break;
      this.queue.delete(best[0]);
      this.now = Math.max(this.now, best[1].at);
      best[1].fn();
    }
    this.now = end;
  }
}

/** Lets promise chains (the engine's awaits, Hono's handlers) run to their next real wait. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Runs the engine until it is idle, advancing the virtual clock to each timer; throws after `maxSteps`. */
export async function drain(engine: SyncEngine, clock: VirtualClock, maxSteps = 500): Promise<void> {
  for (let step = 0; step < maxSteps; step++) {
    await engine.settled();
    await settle(1);
    if (engine.isIdle()) return;
    if (!clock.runNext()) await settle(1);
  }
  throw new Error(
    `drain: engine still busy after ${maxSteps} steps (status ${JSON.stringify(engine.status)})`,
  );
}

/** A Storage over a Map, as localStorage behaves. */
export function mapStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

/** An engine on `editor` with the tests' ids, the virtual clock for timers and time, and random 0.5. */
export function testEngine(
  editor: Editor,
  client: ApiClient,
  outbox: OutboxStore,
  clock: VirtualClock,
): SyncEngine {
  return createSyncEngine({
    editor,
    client,
    outbox,
    communityId: COMMUNITY,
    channelId: CHANNEL,
    sender: SENDER,
    timers: clock,
    now: () => clock.now,
    random: () => 0.5,
  });
}
