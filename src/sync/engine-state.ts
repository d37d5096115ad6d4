// The sync engine as data: its state, the events that reach it and one pure transition that
// returns the next state and the effects (writes, requests, timers, editor updates) the shell in
// `sync-engine.ts` must carry out. No clock, no promise, no I/O here: every rule is testable alone.
import { retryDelay } from './backoff';
import type { BackoffOptions } from './backoff';
import { analysisKey, draftKey, type InFlight, type OutboxRecord } from './outbox';
import {
  ackFlight,
  addEntry,
  type FlightAnswer,
  mergeServer,
  newRecord,
  prepareFlight,
} from './outbox-record';
import type { Touched } from './rebase';
import { type MissingField, type SyncStatus, syncStatus } from './status';
import type { DomainDoc, SyncDoc } from './sync-doc';
import { sameDoc } from './sync-doc';

/** The engine's three timers: quiet time after an edit, wait before a retry, idle polling. */
export type TimerName = 'debounce' | 'retry' | 'poll';

/** Where the engine is in its life: loading an analysis (edits not recorded), running, or disposed. */
export type Life = 'loading' | 'live' | 'disposed';

/** The one request the engine has on the wire, if any. */
export type Wire =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending'; readonly flight: InFlight }
  | { readonly kind: 'fetching'; readonly analysisId: string };

/** Whether the server's document must be fetched before the next write; `stale`: even at the same version. */
export type RefreshNeed = 'none' | 'wanted' | 'stale';

/** The editor's gesture: none, open with nothing changed yet, or open with changes (one pending edit). */
export type Gesture = 'none' | 'open' | 'pending';

/** Everything the engine knows, as one value. */
export interface EngineState {
  readonly life: Life;
  readonly wire: Wire;
  /** What is pending and confirmed; null before the first edit of a new draft. */
  readonly record: OutboxRecord | null;
  /** Outbox key the record is saved under. */
  readonly slot: string | null;
  /** Timers currently set. */
  readonly timers: Readonly<Record<TimerName, boolean>>;
  /** Consecutive failures of the current request (drives the backoff). */
  readonly failures: number;
  /** The last failure was a network one (status 0). */
  readonly offline: boolean;
  /** A failure that sending again cannot fix; it blocks sending until the next edit. */
  readonly error: string | null;
  /**
   * The outbox could not store the record (storage full or gone). It does not block sending: the
   * server is then the only copy, so the edits must reach it. Cleared by the next stored write.
   */
  readonly storeError: string | null;
  readonly refresh: RefreshNeed;
  readonly gesture: Gesture;
}

/** A failed request, reduced to what the rules need. */
export interface Failure {
  /** HTTP status, 0 for a network failure. */
  readonly status: number;
  /** The server refused the write as a whole because it moved on (412, 409 on a taken id). */
  readonly conflict: boolean;
  /** Sending the same request again may succeed. */
  readonly retryable: boolean;
  /** Seconds from Retry-After. */
  readonly retryAfter?: number;
  /** The text the status shows. */
  readonly text: string;
}

/** Everything that can happen to the engine. */
export type EngineEvent =
  /** The editor changed: `edit` is a finished local edit (null for remote, UI-only or mid-gesture changes). */
  | {
      readonly type: 'changed';
      readonly gesture: Gesture;
      readonly edit: { readonly touched: Touched; readonly doc: SyncDoc } | null;
      /** Key prefix for a new draft, needed only when there is no record yet. */
      readonly keyPrefix: string | null;
    }
  | { readonly type: 'timer'; readonly name: TimerName }
  | { readonly type: 'flush' }
  | { readonly type: 'refresh' }
  | { readonly type: 'sent'; readonly answer: FlightAnswer }
  | {
      readonly type: 'fetched';
      readonly version: number;
      readonly server: SyncDoc;
      /** The server's document in domain form, reused by the editor where unchanged. */
      readonly preferred: DomainDoc;
      /** What the editor shows when the answer arrives. */
      readonly local: SyncDoc;
    }
  | { readonly type: 'failed'; readonly failure: Failure }
  /** Something other than an API failure went wrong during a request (a bug or a broken store). */
  | { readonly type: 'crashed'; readonly message: string }
  | { readonly type: 'loading' }
  | { readonly type: 'loadAbandoned' }
  /** A saved or loaded record takes over: the editor must show `doc`. */
  | {
      readonly type: 'adopted';
      readonly slot: string;
      readonly record: OutboxRecord;
      readonly doc: SyncDoc;
      readonly preferred: DomainDoc | null;
      /** Replaces the refresh need (an opened analysis with a frozen request fetches once it is answered). */
      readonly refresh?: RefreshNeed;
      /** Saved local drawings renamed on opening: another client took their ids. */
      readonly renamed?: ReadonlyMap<string, string>;
    }
  | { readonly type: 'outboxFailed'; readonly message: string }
  /** A write to the outbox succeeded after one failed. */
  | { readonly type: 'outboxStored' }
  | { readonly type: 'dispose' };

