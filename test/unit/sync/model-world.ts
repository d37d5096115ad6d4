// The world of the sync model test: the real reference server in process, a fetch in front of it
// that injects faults (dropped requests, lost responses, duplicates, 500/503/429, commits answered
// by a 500/504, a reload while a request is on the wire, a concurrent writer that turns the next
// PATCH into a real 412, offline), a virtual clock, and an editor + engine pair that a "reload"
// throws away (the outbox stays). It also keeps the oracle: what the user intended, edit by edit.
import type fc from 'fast-check';
import type { Editor } from '../../../src/editor/editor-api';
import { createApiClient } from '../../../src/sync/api-client';
import { memoryOutbox, type OutboxStore } from '../../../src/sync/outbox';
import { canonical, docFromDomain, type SyncDoc } from '../../../src/sync/sync-doc';
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

/** SYNC_MODEL_TRACE=<file>: the trace of the last failing run goes there. */
const TRACING = Boolean(process.env.SYNC_MODEL_TRACE);

/** A fault applied to the next request the engine sends. */
export type Fault =
  | 'drop'
  | 'lose-response'
  | 'duplicate'
  | '500'
  | '503'
  | '429'
  /** The server commits the request, then the answer is replaced by a 500 / a gateway's 504. */
  | 'commit-then-500'
  | 'commit-then-504'
  /** The server commits the request while the tab reloads: the answer reaches a disposed engine. */
  | 'reload-mid-flight'
  /** Another writer commits just before the request arrives (a PATCH then meets a real 412). */
  | 'concurrent-write';

/** Every fault kind. */
export const FAULTS: readonly Fault[] = [
  'drop',
  'lose-response',
  'duplicate',
  '500',
  '503',
  '429',
  'commit-then-500',
  'commit-then-504',
  'reload-mid-flight',
  'concurrent-write',
];

/** Document parts the user can edit: drawings by id, the title, the pivot level. */
type Part = string;
const titlePart = 'meta:title';
const pivotPart = 'level:pivot';

/**
 * The oracle: what the user intended, built from every local edit in order (the editor's document
 * before and after each command, compared part by part), and what other writers touched.
 */
export class Intent {
  /** Latest intended value of each part the user edited (canonical JSON; null = deleted / cleared). */
  readonly parts = new Map<Part, string | null>();
  /** Parts another writer also changed: the last writer there may be either side. */
  readonly contested = new Set<Part>();
  /** Drawing ids other writers created. */
  readonly foreign = new Set<string>();
  /** Every local edit, in order, for the failure report. */
  readonly log: string[] = [];
  /** Paint order of the editor's drawings after the user's last edit (bottom first). */
  order: string[] = [];

  /** Parts of a document as canonical strings. */
  static partsOf(doc: SyncDoc): Map<Part, string> {
    const out = new Map<Part, string>();
    for (const d of doc.drawings) out.set(d.clientObjectId, canonical(d));
    out.set(titlePart, canonical(doc.metadata.title));
    if (doc.levels.pivot) out.set(pivotPart, canonical(doc.levels.pivot));
    return out;
  }

  /**
   * Sync renamed the user's drawings because another writer took their ids: the user's intent for
   * each follows it to its new id, and the old id is the other writer's from now on.
   */
  rename(renamed: ReadonlyMap<string, string>): void {
    for (const [from, to] of renamed) {
      const want = this.parts.get(from);
      if (want === undefined) continue;
      this.parts.delete(from);
      this.parts.set(to, want === null ? null : canonical({ ...JSON.parse(want), clientObjectId: to }));
      this.log.push(`(sync renamed ${from} → ${to})`);
    }
    this.order = this.order.map((id) => renamed.get(id) ?? id);
  }

