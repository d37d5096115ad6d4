// The sync engine: records every finished local edit in the outbox, sends at most one request at a
// time after a short debounce (Create, then append or PATCH), retries with backoff, rebases on a
// newer server version, and reports a status. Timers, clock and randomness are injected so that
// tests run on a virtual clock.
import type { Editor } from '../editor/editor-api';
import type { EditorState } from '../editor/types';
import type { ApiClient } from './api-client';
import { ApiError } from './api-error';
import { type BackoffOptions, DEFAULT_BACKOFF, retryDelay } from './backoff';
import { applyDocToEditor } from './editor-bridge';
import { analysisKey, draftKey, type InFlight, type OutboxRecord, type OutboxStore } from './outbox';
import {
  ackFlight,
  addEntry,
  type FlightAnswer,
  newRecord,
  pendingTouched,
  prepareFlight,
} from './outbox-record';
import {
  isUntouched,
  NOTHING_TOUCHED,
  rebase,
  renameTouched,
  type Touched,
  touchedBetween,
  unionTouched,
} from './rebase';
import { type SyncStatus, statusText } from './status';
import {
  type DomainDoc,
  docFromDetail,
  docFromDomain,
  domainFromDetail,
  sameDoc,
  type SyncDoc,
} from './sync-doc';

/** Timer functions (the global ones by default; a virtual clock in tests). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of `createSyncEngine`. */
export interface SyncEngineOptions {
  readonly editor: Editor;
  readonly client: ApiClient;
  readonly communityId: string;
  readonly channelId: string;
  readonly outbox: OutboxStore;
  /** E-mail of the acting user, sent as `sender` (spec §3.1). */
  readonly sender: string;
  /** Clock in unix ms (default Date.now). */
  readonly now?: () => number;
  /** Uniform [0, 1) source for jitter and key prefixes (default Math.random). */
  readonly random?: () => number;
  readonly timers?: Timers;
  /** Quiet time after the last edit before sending (default 400 ms). */
  readonly debounceMs?: number;
  /** Fetch the server's version this often when idle, to see other clients' edits (0 = never, the default). */
  readonly pollMs?: number;
  readonly backoff?: BackoffOptions;
}

/** A running sync engine bound to one editor. */
export interface SyncEngine {
  /** The analysis being synced; null for a draft not yet created. */
  readonly analysisId: string | null;
  readonly status: SyncStatus;
  /** Local edits not yet confirmed by the server (an unfinished gesture counts as one). */
  readonly pending: number;
  /** Calls `listener` whenever the status text changes; returns the unsubscribe function. */
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** Loads an analysis from the server into the editor (with any pending local work on top) and syncs it. */
  open(analysisId: string): Promise<void>;
  /** Loads a draft left in the outbox of this channel into the editor; false when there is none. */
  resumeDraft(): Promise<boolean>;
  /** Sends now, skipping the debounce and any backoff wait. */
  flush(): void;
  /** Fetches the server's version and rebases local work on it, when nothing is in flight. */
  refresh(): void;
  /** Resolves when the current step (request, write) is done; then check `isIdle`. */
  settled(): Promise<void>;
  /** True when nothing is pending, running or waiting on a timer (polling aside). */
  isIdle(): boolean;
  /** Stops timers and ignores answers still on their way; the outbox stays for the next engine. */
  dispose(): void;
}

const docOfState = (s: EditorState): DomainDoc => ({
  metadata: s.metadata,
  levels: s.levels,
  drawings: s.drawings,
});