/** What the shell must do after a transition, in order. */
export type Effect =
  | { readonly type: 'persist'; readonly key: string; readonly record: OutboxRecord }
  | { readonly type: 'remove'; readonly key: string }
  | { readonly type: 'setTimer'; readonly name: TimerName; readonly ms: number }
  | { readonly type: 'clearTimer'; readonly name: TimerName }
  | { readonly type: 'send'; readonly flight: InFlight; readonly analysisId: string | null }
  | { readonly type: 'fetch'; readonly analysisId: string }
  /** Make the editor show `doc`; `load` replaces the document and its history (an opened analysis). */
  | {
      readonly type: 'show';
      readonly doc: SyncDoc;
      readonly preferred: DomainDoc | null;
      readonly load: boolean;
      /** Local drawings to rename first (state and undo history): another client took their ids. */
      readonly renamed?: ReadonlyMap<string, string>;
    };

/** Fixed settings of one engine. */
export interface EngineConfig {
  readonly communityId: string;
  readonly channelId: string;
  readonly sender: string;
  readonly debounceMs: number;
  readonly pollMs: number;
  readonly backoff: BackoffOptions;
  /** Uniform [0, 1) source for the retry jitter. */
  readonly random: () => number;
}

/** The result of a transition. */
export interface Step {
  readonly state: EngineState;
  readonly effects: readonly Effect[];
}

/** A fresh engine: live, nothing recorded, nothing on the wire. */
export const INITIAL_STATE: EngineState = {
  life: 'live',
  wire: { kind: 'idle' },
  record: null,
  slot: null,
  timers: { debounce: false, retry: false, poll: false },
  failures: 0,
  offline: false,
  error: null,
  storeError: null,
  refresh: 'none',
  gesture: 'none',
};

/** Local edits not yet confirmed (an unfinished gesture with changes counts as one). */
export const pendingCount = (s: EngineState): number =>
  (s.record?.entries.length ?? 0) + (s.gesture === 'pending' ? 1 : 0);

/**
 * What a draft still lacks before its Create can go out. The server would refuse it (400), and
 * showing that as an error while the user is still filling in the form would alarm for nothing.
 */
export function missingForCreate(s: EngineState): MissingField[] {
  const r = s.record;
  if (!r || r.analysisId !== null || r.inFlight !== null || !r.desired) return [];
  const m = r.desired.metadata;
  const missing: MissingField[] = [];
  if (m.title.length === 0) missing.push('title');
  if (m.symbol.length === 0) missing.push('symbol');
  return missing;
}

/** The status the UI shows for a state. */
export const statusOf = (s: EngineState): SyncStatus =>
  syncStatus({
    error: s.error ?? s.storeError,
    offline: s.offline,
    pending: pendingCount(s),
    sending: s.record?.inFlight != null,
    version: s.record?.base?.version ?? 0,
    missing: missingForCreate(s),
  });

/** True when nothing is pending, on the wire or waiting on a timer (polling aside). */
export const isIdle = (s: EngineState): boolean =>
  s.wire.kind === 'idle' &&
  !s.timers.debounce &&
  !s.timers.retry &&
  s.refresh === 'none' &&
  s.gesture !== 'open' &&
  s.gesture !== 'pending' &&
  (!s.record || (s.record.entries.length === 0 && s.record.inFlight === null));

/** A state and the effects gathered so far; the transition's working value. */
interface Acc {
  s: EngineState;
  readonly fx: Effect[];
}

