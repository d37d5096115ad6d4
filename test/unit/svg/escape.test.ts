import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, escapeXml, num, safeColor, safeId } from '../../../src/svg/escape';
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

  it('keeps ids to letters, digits, _ and -', () => {
    expect(safeId('a"b<c>d e_f-1')).toBe('a_b_c_d_e_f-1');
  });
});
