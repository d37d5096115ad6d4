// The engine's rules as a pure transition: events in, next state and effects out. No clock, no
// timers, no server — each rule checked by feeding events by hand.
import { describe, expect, it } from 'vitest';
import {
  type EngineConfig,
  type EngineEvent,
  type EngineState,
  type Failure,
  INITIAL_STATE,
  isIdle,
  statusOf,
  transition,
} from '../../../src/sync/engine-state';
import type { SyncDoc } from '../../../src/sync/sync-doc';
import { detailOf, doc, hline, touched } from './docs';

const COMMUNITY = '6502c9e514a3e564c5c09c0a';
const CHANNEL = '6502c9e514a3e564c5c09c0b';
const ID = '6502c9e514a3e564c5c09c0c';
const DRAFT = `draft:${COMMUNITY}/${CHANNEL}`;

const config: EngineConfig = {
  communityId: COMMUNITY,
  channelId: CHANNEL,
  sender: 'trader@example.com',
  debounceMs: 400,
  pollMs: 0,
  backoff: { baseMs: 500, capMs: 30_000 },
  random: () => 0.5,
};

const line = hline;

/** The server's detail of `d` at `version` (what a Create or GET answers). */
const detail = (d: SyncDoc, version: number) =>
  detailOf(d, version, { id: ID, communityId: COMMUNITY, channelId: CHANNEL, sender: 'trader@example.com' });

/** Runs events in order, returning the last state and every effect, by type. */
function play(events: readonly EngineEvent[], from: EngineState = INITIAL_STATE) {
  let state = from;
  const effects: string[] = [];
  let last: ReturnType<typeof transition>['effects'] = [];
  for (const e of events) {
    const step = transition(state, e, config);
    state = step.state;
    last = step.effects;
    for (const fx of step.effects)
      effects.push(
        fx.type === 'setTimer' || fx.type === 'clearTimer'
          ? `${fx.type} ${fx.name}${fx.type === 'setTimer' ? ` ${fx.ms}` : ''}`
          : fx.type === 'persist' || fx.type === 'remove'
            ? `${fx.type} ${fx.key}`
            : fx.type === 'send'
              ? `send ${fx.flight.op}`
              : fx.type,
      );
  }
  return { state, effects, last };
}

const edit = (d: SyncDoc, ...ids: string[]): EngineEvent => ({
  type: 'changed',
  gesture: 'none',
  edit: { touched: touched(...ids), doc: d },
  keyPrefix: 'cmkey',
});
const debounced: EngineEvent = { type: 'timer', name: 'debounce' };
const fail = (status: number, extra: Partial<Failure> = {}): EngineEvent => ({
  type: 'failed',
  failure: {
    status,
    conflict: status === 412,
    retryable: status === 0 || status >= 500 || [408, 409, 412, 429].includes(status),
    text: `failed (${status})`,
    ...extra,
  },
});
const one = doc(line('hline_1', 150));
const created: EngineEvent = {
  type: 'sent',
  answer: { op: 'create', detail: detail(one, 1), replayed: false },
};

