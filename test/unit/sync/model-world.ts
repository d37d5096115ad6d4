// The world of the sync model test: the real reference server in process, a fetch in front of it
// that injects faults (dropped requests, lost responses, duplicates, 500/503/429, offline), a
// virtual clock, and an editor + engine pair that a "reload" throws away (the outbox stays).
import type fc from 'fast-check';
import type { Editor } from '../../../src/editor/editor-api';
import { createApiClient } from '../../../src/sync/api-client';
import { memoryOutbox, type OutboxStore } from '../../../src/sync/outbox';
import type { SyncEngine } from '../../../src/sync/engine-api';
import { createSyncEngine } from '../../../src/sync/sync-engine';
import {
  BASE_URL,
  CHANNEL,
  COMMUNITY,
  type FetchFn,
  newEditor,
  SENDER,
  settle,
  type TestServer,
  testServer,
  VirtualClock,
} from './harness';

/** A fault applied to the next request the engine sends. */
export type Fault = 'drop' | 'lose-response' | 'duplicate' | '500' | '503' | '429';

/** A write the server committed for the engine (2xx, whatever happened to the response afterwards). */
export interface Commit {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | undefined;
  readonly replayed: boolean;
  readonly updatedFields: readonly string[] | undefined;
}

/** Small deterministic PRNG (mulberry32) so that every engine's jitter is reproducible from the seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const envelope = (status: number, code: string, retryAfter?: number) =>
  new Response(JSON.stringify({ status: 'error', message: code, code }), {
    status,
    headers: {
      'content-type': 'application/json',
      ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
    },
  });

/** Everything one run touches. */
export class World {
  readonly clock = new VirtualClock();
  readonly outbox: OutboxStore = memoryOutbox();
  readonly faults: Fault[] = [];
  readonly commits: Commit[] = [];
  offline = false;
  /** How often each answer (status, or a fault name) reached the engine. */
  readonly seen = new Map<string, number>();
  editor!: Editor;
  engine!: SyncEngine;
  /** False after a reload until the analysis has been opened again (edits wait for it). */
  ready = true;
  reloads = 0;
  otherEdits = 0;
  private server!: TestServer;
  private engines = 0;

  private constructor(
    private readonly scheduler: fc.Scheduler,
    private readonly seed: number,
  ) {}

  /** A world with a fresh server and a first editor + engine on a new draft. */
  static async create(scheduler: fc.Scheduler, seed: number): Promise<World> {
    const w = new World(scheduler, seed);
    w.server = await testServer(() => w.clock.now);
    w.boot();
    return w;
  }

  /** The fetch the engine's client uses: scheduled delivery plus the injected faults. */
  private readonly faultyFetch: FetchFn = async (input, init) => {
    // Requests reach the server when the scheduler says so, interleaved with edits, other
    // clients and older engines' requests: that is the reordering.
    await this.scheduler.schedule(Promise.resolve(), `deliver ${init.method} ${new URL(input).pathname}`);
    const fault = this.offline ? 'offline' : this.faults.shift();
    if (fault) this.seen.set(fault, (this.seen.get(fault) ?? 0) + 1);
    if (this.offline) throw new TypeError('fetch failed: offline');
    switch (fault) {
      case 'drop':
        throw new TypeError('fetch failed: connection reset before the server');
      case '500':
        return envelope(500, 'internal_error');
      case '503':
        return envelope(503, 'internal_error', 3);
      case '429':
        return envelope(429, 'rate_limited', 2);
      default:
        break;
    }
    const first = await this.deliver(input, init);
    let answer = first;
    if (fault === 'duplicate') {
      const second = await this.deliver(input, init);
      answer = this.seed % 2 === 0 ? first : second;
    }
    if (fault === 'lose-response')
      throw new TypeError('fetch failed: connection lost after the server answered');
    const status = `${init.method} ${answer.status}`;
    this.seen.set(status, (this.seen.get(status) ?? 0) + 1);
    return answer;
  };

  private async deliver(input: string, init: RequestInit): Promise<Response> {
    const res = await this.server.fetch(input, init);
    const method = init.method ?? 'GET';
    if (method !== 'GET' && res.ok) {
      const body = JSON.parse(typeof init.body === 'string' ? init.body : '{}') as {
        idempotencyKey?: string;
      };
      const json = (await res.clone().json()) as { data?: { updatedFields?: string[] } };
      this.commits.push({
        method,
        path: new URL(input).pathname,
        idempotencyKey: body.idempotencyKey,
        replayed: res.headers.get('idempotent-replayed') === 'true',
        updatedFields: json.data?.updatedFields,
      });
    }
    return res;
  }

  private boot(): void {
    this.engines++;
    this.editor = newEditor();
    const client = createApiClient({
      baseUrl: BASE_URL,
      apiKey: this.server.apiKey,
      fetch: this.faultyFetch,
    });
    this.engine = createSyncEngine({
      editor: this.editor,
      client,
      outbox: this.outbox,
      communityId: COMMUNITY,
      channelId: CHANNEL,
      sender: SENDER,
      timers: this.clock,
      now: () => this.clock.now,
      random: prng(this.seed * 31 + this.engines),
      debounceMs: 400,
    });
  }

  /** Throws away the editor and the engine (memory lost); the outbox and the server stay. */
  reload(): void {
    this.reloads++;
    this.engine.dispose();
    this.boot();
    this.ready = false;
    this.startReopen();
  }

  private reopening: { readonly engine: SyncEngine; readonly done: Promise<void> } | null = null;

  /** Starts the page-load open in the background (its GET is delivered by the scheduler too). */
  startReopen(): void {
    if (this.ready || this.reopening?.engine === this.engine) return;
    const engine = this.engine;
    const done = this.reopen(engine).finally(() => {
      if (this.reopening?.engine === engine) this.reopening = null;
    });
    this.reopening = { engine, done };
  }

  /** What a reloaded page does: open the analysis the outbox knows, or resume the draft. */
  private async reopen(engine: SyncEngine): Promise<void> {
    const keys = await this.outbox.keys();
    const saved = keys.find((k) => k.startsWith('analysis:'));
    try {
      if (saved) await engine.open(saved.slice('analysis:'.length));
      else await engine.resumeDraft();
      // A page that was reloaded again meanwhile does not count.
      if (engine === this.engine) this.ready = true;
    } catch {
      // Offline or a fault during the page load: the page would retry; the model does on a later step.
    }
  }

  /** A plain client straight to the server (no faults) for the other user and for checks. */
  direct() {
    return createApiClient({ baseUrl: BASE_URL, apiKey: this.server.apiKey, fetch: this.server.fetch });
  }

  /** Ends faults and offline time, then runs the engine and the scheduler until everything is quiet. */
  async heal(maxSteps = 3000): Promise<void> {
    this.faults.length = 0;
    this.offline = false;
    for (let step = 0; step < maxSteps; step++) {
      // Never await the engine itself here: its request may be waiting on the scheduler.
      await this.scheduler.waitAll();
      await settle(2);
      if (this.scheduler.count() > 0) continue;
      if (!this.ready) this.startReopen();
      if (this.ready && !this.reopening && this.engine.isIdle()) return;
      if (process.env.SYNC_MODEL_DEBUG)
        console.log(
          'heal',
          step,
          JSON.stringify(this.engine.status),
          this.clock.pending,
          this.engine.isIdle(),
        );
      if (!this.clock.runNext()) await settle(1);
    }
    throw new Error(`heal: not quiet after ${maxSteps} steps: ${JSON.stringify(this.engine.status)}`);
  }
}
