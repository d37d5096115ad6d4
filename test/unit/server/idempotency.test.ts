import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, idempotencyScope } from '../../../src/server/idempotency';

const shuffleKeys = (v: unknown, seed: number): unknown => {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, seed));
  if (v === null || typeof v !== 'object') return v;
  const entries = Object.entries(v);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
  return Object.fromEntries(rotated.map(([k, x]) => [k, shuffleKeys(x, seed + 1)]));
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('is the same text for any key order and parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(20), (value, seed) => {
        const text = canonicalJson(value);
        expect(canonicalJson(shuffleKeys(value, seed))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('hashes operation and target with the body', () => {
    const a = idempotencyScope('c', 'k', 'create', 'c/ch1', { x: 1 });
    expect(a.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyScope('c', 'k', 'create', 'c/ch1', { x: 1 }).requestHash).toBe(a.requestHash);
    expect(idempotencyScope('c', 'k', 'create', 'c/ch2', { x: 1 }).requestHash).not.toBe(a.requestHash);
    expect(idempotencyScope('c', 'k', 'append', 'c/ch1', { x: 1 }).requestHash).not.toBe(a.requestHash);
  });
});