describe('sync engine transition', () => {
  it('records a first edit as a new draft: saved under the draft key, debounce armed, nothing sent', () => {
    const { state, effects } = play([edit(one, 'hline_1')]);
    expect(effects).toEqual([`persist ${DRAFT}`, 'setTimer debounce 400']);
    expect(state.record?.entries.map((e) => e.seq)).toEqual([1]);
    expect(state.wire).toEqual({ kind: 'idle' });
    expect(statusOf(state)).toEqual({ kind: 'saving' });
  });

  it('refuses a first edit without a key prefix (a new draft needs one)', () => {
    expect(() =>
      transition(
        INITIAL_STATE,
        { type: 'changed', gesture: 'none', edit: { touched: touched(), doc: one }, keyPrefix: null },
        config,
      ),
    ).toThrow('sync engine: a new draft needs a key prefix');
  });

  it('an outbox that cannot store is shown but blocks nothing: the Create still goes; a stored write clears it', () => {
    const storeFailed: EngineEvent = { type: 'outboxFailed', message: 'QuotaExceededError: storage full' };
    const { state, last } = play([edit(one, 'hline_1'), storeFailed, debounced]);
    expect(last.map((f) => f.type)).toEqual(['persist', 'send']);
    expect(statusOf(state)).toEqual({ kind: 'error', message: 'outbox: QuotaExceededError: storage full' });
    const stored = play([{ type: 'outboxStored' }], state).state;
    expect(statusOf(stored)).toEqual({ kind: 'saving' });
    // A refusal by the server still wins over it, and still blocks.
    const refused = play([fail(400), storeFailed], state).state;
    expect(statusOf(refused)).toEqual({ kind: 'error', message: 'failed (400)' });
  });

  it('sends the Create once the debounce ends, frozen in the record before it goes', () => {
    const { state, last } = play([edit(one, 'hline_1'), debounced]);
    expect(last.map((f) => f.type)).toEqual(['persist', 'send']);
    expect(state.wire.kind).toBe('sending');
    expect(state.record?.inFlight?.op).toBe('create');
    expect(state.record?.inFlight?.body).toMatchObject({ idempotencyKey: 'cmkey-create' });
  });

  it('sends nothing while a gesture is open, and does not lose the debounce', () => {
    const open: EngineEvent = { type: 'changed', gesture: 'pending', edit: null, keyPrefix: null };
    const { state, effects } = play([edit(one, 'hline_1'), open, debounced]);
    expect(effects).not.toContain('send create');
    expect(statusOf(state)).toEqual({ kind: 'saving' });
    expect(isIdle(state)).toBe(false);
  });

  it('moves a confirmed draft to its analysis key: write the new key, then remove the draft', () => {
    const { state, last } = play([edit(one, 'hline_1'), debounced, created]);
    expect(last).toEqual([
      { type: 'persist', key: `analysis:${ID}`, record: state.record },
      { type: 'remove', key: DRAFT },
    ]);
    expect(state.record?.base?.version).toBe(1);
    expect(state.record?.entries).toEqual([]);
    expect(statusOf(state)).toEqual({ kind: 'saved', version: 1 });
    expect(isIdle(state)).toBe(true);
  });

  it('waits Retry-After on a 503 and keeps the frozen request for the retry', () => {
    const { state, last } = play([edit(one, 'hline_1'), debounced, fail(503, { retryAfter: 7 })]);
    expect(last).toEqual([{ type: 'setTimer', name: 'retry', ms: 7000 }]);
    expect(state.record?.inFlight?.op).toBe('create');
    expect(state.failures).toBe(1);
    const again = play([{ type: 'timer', name: 'retry' }], state);
    expect(again.effects).toEqual(['send create']);
  });

  it('backs off exponentially with jitter on repeated network failures and shows offline with the pending count', () => {
    const { state, effects } = play([
      edit(one, 'hline_1'),
      debounced,
      fail(0),
      { type: 'timer', name: 'retry' },
      fail(0),
    ]);
    // random 0.5: half the ceiling, 500 ms then 1000 ms.
    expect(effects.filter((e) => e.startsWith('setTimer retry'))).toEqual([
      'setTimer retry 250',
      'setTimer retry 500',
    ]);
    expect(statusOf(state)).toEqual({ kind: 'offline', pending: 1 });
  });

  it('on a 412 drops the frozen PATCH and fetches the server first; the fourth conflict in a row backs off', () => {
    const saved = play([edit(one, 'hline_1'), debounced, created]).state;
    const moved = doc(line('hline_1', 151));
    const patching = play([edit(moved, 'hline_1'), debounced], saved).state;
    expect(patching.record?.inFlight?.op).toBe('patch');
    const first = play([fail(412)], patching);
    expect(first.last.map((f) => f.type)).toEqual(['persist', 'fetch']);
    expect(first.state.record?.inFlight).toBeNull();
    expect(first.state.refresh).toBe('wanted');
    let s = patching;
    const kinds: string[] = [];
    for (let i = 0; i < 4; i++) {
      s = play([fail(412)], s).state;
      kinds.push(s.timers.retry ? 'retry' : s.wire.kind);
      // The fetch answers with the same server document; the rebased edit is sent again.
      if (s.wire.kind === 'fetching') {
        s = play(
          [
            {
              type: 'fetched',
              version: 2,
              server: one,
              preferred: { metadata: {}, levels: {}, drawings: [] } as never,
              local: moved,
            },
          ],
          s,
        ).state;
      }
    }
    expect(kinds).toEqual(['fetching', 'fetching', 'fetching', 'retry']);
  });

  it('stops on a 400: error shown, frozen request dropped, edits kept; the next edit clears it', () => {
    const { state } = play([edit(one, 'hline_1'), debounced, fail(400)]);
    expect(statusOf(state)).toEqual({ kind: 'error', message: 'failed (400)' });
    expect(state.record?.inFlight).toBeNull();
    expect(state.record?.entries.length).toBe(1);
    expect(play([{ type: 'flush' }], state).effects).toEqual([]);
    const next = play([edit(doc(line('hline_1', 152)), 'hline_1')], state).state;
    expect(next.error).toBeNull();
  });

  it('merges a fetched server document after the gesture, not during it', () => {
    const saved = play([edit(one, 'hline_1'), debounced, created]).state;
    const fetching = play([{ type: 'refresh' }], saved);
    expect(fetching.effects).toEqual(['fetch']);
    const theirs = doc(line('hline_1', 150), line('other_1', 120));
    const answer: EngineEvent = {
      type: 'fetched',
      version: 2,
      server: theirs,
      preferred: null as never,
      local: one,
    };
    const during = play(
      [{ type: 'changed', gesture: 'open', edit: null, keyPrefix: null }, answer],
      fetching.state,
    );
    expect(during.last).toEqual([]);
    expect(during.state.refresh).toBe('wanted');
    const after = play([answer], fetching.state);
    expect(after.last.map((f) => f.type)).toEqual(['show', 'persist']);
    expect(after.state.record?.base?.version).toBe(2);
  });

  it('arms the poll timer when idle (pollMs > 0) and fetches when it fires', () => {
    const polling = { ...config, pollMs: 5000 };
    const saved = play([edit(one, 'hline_1'), debounced, created]).state;
    const flushed = transition(saved, { type: 'flush' }, polling);
    expect(flushed.effects).toEqual([{ type: 'setTimer', name: 'poll', ms: 5000 }]);
    const fired = transition(flushed.state, { type: 'timer', name: 'poll' }, polling);
    expect(fired.effects).toEqual([{ type: 'fetch', analysisId: ID }]);
  });

  it('ignores every event after dispose, having cleared its timers', () => {
    const { state, last } = play([edit(one, 'hline_1'), { type: 'dispose' }]);
    expect(last).toEqual([{ type: 'clearTimer', name: 'debounce' }]);
    expect(play([debounced, created, edit(one, 'hline_1')], state)).toMatchObject({ state, effects: [] });
  });

  it('does not record edits while loading, and starts sending once the record is adopted', () => {
    const loading = play([{ type: 'loading' }, debounced]);
    expect(loading.effects).toEqual([]);
    const record = play([edit(one, 'hline_1')]).state.record;
    if (!record) throw new Error('no record');
    const adopted = play(
      [{ type: 'adopted', slot: DRAFT, record, doc: one, preferred: null }],
      loading.state,
    );
    expect(adopted.effects).toEqual(['show', `persist ${DRAFT}`, `persist ${DRAFT}`, 'send create']);
    expect(adopted.state.life).toBe('live');
  });
});

