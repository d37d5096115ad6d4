import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { cleanText, escapeXml, flatMarkup, num, safeColor, safeId } from '../../../src/svg/escape';
import { XSS_PAYLOADS } from '../../fixtures/xss-payloads';
import { parseXml, textOf } from './xml';

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });

  it('drops C0 controls and bidi overrides but keeps tab and newline', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Bd\u202Ee\u2066f\tg\nh')).toBe('abcdef\tg\nh');
  });

  it('replaces lone surrogates and keeps surrogate pairs', () => {
    expect(cleanText('x\uD800y\uDFFFz😀')).toBe('x\uFFFDy\uFFFDz😀');
  });

  it('round-trips any text through an XML element and an attribute, minus removed characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const doc = parseXml(`<t a="${escapeXml(s)}">${escapeXml(s)}</t>`);
        expect(doc.attrs.a).toBe(cleanText(s));
        expect(textOf(doc)).toBe(cleanText(s));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every XSS payload as inert text (no element appears)', () => {
    for (const payload of XSS_PAYLOADS) {
      const doc = parseXml(`<t a="${escapeXml(payload)}">${escapeXml(payload)}</t>`);
      expect(doc.children.every((c) => typeof c === 'string')).toBe(true);
      expect(textOf(doc)).toBe(cleanText(payload));
    }
  });
});

describe('safeColor', () => {
  it('passes #hex colours of 3, 4, 6 and 8 digits in either case', () => {
    for (const c of ['#abc', '#ABCD', '#00ff33', '#2962FF33']) expect(safeColor(c, '#000000')).toBe(c);
  });

  it('replaces anything else with the fallback', () => {
    const bad = [
      'red',
      'url(javascript:alert(1))',
      '#12345',
      '#GGGGGG',
      '#fff" onload="x',
      ' #ffffff',
      '#ffffff ',
      'rgb(0,0,0)',
      '',
      undefined,
    ];
    for (const c of bad) expect(safeColor(c, '#000000')).toBe('#000000');
  });

  it('replaces the empty colour with the fallback on the first check of a fresh module too', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/core/style');
    expect(fresh.safeColor('', 'FB')).toBe('FB');
    expect(fresh.safeColor(undefined, 'FB')).toBe('FB');
  });

  // safeColor remembers the last colour that passed; what it answers must not depend on what came before.
  it('answers each colour alike whatever colours were checked before it', () => {
    const colour = fc.oneof(
      fc.constantFrom('#abc', '#2962FF', '#000', '', 'red', '#fff" x="', undefined),
      fc.string({ maxLength: 9 }),
    );
    const alone = (c: string | undefined) =>
      c !== undefined && /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(c)
        ? c
        : 'FB';
    fc.assert(
      fc.property(fc.array(colour, { maxLength: 12 }), (colours) => {
        for (const c of colours) expect(safeColor(c, 'FB')).toBe(alone(c));
      }),
    );
  });
});

describe('flatMarkup', () => {
  it('returns the markup it is given, with every character', () => {
    const rope = `${'<g class="a">'}${'<line x1="1"/>'.repeat(3)}</g>`;
    expect(flatMarkup(rope)).toBe('<g class="a"><line x1="1"/><line x1="1"/><line x1="1"/></g>');
  });

  it('throws, naming what it got, for text that does not open with a tag', () => {
    expect(() => flatMarkup(' stroke="#000"')).toThrow(
      new Error('flatMarkup: markup opens with a tag, got  stroke="#000"'),
    );
    expect(() => flatMarkup('')).toThrow(/^flatMarkup: markup opens with a tag, got $/);
  });
});

describe('num and safeId', () => {
  it('rounds to two decimals, never prints -0 or NaN', () => {
    expect([num(1.23456), num(-0.001), num(Number.NaN), num(Number.POSITIVE_INFINITY), num(10)]).toEqual([
      '1.23',
      '0',
      '0',
      '0',
      '10',
    ]);
  });

  it('prints what String prints for the number rounded to hundredths (from the integer and its last two digits)', () => {
    const oracle = (v: number) => {
      const r = Math.round(v * 100) / 100;
      return Number.isFinite(r) && r !== 0 ? String(r) : '0';
    };
    expect([
      num(0.05),
      num(-0.05),
      num(-1.5),
      num(2.1),
      num(-12.07),
      num(99.99),
      num(123456789012.34),
    ]).toEqual(['0.05', '-0.05', '-1.5', '2.1', '-12.07', '99.99', '123456789012.34']);
    fc.assert(
      fc.property(fc.double({ min: -1e13, max: 1e13, noNaN: true }), (v) => {
        expect(num(v)).toBe(oracle(v));
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (h) => {
        expect(num(h / 100)).toBe(oracle(h / 100));
      }),
      { numRuns: 20000 },
    );
  });

  it('keeps ids to letters, digits, _ and -', () => {
    expect(safeId('a"b<c>d e_f-1')).toBe('a_b_c_d_e_f-1');
  });
});
