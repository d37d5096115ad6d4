import { describe, expect, it } from 'vitest';
import type { Drawing } from '../../../src/schema/drawings/drawing';
import { canonical, patchBody, planChange, type SyncDoc } from '../../../src/sync/sync-doc';

const h = (id: string, price = 1.1): Drawing => ({
  type: 'HORIZONTAL_LINE',
  clientObjectId: id,
  points: [{ time: '2026-01-08T10:00:00Z', price }],
  style: {},
});
const doc = (drawings: Drawing[], extra: Partial<SyncDoc> = {}): SyncDoc => ({
  metadata: {
    direction: 'BULLISH',
    entryPlacement: 'BELOW_CURRENT',
    title: 'T',
    timeframe: 'H1',
    symbol: 'X',
  },
  levels: {},
  drawings,
  ...extra,
});

describe('planChange', () => {
  it('is none for equal documents whatever their key order', () => {
    const a = doc([h('a')]);
    const b = {
      ...a,
      drawings: [{ style: {}, points: a.drawings[0]!.points, clientObjectId: 'a', type: 'HORIZONTAL_LINE' }],
    } as SyncDoc;
    expect(planChange(a, b)).toEqual({ kind: 'none' });
    expect(canonical(a)).toBe(canonical(b));
  });

  it('appends drawings added on top and only those', () => {
    expect(planChange(doc([h('a')]), doc([h('a'), h('b'), h('c')]))).toEqual({
      kind: 'append',
      drawings: [h('b'), h('c')],
    });
  });

  it('PATCHes when an existing drawing moved, one was deleted, the order or the metadata changed', () => {
    const base = doc([h('a'), h('b')]);
    expect(planChange(base, doc([h('a', 2), h('b'), h('c')])).kind).toBe('patch');
    expect(planChange(base, doc([h('a')])).kind).toBe('patch');
    expect(planChange(base, doc([h('b'), h('a'), h('c')])).kind).toBe('patch');
    expect(
      planChange(base, doc([h('a'), h('b'), h('c')], { metadata: { ...base.metadata, title: 'U' } })).kind,
    ).toBe('patch');
    const level = { price: 1, clientObjectId: 'p', time: '2026-01-08T10:00:00Z' };
    expect(planChange(base, doc([h('a'), h('b'), h('c')], { levels: { pivot: level } })).kind).toBe('patch');
  });

  it('PATCHes when more than 500 drawings would be appended at once', () => {
    const many = Array.from({ length: 501 }, (_, i) => h(`d${i}`));
    expect(planChange(doc([]), doc(many)).kind).toBe('patch');
    expect(planChange(doc([]), doc(many.slice(0, 500))).kind).toBe('append');
  });
});

describe('patchBody', () => {
  it('always carries the whole drawing set; metadata and levels only when changed, cleared with null', () => {
    const base = doc([h('a')], {
      metadata: { ...doc([]).metadata, comments: 'c', expiry: { type: 'HOURS', hours: 2 } },
      levels: { pivot: { price: 1, clientObjectId: 'p', time: '2026-01-08T10:00:00Z' } },
    });
    expect(patchBody('s@x.io', base, { ...base, drawings: [h('a', 3)] })).toEqual({
      sender: 's@x.io',
      drawings: [h('a', 3)],
    });
    const next = { ...base, metadata: { ...doc([]).metadata, title: 'New' }, levels: {} };
    expect(patchBody('s@x.io', base, next)).toEqual({
      sender: 's@x.io',
      drawings: [h('a')],
      metadata: { title: 'New', preferenceText: null, alternativeText: null, comments: null, expiry: null },
      levels: { support: null, pivot: null, resistance: null },
    });
  });
});
