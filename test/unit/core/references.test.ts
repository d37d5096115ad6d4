import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Levels } from '../../../src/core/analysis';
import {
  CLIENT_OBJECT_ID_PATTERN,
  parseReferences,
  REFERENCE_LABEL_MAX,
  referenceKeys,
  resolveReferences,
} from '../../../src/core/references';
import type { Price, UtcSeconds } from '../../../src/core/units';

const T = 1767873600 as UtcSeconds;
const level = (id: string, p: number) => ({ id, price: p as Price, time: T });

describe('parseReferences', () => {
  it('splits text and references with UTF-16 offsets of the whole reference', () => {
    const text = 'Buy at [[support_zone:demand zone]] then [[res_1:target]].';
    expect(parseReferences(text)).toEqual([
      { type: 'text', text: 'Buy at ' },
      { type: 'ref', key: 'support_zone', label: 'demand zone', start: 7, end: 35 },
      { type: 'text', text: ' then ' },
      { type: 'ref', key: 'res_1', label: 'target', start: 41, end: 57 },
      { type: 'text', text: '.' },
    ]);
    expect(text.slice(7, 35)).toBe('[[support_zone:demand zone]]');
  });

  it('returns no tokens for empty text and one text token for plain text', () => {
    expect(parseReferences('')).toEqual([]);
    expect(parseReferences('no refs')).toEqual([{ type: 'text', text: 'no refs' }]);
  });

  it.each([
    ['a key with a space', 'see [[bad key:x]] now'],
    ['an empty label', 'see [[k:]] now'],
    ['an empty key', 'see [[:label]] now'],
    ['an unclosed reference', 'see [[k:label now'],
    ['a single closing bracket', 'see [[k:label] now'],
    ['a label with [', 'see [[k:a[b]] now'],
    ['a key of 65 characters', `see [[${'k'.repeat(65)}:x]] now`],
    ['a label of 101 characters', `see [[k:${'x'.repeat(101)}]] now`],
    ['a key with a dot', 'see [[a.b:x]] now'],
  ])('keeps %s as one text token', (_case, text) => {
    expect(parseReferences(text)).toEqual([{ type: 'text', text }]);
  });

  it('accepts the longest key and label, counting an astral character as one', () => {
    const key = 'K'.repeat(64);
    const label = '😀'.repeat(REFERENCE_LABEL_MAX);
    const text = `[[${key}:${label}]]`;
    expect(parseReferences(text)).toEqual([{ type: 'ref', key, label, start: 0, end: text.length }]);
    expect(text.length).toBe(4 + 64 + 1 + 200);
  });

  it('finds a reference after stray brackets and keeps the rest as text', () => {
    expect(parseReferences('[[[a:b]]]')).toEqual([
      { type: 'text', text: '[' },
      { type: 'ref', key: 'a', label: 'b', start: 1, end: 8 },
      { type: 'text', text: ']' },
    ]);
  });

  it('allows colons and newlines in the label', () => {
    expect(parseReferences('[[p:a:b\nc]]')).toEqual([
      { type: 'ref', key: 'p', label: 'a:b\nc', start: 0, end: 11 },
    ]);
  });

  it('puts adjacent references next to each other with no empty text between', () => {
    expect(parseReferences('[[a:x]][[b:y]]').map((t) => t.type)).toEqual(['ref', 'ref']);
  });

  it('property: the tokens rebuild the text and text tokens never touch', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('[[', ']]', ':', '[', ']', '[[a:b]]', '[[x_1:label]]', '[[bad key:x]]'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        const tokens = parseReferences(text);
        const rebuilt = tokens.map((t) => (t.type === 'text' ? t.text : text.slice(t.start, t.end))).join('');
        expect(rebuilt).toBe(text);
        for (let i = 1; i < tokens.length; i++) {
          expect(tokens[i - 1]!.type === 'text' && tokens[i]!.type === 'text').toBe(false);
        }
        for (const t of tokens) {
          if (t.type === 'text') expect(t.text.length).toBeGreaterThan(0);
          else expect(text.slice(t.start, t.end)).toBe(`[[${t.key}:${t.label}]]`);
        }
      }),
    );
  });
});

describe('CLIENT_OBJECT_ID_PATTERN', () => {
  it('accepts the spec examples and rejects other characters and lengths', () => {
    expect(
      ['support_zone', 'pivot_main', 'res_1', 'a-B', 'x'.repeat(64)].map((s) =>
        CLIENT_OBJECT_ID_PATTERN.test(s),
      ),
    ).toEqual([true, true, true, true, true]);
    expect(
      ['', 'x'.repeat(65), 'a b', 'a.b', 'é', 'a:b'].map((s) => CLIENT_OBJECT_ID_PATTERN.test(s)),
    ).toEqual([false, false, false, false, false, false]);
  });
});

describe('referenceKeys', () => {
  it('lists keys in text order, repeats kept, malformed ones skipped', () => {
    expect(referenceKeys('[[b:1]] [[bad key:2]] [[a:3]] [[b:4]]')).toEqual(['b', 'a', 'b']);
  });
});

describe('resolveReferences', () => {
  const levels: Levels = { support: level('sup', 1.341), resistance: level('res_1', 1.36) };
  const scope = {
    drawings: [
      { id: 'zone', kind: 'RECTANGLE' as const },
      { id: 'trend', kind: 'LINE' as const },
    ],
    levels,
  };

  it('finds drawings and levels and gives null for unknown keys', () => {
    const tokens = parseReferences('[[zone:demand]] [[res_1:target]] [[ghost:?]] [[trend:up]]');
    expect(resolveReferences(tokens, scope)).toEqual([
      { key: 'zone', label: 'demand', target: { type: 'DRAWING', id: 'zone', kind: 'RECTANGLE' } },
      { key: 'res_1', label: 'target', target: { type: 'LEVEL', name: 'resistance' } },
      { key: 'ghost', label: '?', target: null },
      { key: 'trend', label: 'up', target: { type: 'DRAWING', id: 'trend', kind: 'LINE' } },
    ]);
  });

  it('does not match a level by its name, only by its clientObjectId', () => {
    expect(resolveReferences(parseReferences('[[support:s]]'), scope)).toEqual([
      { key: 'support', label: 's', target: null },
    ]);
  });
});
