// The sync engine's shell: feeds editor changes, timers and answers into the pure transition of
// `engine-state.ts` and carries out the effects it returns (outbox writes in order, one request at
// a time, timers, editor updates). Every decision lives in the transition; this file only does I/O.
import type { ChangeRecord, EditorState } from '../editor/types';
import { ApiError } from './api-error';
import { DEFAULT_BACKOFF } from './backoff';
import { docOfState, EditTracker } from './edit-tracker';
import { applyDocToEditor } from './editor-bridge';
import type { SyncEngine, SyncEngineOptions, Timers } from './engine-api';
import {
  type Effect,
  type EngineConfig,
  type EngineEvent,
  type EngineState,
  type Failure,
  type Gesture,
  INITIAL_STATE,
  isIdle,
  pendingCount,
  statusOf,
  type TimerName,
  transition,
} from './engine-state';
import { analysisKey, draftKey } from './outbox';
import { idsInRecord, openRecord } from './outbox-record';
import { sendFlight } from './send-flight';
import { type SyncStatus, statusText } from './status';
import { docFromDetail, docFromDomain, domainFromDetail } from './sync-doc';
import { GLOBAL_TIMERS, TimerSlot } from './timer-slot';
import { parseTime } from '../core/wire/time';
import type { UtcSeconds } from '../core/units';

