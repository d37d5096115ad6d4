import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameJson } from '../../../../src/server/analysis/same-json';
import { canonicalJson } from '../../../../src/server/idempotency';

describe('sameJson', () => {
  it('ignores key order and undefined members, not array order or types', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, x: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameJson({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(undefined, null)).toBe(false);
  });

  it('agrees with comparing canonical JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameJson(a, JSON.parse(canonicalJson(a)))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