  /** Records one local edit from the documents before and after it. */
  record(what: string, before: SyncDoc, after: SyncDoc): void {
    const a = Intent.partsOf(before);
    const b = Intent.partsOf(after);
    const changed: string[] = [];
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      if (a.get(key) === b.get(key)) continue;
      this.parts.set(key, b.get(key) ?? null);
      changed.push(key);
    }
    const order = after.drawings.map((d) => d.clientObjectId);
    if (order.join() !== before.drawings.map((d) => d.clientObjectId).join())
      changed.push(`order ${order.join(' ')}`);
    this.order = order;
    if (changed.length) this.log.push(`${what}: ${changed.join(', ')}`);
  }

  /**
   * What differs between the intent and the server's document: an edit lost, a deleted part
   * resurrected, or a part nobody wrote. Contested parts may hold either side's value.
   */
  differences(server: SyncDoc): string[] {
    const have = Intent.partsOf(server);
    const out: string[] = [];
    const contestedValues = new Set(
      [...this.contested].map((p) => this.parts.get(p)).filter((v): v is string => typeof v === 'string'),
    );
    for (const [part, want] of this.parts) {
      if (this.contested.has(part)) continue;
      const got = have.get(part) ?? null;
      if (got !== want) out.push(`${part}: intended ${want ?? '(absent)'}, server has ${got ?? '(absent)'}`);
    }
    for (const d of server.drawings) {
      const id = d.clientObjectId;
      if (this.parts.has(id) || this.foreign.has(id) || this.contested.has(id)) continue;
      // A line renamed because another writer took its id meanwhile: same drawing, new id.
      const renamedFrom = canonical({ ...d, clientObjectId: undefined });
      const isRenamed = [...contestedValues].some((v) => {
        const parsed = JSON.parse(v) as Record<string, unknown>;
        return canonical({ ...parsed, clientObjectId: undefined }) === renamedFrom;
      });
      if (!isRenamed) out.push(`${id}: on the server, never written by anyone`);
    }
    // The user's own drawings stay in the paint order the user last left them in (another writer's
    // drawings, and drawings another writer also changed, may sit anywhere among them).
    const onServer = new Set(server.drawings.map((d) => d.clientObjectId));
    const mine = (id: string) => onServer.has(id) && !this.foreign.has(id) && !this.contested.has(id);
    const wantOrder = this.order.filter(mine);
    const mineIntended = new Set(wantOrder);
    const gotOrder = server.drawings.map((d) => d.clientObjectId).filter((id) => mineIntended.has(id));
    if (wantOrder.join(' ') !== gotOrder.join(' '))
      out.push(`paint order: intended ${wantOrder.join(' ')}, server has ${gotOrder.join(' ')}`);
    return out;
  }
}

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
  /** Faults that met a request (each run must apply at least five). */
  applied = 0;
  /** Writes the server committed whose answer the engine never got intact (lost, 5xx, reload). */
  committedThenFailed = 0;
  /** Tab reloads while a write was on the wire. */
  reloadsMidFlight = 0;
  /** PATCHes refused with a 412 because a concurrent writer committed just before them. */
  racedConflicts = 0;
  readonly intent = new Intent();
  /** What happened in this run, one line a step, kept only with SYNC_MODEL_TRACE (to debug a failing seed). */
  readonly trace: string[] = [];
  private raceSeq = 0;
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
    const ifMatch = new Headers(init.headers).get('if-match');
    let fault = this.offline ? 'offline' : this.takeFault(init.method ?? 'GET', ifMatch !== null);
    if (fault) this.seen.set(fault, (this.seen.get(fault) ?? 0) + 1);
    if (this.offline) throw new TypeError('fetch failed: offline');
    if (fault) this.applied++;
    switch (fault) {
      case 'drop':
        throw new TypeError('fetch failed: connection reset before the server');
      case '500':
        return envelope(500, 'internal_error');
      case '503':
        return envelope(503, 'internal_error', 3);
      case '429':
        return envelope(429, 'rate_limited', 2);
      case 'concurrent-write':
        await this.concurrentWrite();
        break;
      default:
        break;
    }
    this.note(
      `→ ${init.method} ${new URL(input).pathname} ${fault ?? ''} ${ifMatch ?? ''} ${init.body ?? ''}`,
    );
    const first = await this.deliver(input, init);
    if (TRACING) this.note(`← ${first.status} ${await first.clone().text()}`);
    let answer = first;
    if (fault === 'duplicate') {
      const second = await this.deliver(input, init);
      answer = this.seed % 2 === 0 ? first : second;
    }
    const committed = init.method !== 'GET' && answer.ok;
    if ((fault === 'commit-then-500' || fault === 'commit-then-504') && !committed) {
      // Nothing committed (a 412, a 409): the fault waits for a write that commits.
      this.faults.unshift(fault);
      this.applied--;
      this.seen.set(fault, (this.seen.get(fault) ?? 0) - 1);
      fault = undefined;
    }
    if (fault === 'concurrent-write' && answer.status === 412) this.racedConflicts++;
    if (fault === 'lose-response' || fault === 'commit-then-500' || fault === 'commit-then-504') {
      if (committed) this.committedThenFailed++;
      if (fault === 'lose-response')
        throw new TypeError('fetch failed: connection lost after the server answered');
      return fault === 'commit-then-500' ? envelope(500, 'internal_error') : envelope(504, 'gateway_timeout');
    }
    if (fault === 'reload-mid-flight') {
      this.reloadsMidFlight++;
      if (committed) this.committedThenFailed++;
      this.reload();
    }
    const status = `${init.method} ${answer.status}`;
    this.seen.set(status, (this.seen.get(status) ?? 0) + 1);
    return answer;
  };

  /**
   * The first queued fault that fits this request: a commit answered by a 5xx and a reload
   * mid-flight need a write, a concurrent writer's 412 a conditional request (If-Match).
   */
  private takeFault(method: string, conditional: boolean): Fault | undefined {
    const fits = (f: Fault) =>
      f === 'concurrent-write'
        ? conditional
        : f === 'commit-then-500' || f === 'commit-then-504' || f === 'reload-mid-flight'
          ? method !== 'GET'
          : true;
    const i = this.faults.findIndex(fits);
    return i < 0 ? undefined : this.faults.splice(i, 1)[0];
  }

  /** Another writer appends a drawing of its own: the version moves, so an If-Match now fails. */
  private async concurrentWrite(): Promise<void> {
    const other = this.direct();
    const id = (await other.list(COMMUNITY, CHANNEL)).data.analyses[0]?.id;
    if (!id) return;
    const clientObjectId = `race_${++this.raceSeq}`;
    this.intent.foreign.add(clientObjectId);
    await other.append(id, {
      sender: 'racer@example.com',
      drawings: [
        {
          type: 'HORIZONTAL_LINE',
          clientObjectId,
          points: [{ time: '2026-01-08T07:00:00Z', price: 130 + this.raceSeq }],
        },
      ],
    });
  }

  /** Runs one local edit of the user and records it in the intent. */
  userEdit(what: string, edit: (editor: Editor) => void): void {
    const before = docFromDomain(this.editor.getState());
    edit(this.editor);
    const after = docFromDomain(this.editor.getState());
    this.intent.record(what, before, after);
    this.note(`edit ${what}: ${after.drawings.map((d) => d.clientObjectId).join(' ')}`);
  }

  /** Adds a line to the trace when tracing. */
  note(line: string): void {
    if (TRACING) this.trace.push(line);
  }

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
    // The oracle hears of a rename the moment the engine makes it, as the user would see it.
    const rename = this.editor.renameDrawings;
    this.editor.renameDrawings = (renamed) => {
      this.intent.rename(renamed);
      this.note(`renamed ${[...renamed].map(([a, b]) => `${a} → ${b}`).join(', ')}`);
      rename(renamed);
    };
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
    this.note('reload');
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

  /**
   * Applies every fault still queued (a user edit per round gives them requests to meet, so none is
   * wiped unapplied), ends offline time, then runs the engine and the scheduler until everything
   * is quiet.
   */
  async heal(maxSteps = 3000): Promise<void> {
    this.offline = false;
    for (let round = 0; this.faults.length > 0; round++) {
      if (round >= 40) throw new Error(`heal: ${this.faults.length} queued faults never met a request`);
      await this.quiet(maxSteps);
      if (this.faults.length === 0) break;
      this.userEdit(`Title(heal ${round})`, (e) =>
        e.setMetadata({ title: `Healing ${this.seed % 1000} ${round}` }),
      );
      this.engine.flush();
    }
    await this.quiet(maxSteps);
  }

  private async quiet(maxSteps: number): Promise<void> {
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
