import { describe, expect, it } from 'vitest';
import type { Drawing } from '../../../src/schema/drawings/drawing';
import {
  isUntouched,
  NOTHING_TOUCHED,
  orderChanged,
  rebase,
  renameTouched,
  type Touched,
  touchedBetween,
  unionTouched,
} from '../../../src/sync/rebase';
import type { SyncDoc } from '../../../src/sync/sync-doc';

const h = (id: string, price = 1.1): Drawing => ({
  type: 'HORIZONTAL_LINE',
  clientObjectId: id,
  points: [{ time: '2026-01-08T10:00:00Z', price }],
  style: {},
});
const META = {
  direction: 'BULLISH',
  entryPlacement: 'BELOW_CURRENT',
  title: 'T',
  timeframe: 'H1',
  symbol: 'X',
} as const;
const doc = (drawings: Drawing[], extra: Partial<SyncDoc> = {}): SyncDoc => ({
  metadata: META,
  levels: {},
  drawings,
  ...extra,
});
const touched = (drawings: string[], more: Partial<Touched> = {}): Touched => ({
  drawings,
  levels: [],
  metadata: [],
  ...more,
});
const ids = (d: SyncDoc) => d.drawings.map((x) => `${x.clientObjectId}@${x.points[0]!.price}`);

describe('rebase', () => {
  it('keeps touched drawings local, the rest from the server, in the server order, new local ones on top', () => {
    const base = doc([h('a'), h('b'), h('c')]);
    const server = doc([h('c', 9), h('a', 8), h('b', 7), h('s')]);
    const local = doc([h('a', 2), h('c'), h('n')]);
    const { doc: out, renamed } = rebase(server, local, touched(['a', 'b', 'n']), base);
    // a: local move wins; b: deleted locally stays deleted; c: untouched, server's; s: server's new one.
    expect(ids(out)).toEqual(['c@9', 'a@2', 's@1.1', 'n@1.1']);
    expect(renamed.size).toBe(0);
  });

  it('takes touched metadata fields and levels from local, the others from the server', () => {
    const level = (price: number) => ({ price, clientObjectId: 'p', time: '2026-01-08T10:00:00Z' });
    const server = doc([], {
      metadata: { ...META, title: 'server', comments: 'server note' },
      levels: { pivot: level(2), support: level(1) },
    });
    const local = doc([], { metadata: { ...META, title: 'local' }, levels: { pivot: level(3) } });
    const { doc: out } = rebase(
      server,
      local,
      touched([], { metadata: ['comments'], levels: ['support'] }),
      doc([]),
    );
    expect(out.metadata).toEqual({ ...META, title: 'server' });
    expect(out.levels).toEqual({ pivot: level(2) });
  });

  it('renames a local new drawing whose id another client took meanwhile, but not our own lost write', () => {
    const base = doc([h('a')]);
    const server = doc([h('a'), h('line_1', 5), h('line_2', 6)]);
    const local = doc([h('a'), h('line_1', 1), h('line_2', 6)]);
    const { doc: out, renamed } = rebase(server, local, touched(['line_1', 'line_2']), base, [
      h('line_2', 6),
    ]);
    expect([...renamed]).toEqual([['line_1', 'line_3']]);
    // The renamed drawing keeps its place among this user's own: below line_2, drawn after it.
    expect(ids(out)).toEqual(['a@1.1', 'line_1@5', 'line_3@1', 'line_2@6']);
  });

  it('keeps the local paint order when the user reordered; another client’s drawing stays above its server neighbour', () => {
    const base = doc([h('a'), h('b'), h('c')]);
    // Another client moved a and added s above b.
    const server = doc([h('a', 5), h('b'), h('s'), h('c')]);
    // Here: a brought to front, a new drawing n on top.
    const local = doc([h('b'), h('c'), h('a'), h('n')]);
    const { doc: out } = rebase(server, local, touched(['a', 'n'], { order: true }), base);
    expect(ids(out)).toEqual(['b@1.1', 's@1.1', 'c@1.1', 'a@1.1', 'n@1.1']);
    // Without the reorder touched, the server's order stands (the move of a is still local).
    const { doc: plain } = rebase(server, local, touched(['a', 'n']), base);
    expect(ids(plain)).toEqual(['a@1.1', 'b@1.1', 's@1.1', 'c@1.1', 'n@1.1']);
  });

  it('puts a server-only drawing below every local one when it sat at the bottom on the server', () => {
    const server = doc([h('s'), h('a'), h('b')]);
    const local = doc([h('b'), h('a')]);
    const { doc: out } = rebase(server, local, touched([], { order: true }), doc([h('a'), h('b')]));
    expect(ids(out)).toEqual(['s@1.1', 'b@1.1', 'a@1.1']);
  });
});

describe('orderChanged / touchedBetween', () => {
  const d = (...xs: string[]) => xs.map((id) => ({ id }));
  it('is a reorder only when drawings both lists hold change their relative order', () => {
    expect(orderChanged(d('a', 'b', 'c'), d('a', 'b', 'c'))).toBe(false);
    expect(orderChanged(d('a', 'b'), d('a', 'b', 'c'))).toBe(false); // created
    expect(orderChanged(d('a', 'b', 'c'), d('a', 'c'))).toBe(false); // deleted
    expect(orderChanged(d('a', 'b', 'c'), d('x', 'a', 'c'))).toBe(false); // b deleted, x created below
    expect(orderChanged(d('a', 'b', 'c'), d('b', 'a', 'c'))).toBe(true);
    expect(orderChanged(d('a', 'b', 'c'), d('c', 'a'))).toBe(true); // deleted b and moved c down
  });

  it('marks the order touched in the edit and keeps it through a union; an outbox entry without it reads as false', () => {
    const meta = { ...META } as never;
    const prev = { metadata: meta, levels: {}, drawings: d('a', 'b') } as never;
    const next = { metadata: meta, levels: {}, drawings: d('b', 'a') } as never;
    expect(touchedBetween(prev, next, ['a']).order).toBe(true);
    expect(touchedBetween(prev, prev, ['a']).order).toBeUndefined();
    expect(unionTouched(touched(['x']), touched(['a'], { order: true })).order).toBe(true);
    expect(unionTouched(touched(['x']), touched(['a'])).order).toBeUndefined();
  });
});

