// The structure scan of spec §5.4 agrees with JSON.parse on what it counts, and refuses depth,
// value counts and duplicate keys (also spelled with escapes) with the spec's codes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/server/api-error';
import { checkJsonStructure, countMembers, JsonStructureScan } from '../../../src/server/json-structure';

const verdict = (scan: () => void) => {
  try {
    scan();
    return null;
  } catch (e) {
    return e instanceof ApiError ? [e.body.code, e.body.errors?.[0]?.path ?? e.body.message] : String(e);
  }
};
const refusal = (text: string, limits?: { maxDepth: number; maxValues: number }) =>
  verdict(() => checkJsonStructure(text, limits));

// Depth and value count computed from the parsed value: the independent oracle.
function measure(v: unknown, depth = 0): { depth: number; values: number } {
  if (v === null || typeof v !== 'object') return { depth, values: 1 };
  const children = Array.isArray(v) ? v : Object.values(v);
  let d = depth + 1;
  let n = 1;
  for (const c of children) {
    const m = measure(c, depth + 1);
    d = Math.max(d, m.depth);
    n += m.values;
  }
  return { depth: d, values: n };
}

describe('checkJsonStructure', () => {
  it('accepts exactly the values JSON.parse counts and the depth it nests, refusing one more', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value, null, Math.random() < 0.5 ? 0 : 2);
        const { depth, values } = measure(JSON.parse(text));
        expect(refusal(text, { maxDepth: Math.max(depth, 1), maxValues: values })).toBeNull();
        expect(refusal(text, { maxDepth: 64, maxValues: values - 1 })?.[0]).toBe('body_too_complex');
        if (depth > 0)
          expect(refusal(text, { maxDepth: depth - 1, maxValues: 1e9 })?.[0]).toBe('body_too_complex');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses 33 levels of nesting and 100,001 values by default; 32 levels pass', () => {
    expect(refusal(`${'['.repeat(32)}${']'.repeat(32)}`)).toBeNull();
    expect(refusal(`${'['.repeat(33)}${']'.repeat(33)}`)).toEqual([
      'body_too_complex',
      'Request body nests deeper than 32 levels',
    ]);
    expect(refusal(`[${Array(99_999).fill(0).join(',')}]`)).toBeNull();
    expect(refusal(`[${Array(100_000).fill('{}').join(',')}]`)).toEqual([
      'body_too_complex',
      'Request body holds more than 100000 JSON values',
    ]);
  });

  it('duplicate keys in one object → duplicate_key at the repeated key, escapes decoded', () => {
    expect(refusal('{"a":1,"b":{"c":[{"x":1,"y":2,"x":3}]}}')).toEqual(['duplicate_key', ['b', 'c', 0, 'x']]);
    expect(refusal('{"sender":"a","sender":"b"}')).toEqual(['duplicate_key', ['sender']]);
    expect(refusal('{"a":1,"\\u0061":2}')).toEqual(['duplicate_key', ['a']]);
    // Objects with many keys (past the few the scan keeps in a list) are checked all the same.
    const many = Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`);
    expect(refusal(`{${many.join(',')}}`)).toBeNull();
    for (const k of [0, 3, 15, 16, 17, 39])
      expect(refusal(`{${many.join(',')},"k${k}":0}`)).toEqual(['duplicate_key', [`k${k}`]]);
    expect(refusal(`{${many.slice(0, 16).join(',')},"k3":0}`)).toEqual(['duplicate_key', ['k3']]);
    // The same key in sibling objects, and quotes and brackets inside strings, are fine.
    expect(refusal('[{"a":1},{"a":2},{"s":"x\\"y,{[","t":"\\\\"}]')).toBeNull();
  });

  it('gives the same verdict whatever pieces the text arrives in (split inside strings, escapes, keys, numbers)', () => {
    const tricky = [
      '{"a":1,"\\u0061":2}',
      '{"s":"x\\"y","s":3}',
      '[{"k\\\\":"\\\\"},{"k\\\\":1,"k\\\\":2}]',
      '{"long key with spaces":12345.678e-9,"t":true,"n":null,"f":false,"long key with spaces":0}',
    ];
    const texts = fc.oneof(
      fc.constantFrom(...tricky),
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(
        texts,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 1, max: 8 }),
        (text, cuts, depth) => {
          const limits = { maxDepth: depth, maxValues: 40 };
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...at].map((from, i) => text.slice(from, [...at, text.length][i]));
          expect(pieces.join('')).toBe(text);
          const whole = refusal(text, limits);
          const inPieces = verdict(() => {
            const scan = new JsonStructureScan(limits);
            for (const p of pieces) scan.push(p);
          });
          expect(inPieces).toEqual(whole);
        },
      ),
      { numRuns: 500 },
    );
    // Independent of the code under test: the duplicate spelled with an escape, cut inside it.
    const scan = new JsonStructureScan();
    scan.push('{"a":1,"\\u00');
    expect(verdict(() => scan.push('61":2}'))).toEqual(['duplicate_key', ['a']]);
  });
});

describe('counting members', () => {
  it('a counting scan counts every key token, repeats included; countMembers the parsed own keys', () => {
    const text = '{"a":{"b":[{"x":1,"x":2}]},"a":0,"s":"{\\"k\\":1}","e":{},"l":[{"p":1,"q":[{"r":null}]}]}';
    const scan = new JsonStructureScan(undefined, 'count');
    scan.push(text);
    // a, b, x, x, a, s, e, l, p, q, r
    expect(scan.members).toBe(11);
    // JSON.parse keeps the last "a" (0): a, s, e, l, p, q, r
    expect(countMembers(JSON.parse(text))).toBe(7);
    expect(countMembers([1, 'a', null, { __proto__: 1 }])).toBe(0);
    expect(countMembers(JSON.parse('[{"__proto__":{"a":1}}]'))).toBe(2);
  });

  it('a counting scan keeps no keys, so it lets a repeat through but still refuses depth and values', () => {
    const count = (text: string, limits?: { maxDepth: number; maxValues: number }) =>
      verdict(() => new JsonStructureScan(limits, 'count').push(text));
    expect(count('{"a":1,"a":2}')).toBeNull();
    expect(count('[[[1]]]', { maxDepth: 2, maxValues: 10 })?.[0]).toBe('body_too_complex');
    expect(count('[1,2,3]', { maxDepth: 2, maxValues: 3 })?.[0]).toBe('body_too_complex');
  });
});