const persist = (a: Acc): void => {
  if (a.s.record && a.s.slot) a.fx.push({ type: 'persist', key: a.s.slot, record: a.s.record });
};

const setTimer = (a: Acc, name: TimerName, ms: number): void => {
  a.s = { ...a.s, timers: { ...a.s.timers, [name]: true } };
  a.fx.push({ type: 'setTimer', name, ms });
};

const clearTimer = (a: Acc, name: TimerName): void => {
  if (!a.s.timers[name]) return;
  a.s = { ...a.s, timers: { ...a.s.timers, [name]: false } };
  a.fx.push({ type: 'clearTimer', name });
};

const wantRefresh = (r: RefreshNeed): RefreshNeed => (r === 'none' ? 'wanted' : r);

/**
 * Starts the next request if nothing blocks it: a fetch when one is needed and nothing is frozen
 * in flight, else the frozen or next request. When nothing starts, idle polling is armed.
 */
function pump(a: Acc, c: EngineConfig): void {
  const s = a.s;
  if (s.life !== 'live' || s.wire.kind !== 'idle') return;
  const blocked =
    s.gesture !== 'none' ||
    s.timers.debounce ||
    s.timers.retry ||
    s.error !== null ||
    !s.record ||
    missingForCreate(s).length > 0;
  if (!blocked && s.record) {
    if (s.refresh !== 'none' && !s.record.inFlight && s.record.analysisId !== null) {
      a.s = { ...s, wire: { kind: 'fetching', analysisId: s.record.analysisId } };
      a.fx.push({ type: 'fetch', analysisId: s.record.analysisId });
      return;
    }
    const prepared = prepareFlight(s.record, c.sender);
    if (prepared.record !== s.record) {
      a.s = { ...s, record: prepared.record };
      persist(a);
    }
    if (prepared.flight) {
      a.s = { ...a.s, wire: { kind: 'sending', flight: prepared.flight } };
      a.fx.push({ type: 'send', flight: prepared.flight, analysisId: a.s.record?.analysisId ?? null });
      return;
    }
  }
  if (c.pollMs > 0 && !a.s.timers.poll && !a.s.timers.retry) setTimer(a, 'poll', c.pollMs);
}

function edited(a: Acc, c: EngineConfig, e: Extract<EngineEvent, { type: 'changed' }>): void {
  a.s = { ...a.s, gesture: e.gesture };
  if (!e.edit) return;
  let { record, slot } = a.s;
  if (!record) {
    if (e.keyPrefix === null) throw new Error('sync engine: a new draft needs a key prefix');
    record = newRecord(c.communityId, c.channelId, e.keyPrefix);
    slot = draftKey(c.communityId, c.channelId);
  }
  a.s = { ...a.s, record: addEntry(record, e.edit.touched, e.edit.doc), slot, error: null };
  persist(a);
  setTimer(a, 'debounce', c.debounceMs);
}

function answered(a: Acc, answer: FlightAnswer): void {
  const s = a.s;
  if (!s.record) return;
  const acked = ackFlight(s.record, answer);
  a.s = {
    ...s,
    record: acked.record,
    refresh: acked.stale ? 'stale' : s.refresh,
    failures: 0,
    offline: false,
  };
  const key = answer.op === 'create' ? analysisKey(answer.detail.id) : null;
  if (key !== null && s.slot !== key) {
    // The draft becomes a saved analysis: its record moves to the analysis key.
    a.s = { ...a.s, slot: key };
    persist(a);
    if (s.slot) a.fx.push({ type: 'remove', key: s.slot });
  } else persist(a);
}

function failed(a: Acc, c: EngineConfig, f: Failure): void {
  let failures = a.s.failures;
  if (f.conflict && a.s.record) {
    // The frozen request was refused as a whole: nothing of it applied. Merge, then go again.
    a.s = {
      ...a.s,
      record: { ...a.s.record, inFlight: null },
      refresh: wantRefresh(a.s.refresh),
      offline: false,
    };
    persist(a);
    failures++;
    a.s = { ...a.s, failures };
    if (failures - 1 < 3) return;
  }
  if (f.conflict || f.retryable) {
    const attempt = f.conflict ? failures : failures++;
    a.s = { ...a.s, failures, offline: f.status === 0 };
    setTimer(a, 'retry', retryDelay(attempt, c.random, f.retryAfter, c.backoff));
    return;
  }
  // Sending it again cannot help (validation, auth, gone): report, keep the edits, wait for the next one.
  const record = a.s.record?.inFlight ? { ...a.s.record, inFlight: null } : a.s.record;
  a.s = { ...a.s, offline: false, error: f.text, record };
  persist(a);
}

