import { describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import { type Candle, cleanText, describeAnalysis, renderAnalysisSvg } from '../../../src/svg/index';
import { XSS_PAYLOADS } from '../../fixtures/xss-payloads';
import { hostile } from './detail-builders';
import { allElements, parseXml, textOf } from './xml';

const ALLOWED = new Set([
  'svg',
  'title',
  'desc',
  'rect',
  'text',
  'g',
  'clipPath',
  'line',
  'polyline',
  'polygon',
  'circle',
]);
// Browsers ignore whitespace and controls inside a URL scheme, so the check does too.
const withoutSpace = (v: string) =>
  Array.from(v)
    .filter((c) => c.charCodeAt(0) > 32)
    .join('');
const candles = demoCandles().slice(0, 48) as unknown as Candle[];

describe('SVG output under the XSS corpus', () => {
  it(`has at least 50 payloads (${XSS_PAYLOADS.length})`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    it(`payload ${i} stays text: ${JSON.stringify(payload).slice(0, 60)}`, () => {
      const svg = renderAnalysisSvg(hostile(payload), candles, {
        width: 640,
        height: 360,
        theme: 'dark',
        now: 0,
      });
      const root = parseXml(svg);
      for (const el of allElements(root)) {
        expect(ALLOWED.has(el.name), `element <${el.name}>`).toBe(true);
        for (const [name, value] of Object.entries(el.attrs)) {
          expect(name.toLowerCase().startsWith('on'), `attribute ${name}`).toBe(false);
          // aria-label is the one attribute that carries author text (as text, never a URL).
          if (name === 'aria-label') continue;
          expect(/javascript:/i.test(withoutSpace(value)), `${name}="${value}"`).toBe(false);
          expect(name === 'href' || name.endsWith(':href')).toBe(false);
        }
      }
      // The payload reaches the document only as text: the <title>, the visible title and aria-label.
      const title = root.children.find((c) => typeof c !== 'string' && c.name === 'title');
      expect(title && typeof title !== 'string' ? textOf(title) : null).toBe(cleanText(payload));
      expect(root.attrs['aria-label']).toBe(describeAnalysis(hostile(payload), { now: 0 }));
    });
  }
});