/** Binds a sync engine to an editor. Call `open(id)` or `resumeDraft()` before editing, or start a new draft. */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { editor, client, outbox, communityId, channelId, sender } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const timers: Timers = options.timers ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const debounceMs = options.debounceMs ?? 400;
  const pollMs = options.pollMs ?? 0;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;

  let record: OutboxRecord | null = null;
  let slot: string | null = null;
  let prev = docOfState(editor.getState());
  let gestureTouched: Touched = NOTHING_TOUCHED;
  let gestureOpen = false;
  let opening = false;
  let running: Promise<void> | null = null;
  let kickAgain = false;
  let debounce: unknown = null;
  let retry: unknown = null;
  let poll: unknown = null;
  let attempt = 0;
  let offline = false;
  let error: string | null = null;
  let needRefresh = false;
  let disposed = false;
  let lastWrite: Promise<void> = Promise.resolve();
  let lastText = '';
  const listeners = new Set<(s: SyncStatus) => void>();

  const keyPrefix = () => `cm${now().toString(36)}${Math.floor(random() * 36 ** 8).toString(36)}`;

  function persist(): void {
    if (!record || !slot || disposed) return;
    const write = outbox.write(slot, record);
    lastWrite = lastWrite.then(() => write);
    write.catch((err: unknown) => {
      error = `outbox: ${err instanceof Error ? err.message : String(err)}`;
      emit();
    });
  }

  const pendingCount = () =>
    (record?.entries.length ?? 0) + (gestureOpen && !isUntouched(gestureTouched) ? 1 : 0);

  function computeStatus(): SyncStatus {
    if (error !== null) return { kind: 'error', message: error };
    const pending = pendingCount();
    if (offline) return { kind: 'offline', pending };
    if (pending > 0 || record?.inFlight) return { kind: 'saving' };
    return { kind: 'saved', version: record?.base?.version ?? 0 };
  }

  function emit(): void {
    const status = computeStatus();
    const text = statusText(status);
    if (text === lastText) return;
    lastText = text;
    for (const l of [...listeners]) l(status);
  }

  function clearTimer(h: unknown): null {
    if (h !== null) timers.clearTimeout(h);
    return null;
  }

  const unsubscribe = editor.subscribe((state, change) => {
    const next = docOfState(state);
    if (change.origin === 'remote' || !change.document || opening) {
      prev = next;
      return;
    }
    gestureTouched = unionTouched(gestureTouched, touchedBetween(prev, next, change.ids));
    prev = next;
    gestureOpen = change.inGesture;
    if (!gestureOpen) {
      if (!record) {
        record = newRecord(communityId, channelId, keyPrefix());
        slot = draftKey(communityId, channelId);
      }
      record = addEntry(record, gestureTouched, docFromDomain(next));
      gestureTouched = NOTHING_TOUCHED;
      persist();
      error = null;
      debounce = clearTimer(debounce);
      debounce = timers.setTimeout(() => {
        debounce = null;
        kick();
      }, debounceMs);
    }
    emit();
  });

  function kick(): void {
    if (disposed || opening) return;
    if (running) {
      // A timer or an edit arrived while the loop was finishing: run it again afterwards.
      kickAgain = true;
      return;
    }
    kickAgain = false;
    running = pump()
      .catch((err: unknown) => {
        error = err instanceof Error ? err.message : String(err);
      })
      .finally(() => {
        running = null;
        emit();
        if (kickAgain) return kick();
        if (!disposed && pollMs > 0 && poll === null && retry === null) {
          poll = timers.setTimeout(() => {
            poll = null;
            needRefresh = true;
            kick();
          }, pollMs);
        }
      });
  }

  async function send(flight: InFlight, analysisId: string | null): Promise<FlightAnswer> {
    if (flight.op === 'create') {
      const r = await client.create(communityId, channelId, flight.body);
      return { op: 'create', detail: r.data, replayed: r.replayed };
    }
    if (analysisId === null) throw new Error('sync: an append or PATCH needs an analysis id');
    if (flight.op === 'append') {
      const r = await client.append(analysisId, flight.body);
      return { op: 'append', version: r.data.version, replayed: r.replayed };
    }
    const r = await client.update(analysisId, flight.body, { ifMatch: flight.ifMatch });
    return { op: 'patch', version: r.data.version ?? r.version ?? flight.ifMatch + 1, replayed: r.replayed };
  }

  function failed(err: unknown): void {
    if (!(err instanceof ApiError)) throw err;
    const conflict = err.status === 412 || (err.status === 409 && err.code === 'duplicate_client_object_id');
    if (conflict && record) {
      // The frozen request was refused as a whole: nothing of it applied. Merge, then go again.
      record = { ...record, inFlight: null };
      persist();
      needRefresh = true;
      offline = false;
      if (attempt++ < 3) return;
    }
    if (conflict || err.retryable) {
      offline = err.status === 0;
      const delay = retryDelay(conflict ? attempt : attempt++, random, err.retryAfter, backoff);
      retry = timers.setTimeout(() => {
        retry = null;
        kick();
      }, delay);
      return;
    }
    // Sending it again cannot help (validation, auth, gone): report, keep the edits, wait for the next one.
    offline = false;
    error = `${err.message} (${err.status} ${err.code})`;
    if (record?.inFlight) record = { ...record, inFlight: null };
    persist();
  }

  async function refreshNow(analysisId: string): Promise<void> {
    const res = await client.get(analysisId);
    if (disposed || !record) return;
    needRefresh = false;
    offline = false;
    if (gestureOpen) {
      needRefresh = true;
      return;
    }
    const server = docFromDetail(res.data);
    const local = docFromDomain(docOfState(editor.getState()));
    const { doc: merged, renamed } = record.entries.length
      ? rebase(server, local, pendingTouched(record), record.base?.doc ?? null, record.sent ?? [])
      : { doc: server, renamed: new Map<string, string>() };
    if (!sameDoc(merged, local)) applyDocToEditor(editor, merged, domainFromDetail(res.data));
    const clean = sameDoc(merged, server);
    record = {
      ...record,
      base: { version: res.data.version, doc: server },
      entries: clean ? [] : record.entries.map((e) => ({ ...e, touched: renameTouched(e.touched, renamed) })),
      desired: clean ? null : merged,
      sent: [],
    };
    persist();
  }

  async function pump(): Promise<void> {
    while (!disposed) {
      if (gestureOpen || debounce !== null || retry !== null || error !== null || !record) return;
      if (needRefresh && !record.inFlight && record.analysisId !== null) {
        try {
          await refreshNow(record.analysisId);
        } catch (err) {
          if (disposed) return;
          failed(err);
        }
        continue;
      }
      const prepared = prepareFlight(record, sender);
      if (prepared.record !== record) {
        record = prepared.record;
        persist();
      }
      const flight = prepared.flight;
      if (!flight) return;
      emit();
      await lastWrite.catch(() => {});
      if (disposed) return;
      let answer: FlightAnswer;
      try {
        answer = await send(flight, record.analysisId);
      } catch (err) {
        if (disposed) return;
        failed(err);
        continue;
      }
      if (disposed) return;
      const acked = ackFlight(record, answer);
      record = acked.record;
      needRefresh ||= acked.stale;
      attempt = 0;
      offline = false;
      if (answer.op === 'create' && slot !== analysisKey(answer.detail.id)) {
        const old = slot;
        slot = analysisKey(answer.detail.id);
        persist();
        if (old) lastWrite = lastWrite.then(() => outbox.remove(old));
      } else persist();
      emit();
    }
  }

  async function adopt(key: string, next: OutboxRecord, doc: SyncDoc, preferred: DomainDoc | null) {
    record = next;
    slot = key;
    opening = true;
    try {
      applyDocToEditor(editor, doc, preferred, true);
    } finally {
      opening = false;
    }
    prev = docOfState(editor.getState());
    gestureTouched = NOTHING_TOUCHED;
    gestureOpen = false;
    error = null;
    offline = false;
    persist();
    emit();
    kick();
  }

  const engine: SyncEngine = {
    get analysisId() {
      return record?.analysisId ?? null;
    },
    get status() {
      return computeStatus();
    },
    get pending() {
      return pendingCount();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async open(analysisId) {
      const res = await client.get(analysisId);
      const saved = await outbox.read(analysisKey(analysisId));
      if (disposed) return;
      const server = docFromDetail(res.data);
      const domain = domainFromDetail(res.data);
      const base = { analysisId, version: res.data.version, doc: server };
      if (!saved || (saved.entries.length === 0 && !saved.inFlight)) {
        const fresh = {
          ...newRecord(communityId, channelId, saved?.keyPrefix ?? keyPrefix(), base),
          nextSeq: saved?.nextSeq ?? 1,
        };
        return adopt(analysisKey(analysisId), fresh, server, domain);
      }
      const local = saved.desired ?? saved.inFlight?.doc ?? server;
      const sent = saved.sent ?? [];
      const { doc: merged, renamed } = rebase(
        server,
        local,
        pendingTouched(saved),
        saved.base?.doc ?? null,
        sent,
      );
      const entries = saved.entries.map((e) => ({ ...e, touched: renameTouched(e.touched, renamed) }));
      const next: OutboxRecord = saved.inFlight
        ? { ...saved, entries, desired: entries.length ? merged : null }
        : {
            ...saved,
            base: { version: res.data.version, doc: server },
            entries: sameDoc(merged, server) ? [] : entries,
            desired: sameDoc(merged, server) ? null : merged,
            sent: [],
          };
      // A frozen request is resent as it was; what it missed is fetched once it is answered.
      needRefresh = saved.inFlight !== null;
      return adopt(analysisKey(analysisId), next, merged, domain);
    },
    async resumeDraft() {
      const key = draftKey(communityId, channelId);
      const saved = await outbox.read(key);
      if (disposed || !saved || (saved.entries.length === 0 && !saved.inFlight)) return false;
      const doc = saved.desired ?? saved.inFlight?.doc;
      if (!doc) return false;
      await adopt(key, saved, doc, null);
      return true;
    },
    flush() {
      debounce = clearTimer(debounce);
      retry = clearTimer(retry);
      kick();
    },
    refresh() {
      if (record?.analysisId == null) return;
      needRefresh = true;
      poll = clearTimer(poll);
      kick();
    },
    settled: () => running ?? Promise.resolve(),
    isIdle: () =>
      !running &&
      debounce === null &&
      retry === null &&
      !needRefresh &&
      !gestureOpen &&
      (!record || (record.entries.length === 0 && record.inFlight === null)),
    dispose() {
      disposed = true;
      unsubscribe();
      debounce = clearTimer(debounce);
      retry = clearTimer(retry);
      poll = clearTimer(poll);
      listeners.clear();
    },
  };
  emit();
  return engine;
}