function fetched(a: Acc, e: Extract<EngineEvent, { type: 'fetched' }>): void {
  const s = a.s;
  if (!s.record) return;
  if (s.gesture !== 'none') {
    // A gesture is changing the document: merge once it is finished.
    a.s = { ...s, offline: false, refresh: wantRefresh(s.refresh) };
    return;
  }
  // An unchanged analysis costs nothing, unless an answer hinted at changes the base lacks.
  const unchanged = e.version === s.record.base?.version && s.record.entries.length === 0;
  if (unchanged && s.refresh !== 'stale') {
    a.s = { ...s, offline: false, refresh: 'none' };
    return;
  }
  const merged = mergeServer(s.record, e.server, e.version, e.local);
  if (!sameDoc(merged.doc, e.local))
    a.fx.push({
      type: 'show',
      doc: merged.doc,
      preferred: e.preferred,
      load: false,
      ...(merged.renamed.size > 0 ? { renamed: merged.renamed } : {}),
    });
  a.s = { ...s, offline: false, refresh: 'none', record: merged.record };
  persist(a);
}

/** The engine's one transition: the next state and the effects to carry out, in order. */
export function transition(state: EngineState, event: EngineEvent, config: EngineConfig): Step {
  if (state.life === 'disposed') return { state, effects: [] };
  const a: Acc = { s: state, fx: [] };
  switch (event.type) {
    case 'changed':
      edited(a, config, event);
      break;
    case 'timer':
      a.s = { ...a.s, timers: { ...a.s.timers, [event.name]: false } };
      if (event.name === 'poll') a.s = { ...a.s, refresh: wantRefresh(a.s.refresh) };
      pump(a, config);
      break;
    case 'flush':
      clearTimer(a, 'debounce');
      clearTimer(a, 'retry');
      pump(a, config);
      break;
    case 'refresh':
      if (a.s.record?.analysisId == null) break;
      a.s = { ...a.s, refresh: wantRefresh(a.s.refresh) };
      clearTimer(a, 'poll');
      pump(a, config);
      break;
    case 'sent':
      a.s = { ...a.s, wire: { kind: 'idle' } };
      answered(a, event.answer);
      pump(a, config);
      break;
    case 'fetched':
      a.s = { ...a.s, wire: { kind: 'idle' } };
      fetched(a, event);
      pump(a, config);
      break;
    case 'failed':
      a.s = { ...a.s, wire: { kind: 'idle' } };
      failed(a, config, event.failure);
      pump(a, config);
      break;
    case 'crashed':
      a.s = { ...a.s, wire: { kind: 'idle' }, error: event.message };
      pump(a, config);
      break;
    case 'loading':
      a.s = { ...a.s, life: 'loading' };
      break;
    case 'loadAbandoned':
      a.s = { ...a.s, life: 'live' };
      break;
    case 'adopted':
      a.s = {
        ...a.s,
        life: 'live',
        record: event.record,
        slot: event.slot,
        gesture: 'none',
        error: null,
        offline: false,
        refresh: event.refresh ?? a.s.refresh,
      };
      a.fx.push({
        type: 'show',
        doc: event.doc,
        preferred: event.preferred,
        load: true,
        ...(event.renamed && event.renamed.size > 0 ? { renamed: event.renamed } : {}),
      });
      persist(a);
      pump(a, config);
      break;
    case 'outboxFailed':
      a.s = { ...a.s, storeError: `outbox: ${event.message}` };
      break;
    case 'outboxStored':
      if (a.s.storeError !== null) a.s = { ...a.s, storeError: null };
      break;
    case 'dispose':
      clearTimer(a, 'debounce');
      clearTimer(a, 'retry');
      clearTimer(a, 'poll');
      a.s = { ...a.s, life: 'disposed' };
      break;
  }
  return { state: a.s, effects: a.fx };
}