/** An API failure as the transition sees it; anything else is a crash. */
function failureOf(err: unknown): Failure | null {
  if (!(err instanceof ApiError)) return null;
  return {
    status: err.status,
    conflict: err.conflict,
    retryable: err.retryable,
    ...(err.retryAfter === undefined ? {} : { retryAfter: err.retryAfter }),
    text: `${err.message} (${err.status} ${err.code})`,
  };
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Binds a sync engine to an editor. Call `open(id)` or `resumeDraft()` before editing, or start a new draft. */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { editor, client, outbox, communityId, channelId } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const timers: Timers = options.timers ?? GLOBAL_TIMERS;
  const config: EngineConfig = {
    communityId,
    channelId,
    sender: options.sender,
    debounceMs: options.debounceMs ?? 400,
    pollMs: options.pollMs ?? 0,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    random,
  };

  let state: EngineState = INITIAL_STATE;
  const edits = new EditTracker(editor.getState());
  const slots: Record<TimerName, TimerSlot> = {
    debounce: new TimerSlot(timers),
    retry: new TimerSlot(timers),
    poll: new TimerSlot(timers),
  };
  /** Outbox writes chain here so they land in order, and a request waits for the write before it. */
  let lastWrite: Promise<void> = Promise.resolve();
  /** The request on the wire and the handling of its answer. */
  let busy: Promise<void> | null = null;
  /** True while the editor is being loaded with a document: its change is not a local edit. */
  let loadingEditor = false;
  const queue: EngineEvent[] = [];
  let dispatching = false;
  let lastText = '';
  const listeners = new Set<(s: SyncStatus) => void>();
  // When the server created the analysis (HOURS expiry counts from it), from its last detail.
  let createdAt: UtcSeconds | null = null;
  const seen = (detail: { readonly createdAt: string }): void => {
    createdAt = parseTime(detail.createdAt) ?? createdAt;
  };

  const keyPrefix = () => `cm${now().toString(36)}${Math.floor(random() * 36 ** 8).toString(36)}`;
  const disposed = () => state.life === 'disposed';

  function emit(): void {
    const status = statusOf(state);
    const text = statusText(status);
    if (text === lastText) return;
    lastText = text;
    for (const l of [...listeners]) l(status);
  }

  /** Runs events one at a time: an effect that causes an event (an editor update) queues it. */
  function dispatch(event: EngineEvent): void {
    queue.push(event);
    if (dispatching) return;
    dispatching = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        let step: ReturnType<typeof transition>;
        try {
          step = transition(state, next, config);
        } catch (err) {
          // A broken invariant in a rule: stop sending and say so instead of looping.
          step = transition(state, { type: 'crashed', message: messageOf(err) }, config);
        }
        state = step.state;
        for (const effect of step.effects) run(effect);
      }
    } finally {
      dispatching = false;
    }
    emit();
  }

  function request<T>(io: () => Promise<T>, done: (value: T) => EngineEvent): void {
    const p = io().then(
      (value) => (disposed() ? undefined : dispatch(done(value))),
      (err: unknown) => {
        if (disposed()) return;
        const failure = failureOf(err);
        dispatch(failure ? { type: 'failed', failure } : { type: 'crashed', message: messageOf(err) });
      },
    );
    busy = p.finally(() => {
      if (busy === tracked) busy = null;
    });
    const tracked = busy;
  }

  function run(effect: Effect): void {
    switch (effect.type) {
      case 'persist': {
        const write = outbox.write(effect.key, effect.record);
        // The chain only orders writes: a failed one is reported once, here, and the chain goes
        // on (a rejection left in it would surface as an unhandled rejection in the page).
        lastWrite = lastWrite.then(() => write).catch(() => {});
        write.then(
          // Only after a failure: a stored write is otherwise no news.
          () => state.storeError !== null && !disposed() && dispatch({ type: 'outboxStored' }),
          (err: unknown) => dispatch({ type: 'outboxFailed', message: messageOf(err) }),
        );
        return;
      }
      case 'remove':
        lastWrite = lastWrite
          .then(() => outbox.remove(effect.key))
          .catch((err: unknown) => dispatch({ type: 'outboxFailed', message: messageOf(err) }));
        return;
      case 'setTimer':
        slots[effect.name].set(effect.ms, () => dispatch({ type: 'timer', name: effect.name }));
        return;
      case 'clearTimer':
        slots[effect.name].clear();
        return;
      case 'send': {
        const { flight, analysisId } = effect;
        // Persisted before sent: a crash after this point resends the same request.
        const written = lastWrite.catch(() => {});
        request(
          () =>
            written.then(() => {
              // Disposed while the write landed: the next engine resends it from the outbox.
              if (disposed()) throw new Error('sync engine: disposed');
              return sendFlight(client, communityId, channelId, flight, analysisId);
            }),
          (answer) => {
            if (answer.op === 'create') seen(answer.detail);
            return { type: 'sent', answer };
          },
        );
        return;
      }
      case 'fetch':
        request(
          () => client.get(effect.analysisId),
          (res) => {
            seen(res.data);
            return {
              type: 'fetched',
              version: res.data.version,
              server: docFromDetail(res.data),
              preferred: domainFromDetail(res.data),
              local: docFromDomain(docOfState(editor.getState())),
            };
          },
        );
        return;
      case 'show':
        if (effect.renamed) editor.renameDrawings(effect.renamed);
        if (!effect.load) {
          applyDocToEditor(editor, effect.doc, effect.preferred);
          return;
        }
        loadingEditor = true;
        try {
          applyDocToEditor(editor, effect.doc, effect.preferred, true);
        } finally {
          loadingEditor = false;
        }
        edits.reset(editor.getState());
        return;
    }
  }

  const gestureOf = (): Gesture => (edits.gesturePending ? 'pending' : edits.gestureOpen ? 'open' : 'none');

  const unsubscribe = editor.subscribe((next: EditorState, change: ChangeRecord) => {
    if (disposed()) return;
    const ignore = loadingEditor || state.life === 'loading';
    const touched = edits.change(next, change, ignore);
    dispatch({
      type: 'changed',
      gesture: gestureOf(),
      edit: touched ? { touched, doc: docFromDomain(docOfState(next)) } : null,
      keyPrefix: touched && !state.record ? keyPrefix() : null,
    });
  });

  const engine: SyncEngine = {
    get analysisId() {
      return state.record?.analysisId ?? null;
    },
    get createdAt() {
      return createdAt;
    },
    get status() {
      return statusOf(state);
    },
    get pending() {
      return pendingCount(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async open(analysisId) {
      // Edits made while the analysis loads would be replaced by it: they are not recorded.
      dispatch({ type: 'loading' });
      let loaded: Awaited<ReturnType<typeof load>>;
      const load = () => Promise.all([client.get(analysisId), outbox.read(analysisKey(analysisId))]);
      try {
        loaded = await load();
      } catch (err) {
        dispatch({ type: 'loadAbandoned' });
        throw err;
      }
      if (disposed()) return;
      const [res, saved] = loaded;
      seen(res.data);
      const opened = openRecord(saved, res.data, communityId, channelId, keyPrefix);
      if (saved) editor.reserveIds(idsInRecord(saved));
      editor.reserveIds(idsInRecord(opened.record));
      // A frozen request is resent as it was; what it missed is fetched once it is answered.
      dispatch({
        type: 'adopted',
        slot: analysisKey(analysisId),
        record: opened.record,
        doc: opened.doc,
        renamed: opened.renamed,
        preferred: domainFromDetail(res.data),
        refresh: opened.record.inFlight !== null ? 'wanted' : 'none',
      });
    },
    async resumeDraft() {
      const key = draftKey(communityId, channelId);
      const saved = await outbox.read(key);
      if (disposed() || !saved || (saved.entries.length === 0 && !saved.inFlight)) return false;
      const doc = saved.desired ?? saved.inFlight?.doc;
      if (!doc) return false;
      editor.reserveIds(idsInRecord(saved));
      dispatch({ type: 'adopted', slot: key, record: saved, doc, preferred: null });
      return true;
    },
    flush: () => dispatch({ type: 'flush' }),
    refresh: () => dispatch({ type: 'refresh' }),
    async settled() {
      while (busy) await busy;
    },
    isIdle: () => busy === null && isIdle(state),
    dispose() {
      dispatch({ type: 'dispose' });
      unsubscribe();
      listeners.clear();
    },
  };
  emit();
  return engine;
}