describe('rebase: ids, absent fields and levels', () => {
  const level = (id: string, price = 1) => ({ price, clientObjectId: id, time: '2026-01-08T10:00:00Z' });

  it('leaves a metadata field the user removed out of the document, not present as undefined', () => {
    const server = doc([], { metadata: { ...META, comments: 'server note', preferenceText: 'p' } });
    const local = doc([], { metadata: { ...META } });
    const { doc: out } = rebase(server, local, touched([], { metadata: ['comments'] }), doc([]));
    // The wire has no `undefined`: a key that stays would go out as a field the user deleted.
    expect(Object.keys(out.metadata).sort()).toEqual([...Object.keys(META), 'preferenceText'].sort());
  });

  it('without a base (nothing confirmed yet) takes the server’s copy of a touched id as this client’s own', () => {
    const server = doc([h('a', 5)]);
    const local = doc([h('a', 2)]);
    const { doc: out, renamed } = rebase(server, local, touched(['a']));
    expect([ids(out), renamed.size]).toEqual([['a@2'], 0]);
  });

  it('renames past every id already taken: the server’s, this document’s and the levels’', () => {
    const server = doc([h('t')], { levels: { pivot: level('t_1') } });
    const local = doc([h('t', 2), h('t_2')], { levels: { support: level('t_3') } });
    const { renamed } = rebase(server, local, touched(['t']), doc([]));
    expect([...renamed]).toEqual([['t', 't_4']]);
  });

  it.each([
    ['trend_12', 'trend_13'], // the number goes on, whole
    ['trend_2b', 'trend_2b_1'], // not a number at the end: a suffix of its own
    ['a_b_7', 'a_b_8'], // only the last _<n> counts
  ])('renames a clashing %s to %s', (id, next) => {
    const { renamed } = rebase(doc([h(id)]), doc([h(id, 2)]), touched([id]), doc([]));
    expect([...renamed]).toEqual([[id, next]]);
  });

  it('keeps a renamed id within the 64 characters of a clientObjectId', () => {
    const at62 = 'x'.repeat(62);
    const at64 = 'y'.repeat(64);
    const r62 = rebase(doc([h(at62)]), doc([h(at62, 2)]), touched([at62]), doc([])).renamed.get(at62);
    const r64 = rebase(doc([h(at64)]), doc([h(at64, 2)]), touched([at64]), doc([])).renamed.get(at64);
    expect(r62).toBe(`${at62}_1`); // 64 exactly: allowed
    expect(r64).toBe(`${'y'.repeat(62)}_2`); // its tail kept, 64 long, not the id itself
    expect(r64).toHaveLength(64);
  });

  it('drops a drawing whose id a level of the result uses', () => {
    const server = doc([h('p'), h('q')], { levels: { pivot: level('p') } });
    const { doc: out } = rebase(server, doc([h('q')]), touched([]), doc([]));
    expect([ids(out), out.levels.pivot?.clientObjectId]).toEqual([['q@1.1'], 'p']);
  });

  it('in the local order, skips a local drawing the merge no longer holds', () => {
    // b was deleted on the server and is untouched here: it goes, without a hole where it was.
    const server = doc([h('a'), h('c')]);
    const local = doc([h('c'), h('b'), h('a')]);
    const { doc: out } = rebase(server, local, touched([], { order: true }), doc([h('a'), h('b'), h('c')]));
    expect(ids(out)).toEqual(['c@1.1', 'a@1.1']);
  });
});

describe('isUntouched / renameTouched / touchedBetween', () => {
  it('is untouched only with nothing in any set and no reorder', () => {
    expect(isUntouched(NOTHING_TOUCHED)).toBe(true);
    expect(isUntouched(touched([]))).toBe(true);
    expect(isUntouched(touched(['a']))).toBe(false);
    expect(isUntouched(touched([], { levels: ['pivot'] }))).toBe(false);
    expect(isUntouched(touched([], { metadata: ['title'] }))).toBe(false);
    expect(isUntouched(touched([], { order: true }))).toBe(false);
    expect(isUntouched(touched([], { order: false }))).toBe(true);
  });

  it('replaces renamed ids and keeps the rest; with nothing renamed it is the same set', () => {
    const t = touched(['a', 'b'], { levels: ['pivot'], order: true });
    expect(renameTouched(t, new Map())).toBe(t);
    expect(renameTouched(t, new Map([['b', 'b_1']]))).toEqual(
      touched(['a', 'b_1'], { levels: ['pivot'], order: true }),
    );
  });

  it('names only the levels and fields that differ', () => {
    const meta = { ...META } as never;
    const pivot = { price: 1, clientObjectId: 'p', time: '2026-01-08T10:00:00Z' };
    const prev = { metadata: meta, levels: { pivot }, drawings: [] } as never;
    const next = {
      metadata: { ...META, title: 'U' },
      levels: { pivot, support: pivot },
      drawings: [],
    } as never;
    expect(touchedBetween(prev, next, [])).toEqual({
      drawings: [],
      levels: ['support'],
      metadata: ['title'],
    });
    expect(touchedBetween(prev, prev, ['x'])).toEqual({ drawings: ['x'], levels: [], metadata: [] });
  });
});
