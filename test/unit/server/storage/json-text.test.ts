import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, stringifyWith, withJsonText } from '../../../../src/server/storage/json-text';

describe('stringifyWith', () => {
  it('equals JSON.stringify with one member given as text, omitting what JSON.stringify omits', () => {
    const obj = { a: 1, skip: undefined, fn: () => 1, b: [1, 'x'], c: null, d: { e: 'é"\n' } };
    expect(stringifyWith(obj, 'b', '[1,"x"]')).toBe(JSON.stringify(obj));
    expect(stringifyWith({ z: 1, 2: 'two', y: 2 }, 'y', '2')).toBe('{"2":"two","z":1,"y":2}');
    expect(stringifyWith({}, 'a', '1')).toBe('{}');
  });

  it('agrees with JSON.stringify for any object and any of its members', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.nat(), (obj, pick) => {
        const keys = Object.keys(obj);
        const key = keys.length === 0 ? 'none' : keys[pick % keys.length]!;
        const keyText = JSON.stringify(obj[key]) ?? '';
        expect(stringifyWith(obj, key, keyText)).toBe(JSON.stringify(obj));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('jsonText', () => {
  it('returns the text recorded for the very object, else JSON.stringify', () => {
    const recorded = withJsonText({ a: 1 }, '{"a":1}');
    expect(jsonText(recorded)).toBe('{"a":1}');
    // Recorded per object: an equal object has no text and is serialised.
    expect(jsonText({ a: 2 })).toBe('{"a":2}');
    const marked = withJsonText({ a: 1 }, 'RECORDED');
    expect(jsonText(marked)).toBe('RECORDED');
    expect(jsonText(null)).toBe('null');
    expect(jsonText('s')).toBe('"s"');
    expect(jsonText([1, 2])).toBe('[1,2]');
  });
});
