import { describe, expect, it } from 'vitest';
import type { Drawing } from '../../../src/schema/drawings/drawing';
import { MAX_APPEND } from '../../../src/schema/limits';
import {
  canonical,
  docFromDomain,
  domainFromDoc,
  patchBody,
  planChange,
  type SyncDoc,
} from '../../../src/sync/sync-doc';

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

describe('domainFromDoc / docFromDomain', () => {
  const pivot = { price: 2, clientObjectId: 'p', time: '2026-01-08T10:00:00Z' };
  const resistance = { price: 3, clientObjectId: 'r', time: '2026-01-08T11:00:00Z' };

  it('reads levels and drawings into the engine’s units and writes the same document back', () => {
    const wire = doc([h('a', 1.25)], { levels: { pivot, resistance } });
    const domain = domainFromDoc(wire);
    // Time inside the engine is UTC seconds.
    expect(domain.levels.pivot).toMatchObject({
      price: 2,
      id: 'p',
      time: Date.UTC(2026, 0, 8, 10) / 1000,
    });
    expect(domain.levels.support).toBeUndefined();
    expect(domain.drawings.map((d) => [d.id, d.points[0]!.time])).toEqual([
      ['a', Date.UTC(2026, 0, 8, 10) / 1000],
    ]);
    expect(domain.metadata.title).toBe('T');
    expect(canonical(docFromDomain(domain))).toBe(canonical(wire));
  });

  it('leaves the server’s persisted ids out of the sync document', () => {
    const domain = domainFromDoc(doc([h('a')], { levels: { pivot } }));
    const withIds = {
      ...domain,
      levels: { pivot: { ...domain.levels.pivot!, persistedId: '6502c9e514a3e564c5c09c0f' } },
      drawings: domain.drawings.map((d) => ({ ...d, persistedId: '6502c9e514a3e564c5c09c0e' })),
    };
    expect(canonical(docFromDomain(withIds))).toBe(canonical(doc([h('a')], { levels: { pivot } })));
  });
});

describe('canonical', () => {
  it('sorts keys at every depth, keeps arrays in order and nulls as null', () => {
    expect(canonical({ b: [2, { d: 1, c: null }], a: null })).toBe('{"a":null,"b":[2,{"c":null,"d":1}]}');
  });

  it('leaves out an empty style only: a style with values and other empty objects stay', () => {
    expect(canonical({ x: 1, style: {} })).toBe('{"x":1}');
    expect(canonical({ x: 1, style: { color: '#fff' } })).toBe('{"style":{"color":"#fff"},"x":1}');
    expect(canonical({ x: 1, other: {} })).toBe('{"other":{},"x":1}');
  });
});

describe('planChange limits', () => {
  it('patches instead of appending more drawings than one append may carry', () => {
    const base = doc([h('a')]);
    const many = Array.from({ length: MAX_APPEND + 1 }, (_, i) => h(`n${i}`));
    expect(planChange(base, doc([h('a'), ...many]))).toEqual({ kind: 'patch' });
    expect(planChange(base, doc([h('a'), ...many.slice(1)]))).toMatchObject({ kind: 'append' });
  });
});