describe('isIdle: nothing pending, on the wire or waiting on a timer (polling aside)', () => {
  const saved = play([edit(one, 'hline_1'), debounced, created]).state;
  const noTimers = { debounce: false, retry: false, poll: false };
  const sending = play([edit(doc(line('hline_1', 151)), 'hline_1'), debounced], saved).state;

  it('a fresh engine and a confirmed analysis are idle, polling or not', () => {
    expect(isIdle(INITIAL_STATE)).toBe(true);
    expect(isIdle(saved)).toBe(true);
    expect(isIdle({ ...saved, timers: { ...noTimers, poll: true } })).toBe(true);
  });

  it.each<[string, Partial<EngineState>]>([
    ['a fetch on the wire', { wire: { kind: 'fetching', analysisId: ID } }],
    ['the debounce set', { timers: { ...noTimers, debounce: true } }],
    ['a retry set', { timers: { ...noTimers, retry: true } }],
    ['a fetch wanted', { refresh: 'wanted' }],
    ['a gesture open', { gesture: 'open' }],
    ['a gesture with changes', { gesture: 'pending' }],
    ['an entry not yet sent', { record: play([edit(one, 'hline_1')]).state.record }],
    ['a frozen request, its entries acknowledged', { record: { ...sending.record!, entries: [] } }],
  ])('is not idle with %s', (_what, change) => {
    expect(isIdle({ ...saved, ...change })).toBe(false);
  });
});

