import { describe, expect, it } from 'vitest';
import type { Drawing } from '../../../src/schema/drawings/drawing';
import { orderChanged, rebase, type Touched, touchedBetween, unionTouched } from '../../../src/sync/rebase';
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
