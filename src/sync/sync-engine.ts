// The sync engine: every finished local edit goes to the outbox; one request at a time after a debounce
// (Create, then append or PATCH), backoff retries, rebase on 412; clock and timers are injected.
import { ApiError } from './api-error';
import { sendFlight } from './send-flight';
import { DEFAULT_BACKOFF, retryDelay } from './backoff';
import type { SyncEngine, SyncEngineOptions, Timers } from './engine-api';
import { applyDocToEditor } from './editor-bridge';
import { analysisKey, draftKey, type OutboxRecord } from './outbox';
import {
  ackFlight,
  addEntry,
  type FlightAnswer,
  mergeServer,
  newRecord,
  openRecord,
  prepareFlight,
} from './outbox-record';
import { docOfState, EditTracker } from './edit-tracker';
import { type SyncStatus, statusText, syncStatus } from './status';
import { GLOBAL_TIMERS, TimerSlot } from './timer-slot';
import type { DomainDoc, SyncDoc } from './sync-doc';
import { docFromDetail, docFromDomain, domainFromDetail, sameDoc } from './sync-doc';

/** Binds a sync engine to an editor. Call `open(id)` or `resumeDraft()` before editing, or start a new draft. */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { editor, client, outbox, communityId, channelId, sender } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const timers: Timers = options.timers ?? GLOBAL_TIMERS;
  const debounceMs = options.debounceMs ?? 400;
  const pollMs = options.pollMs ?? 0;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;

  let record: OutboxRecord | null = null;
  let slot: string | null = null;
  const edits = new EditTracker(editor.getState());
  let opening = false;
  let running: Promise<void> | null = null;
  let kickAgain = false;
  const debounce = new TimerSlot(timers);
  const retry = new TimerSlot(timers);
  const poll = new TimerSlot(timers);
  let attempt = 0;
  let offline = false;
  let error: string | null = null;
  let needRefresh = false;
  let staleBase = false;
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

  const pendingCount = () => (record?.entries.length ?? 0) + (edits.gesturePending ? 1 : 0);

  const computeStatus = (): SyncStatus =>
    syncStatus({
      error,
      offline,
      pending: pendingCount(),
      sending: record?.inFlight != null,
      version: record?.base?.version ?? 0,
    });

  function emit(): void {
    const status = computeStatus();
    const text = statusText(status);
    if (text === lastText) return;
    lastText = text;
    for (const l of [...listeners]) l(status);
  }

  const unsubscribe = editor.subscribe((state, change) => {
    const touched = edits.change(state, change, opening);
    if (touched) {
      if (!record) {
        record = newRecord(communityId, channelId, keyPrefix());
        slot = draftKey(communityId, channelId);
      }
      record = addEntry(record, touched, docFromDomain(docOfState(state)));
      persist();
      error = null;
      debounce.set(debounceMs, kick);
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
        if (!disposed && pollMs > 0 && !poll.active && !retry.active) {
          poll.set(pollMs, () => {
            needRefresh = true;
            kick();
          });
        }
      });
  }

  function failed(err: unknown): void {
    if (!(err instanceof ApiError)) throw err;
    const conflict = err.conflict;
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
      retry.set(retryDelay(conflict ? attempt : attempt++, random, err.retryAfter, backoff), kick);
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
    if (edits.gestureOpen) {
      needRefresh = true;
      return;
    }
    // An unchanged analysis costs nothing, unless an answer hinted at changes the base lacks.
    const unchanged = res.data.version === record.base?.version && record.entries.length === 0;
    if (unchanged && !staleBase) return;
    staleBase = false;
    const server = docFromDetail(res.data);
    const local = docFromDomain(docOfState(editor.getState()));
    const merged = mergeServer(record, server, res.data.version, local);
    if (!sameDoc(merged.doc, local)) applyDocToEditor(editor, merged.doc, domainFromDetail(res.data));
    record = merged.record;
    persist();
  }

  async function pump(): Promise<void> {
    while (!disposed) {
      if (edits.gestureOpen || debounce.active || retry.active || error !== null || !record) return;
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
        answer = await sendFlight(client, communityId, channelId, flight, record.analysisId);
      } catch (err) {
        if (disposed) return;
        failed(err);
        continue;
      }
      if (disposed) return;
      const acked = ackFlight(record, answer);
      record = acked.record;
      needRefresh ||= acked.stale;
      staleBase ||= acked.stale;
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
    edits.reset(editor.getState());
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
      // Edits made while the analysis loads would be replaced by it: they are not recorded.
      opening = true;
      const loaded = Promise.all([client.get(analysisId), outbox.read(analysisKey(analysisId))]);
      const [res, saved] = await loaded.finally(() => {
        opening = false;
      });
      if (disposed) return;
      const domain = domainFromDetail(res.data);
      const opened = openRecord(saved, res.data, communityId, channelId, keyPrefix);
      // A frozen request is resent as it was; what it missed is fetched once it is answered.
      needRefresh = opened.record.inFlight !== null;
      return adopt(analysisKey(analysisId), opened.record, opened.doc, domain);
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
      debounce.clear();
      retry.clear();
      kick();
    },
    refresh() {
      if (record?.analysisId == null) return;
      needRefresh = true;
      poll.clear();
      kick();
    },
    settled: () => running ?? Promise.resolve(),
    isIdle: () =>
      !running &&
      !debounce.active &&
      !retry.active &&
      !needRefresh &&
      !edits.gestureOpen &&
      (!record || (record.entries.length === 0 && record.inFlight === null)),
    dispose() {
      disposed = true;
      unsubscribe();
      debounce.clear();
      retry.clear();
      poll.clear();
      listeners.clear();
    },
  };
  emit();
  return engine;
}