describe('statusOf', () => {
  const saved = play([edit(one, 'hline_1'), debounced, created]).state;

  it('a gesture with changes counts as one pending edit', () => {
    expect(statusOf({ ...saved, gesture: 'open' })).toEqual({ kind: 'saved', version: 1 });
    expect(statusOf({ ...saved, gesture: 'pending' })).toEqual({ kind: 'saving' });
    expect(statusOf({ ...saved, gesture: 'pending', offline: true })).toEqual({
      kind: 'offline',
      pending: 1,
    });
  });

  it('a frozen request is saving even once no entry is left', () => {
    const sending = play([edit(doc(line('hline_1', 151)), 'hline_1'), debounced], saved).state;
    expect(statusOf({ ...sending, record: { ...sending.record!, entries: [] } })).toEqual({ kind: 'saving' });
  });

  it('a missing title holds only a draft not yet sent; a saved analysis or a Create in flight is not "incomplete"', () => {
    const untitled = doc(line('hline_1', 151));
    const noTitle = { ...untitled, metadata: { ...untitled.metadata, title: '' } } as SyncDoc;
    expect(statusOf(play([edit(noTitle, 'hline_1')]).state)).toEqual({
      kind: 'incomplete',
      missing: ['title'],
    });
    expect(statusOf(play([edit(noTitle, 'hline_1')], saved).state)).toEqual({ kind: 'saving' });
    const creating = play([edit(one, 'hline_1'), debounced, edit(noTitle, 'hline_1')]).state;
    expect(creating.record?.inFlight?.op).toBe('create');
    expect(statusOf(creating)).toEqual({ kind: 'saving' });
  });
});

describe('sync engine transition: guards and recoveries', () => {
  const saved = play([edit(one, 'hline_1'), debounced, created]).state;
  const polling = { ...config, pollMs: 5000 };

  it('sends nothing more while a request is on the wire, nor while an analysis loads', () => {
    const sending = play([edit(one, 'hline_1'), debounced]).state;
    expect(sending.wire.kind).toBe('sending');
    expect(play([{ type: 'flush' }], sending).effects).toEqual([]);
    const pending = play([edit(one, 'hline_1')]).state;
    expect(play([{ type: 'loading' }, { type: 'flush' }], pending).effects).toEqual(['clearTimer debounce']);
  });

  it('a draft polled while incomplete sends its Create once complete (a draft has nothing to fetch)', () => {
    const noTitle = { ...one, metadata: { ...one.metadata, title: '' } } as SyncDoc;
    let s = transition(INITIAL_STATE, edit(noTitle, 'hline_1'), polling).state;
    s = transition(s, debounced, polling).state;
    expect(s.timers.poll).toBe(true);
    s = transition(s, { type: 'timer', name: 'poll' }, polling).state;
    const done = transition(s, edit(one, 'hline_1'), polling).state;
    const step = transition(done, debounced, polling);
    expect(step.effects.map((f) => f.type)).toEqual(['persist', 'send']);
  });

  it('refresh: nothing to do for a draft; a saved analysis stops polling and fetches', () => {
    expect(transition(INITIAL_STATE, { type: 'refresh' }, polling).effects).toEqual([]);
    const idle = transition(saved, { type: 'flush' }, polling).state;
    expect(idle.timers.poll).toBe(true);
    expect(transition(idle, { type: 'refresh' }, polling).effects).toEqual([
      { type: 'clearTimer', name: 'poll' },
      { type: 'fetch', analysisId: ID },
    ]);
  });

  it('a 503 is not offline; an answer after a network failure clears offline', () => {
    expect(statusOf(play([edit(one, 'hline_1'), debounced, fail(503)]).state)).toEqual({ kind: 'saving' });
    const offline = play([edit(one, 'hline_1'), debounced, fail(0)]).state;
    expect(statusOf(offline)).toEqual({ kind: 'offline', pending: 1 });
    const back = play([{ type: 'timer', name: 'retry' }, created], offline).state;
    expect(statusOf(back)).toEqual({ kind: 'saved', version: 1 });
  });

  it('a refusal after a network failure is not offline once the next edit clears the error', () => {
    const refused = play([
      edit(one, 'hline_1'),
      debounced,
      fail(0),
      { type: 'timer', name: 'retry' },
      fail(400),
    ]);
    expect(statusOf(refused.state)).toEqual({ kind: 'error', message: 'failed (400)' });
    const next = play([edit(doc(line('hline_1', 152)), 'hline_1')], refused.state).state;
    expect(statusOf(next)).toEqual({ kind: 'saving' });
  });

  it('a fetch that brings the same version costs nothing; after a replay it is merged', () => {
    const fetching = play([{ type: 'refresh' }], saved).state;
    const same: EngineEvent = {
      type: 'fetched',
      version: 1,
      server: one,
      preferred: null as never,
      local: one,
    };
    const quiet = play([same], fetching);
    expect(quiet.last).toEqual([]);
    expect(quiet.state.refresh).toBe('none');
    // A replayed answer says the server may hold what this client has not seen, even at this version.
    const theirs = doc(line('hline_1', 150), line('other_1', 120));
    const stale = { ...fetching, refresh: 'stale' as const };
    const merged = play([{ ...same, server: theirs }], stale);
    expect(merged.last.map((f) => f.type)).toEqual(['show', 'persist']);
    expect(merged.state.refresh).toBe('none');
  });

  it('a fetch answered after a network failure clears offline', () => {
    const fetching = play([{ type: 'refresh' }], saved).state;
    const offline = play([fail(0), { type: 'timer', name: 'retry' }], fetching).state;
    expect(offline.wire.kind).toBe('fetching');
    expect(statusOf({ ...offline, record: { ...offline.record!, entries: [] } })).toMatchObject({
      kind: 'offline',
    });
    const theirs = doc(line('hline_1', 150), line('other_1', 120));
    const answer: EngineEvent = {
      type: 'fetched',
      version: 2,
      server: theirs,
      preferred: null as never,
      local: one,
    };
    expect(statusOf(play([answer], offline).state)).toEqual({ kind: 'saved', version: 2 });
  });

  it('an adopted record with a refresh need fetches before sending anything', () => {
    const record = saved.record!;
    const step = transition(
      INITIAL_STATE,
      { type: 'adopted', slot: `analysis:${ID}`, record, doc: one, preferred: null, refresh: 'wanted' },
      config,
    );
    expect(step.effects.map((f) => f.type)).toEqual(['show', 'persist', 'fetch']);
  });
});

describe('sync engine transition: what a replay and a conflict leave behind', () => {
  const saved = play([edit(one, 'hline_1'), debounced, created]).state;
  const moved = doc(line('hline_1', 151));

  it('a replayed PATCH answer makes the next fetch merge even at the version it names', () => {
    const patching = play([edit(moved, 'hline_1'), debounced], saved).state;
    const replayed = play([{ type: 'sent', answer: { op: 'patch', version: 2, replayed: true } }], patching);
    expect(replayed.last.map((f) => f.type)).toEqual(['persist', 'fetch']);
    const theirs = doc(line('hline_1', 151), line('other_1', 120));
    const answer: EngineEvent = {
      type: 'fetched',
      version: 2,
      server: theirs,
      preferred: null as never,
      local: moved,
    };
    expect(play([answer], replayed.state).last.map((f) => f.type)).toEqual(['show', 'persist']);
  });

  it('a 412 after a network failure is no longer offline', () => {
    const patching = play([edit(moved, 'hline_1'), debounced], saved).state;
    const offline = play([fail(0), { type: 'timer', name: 'retry' }], patching).state;
    expect(statusOf(offline)).toEqual({ kind: 'offline', pending: 1 });
    expect(statusOf(play([fail(412)], offline).state)).toEqual({ kind: 'saving' });
  });
});
