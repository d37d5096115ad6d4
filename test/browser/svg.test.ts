// The XSS corpus through the browser's own parsers: the SVG string via DOMParser and the
// reference text as a live DOM fragment. Nothing may become a script, a handler or a URL.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoCandles } from '../../demo/candles';
import { parseReferences } from '../../src/core/references';
import { type Candle, cleanText, renderAnalysisSvg } from '../../src/svg/index';
import { renderAnalysisText } from '../../src/view/index';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { EXAMPLE, hostile } from '../unit/svg/detail-builders';

const candles = demoCandles().slice(0, 48) as unknown as Candle[];
const DANGEROUS =
  'script, foreignObject, iframe, object, embed, a, use, animate, set, style, image, math, img';
const withoutSpace = (v: string) =>
  Array.from(v)
    .filter((c) => c.charCodeAt(0) > 32)
    .join('');

function assertInert(root: Element | DocumentFragment, textAttrs: readonly string[]): void {
  expect(root.querySelectorAll(DANGEROUS)).toHaveLength(0);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.toLowerCase().startsWith('on'), `<${el.tagName} ${attr.name}>`).toBe(false);
      expect(attr.name.toLowerCase().includes('href'), `<${el.tagName} ${attr.name}>`).toBe(false);
      if (textAttrs.includes(attr.name)) continue;
      expect(/javascript:/i.test(withoutSpace(attr.value)), `${attr.name}="${attr.value}"`).toBe(false);
    }
  }
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('XSS corpus in the browser', () => {
  it('the SVG of every payload parses as SVG with no script, handler or javascript: URL', () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    for (const payload of XSS_PAYLOADS) {
      const svg = renderAnalysisSvg(hostile(payload), candles, {
        width: 480,
        height: 270,
        theme: 'light',
        now: 0,
      });
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      expect(doc.querySelector('parsererror'), payload).toBeNull();
      expect(doc.documentElement.tagName).toBe('svg');
      assertInert(doc.documentElement, ['aria-label']);
      expect(doc.querySelector('title')?.textContent).toBe(cleanText(payload));
      // Mount it for real too: an inline SVG runs handlers if any slipped through.
      document.body.append(document.importNode(doc.documentElement, true));
    }
    expect(alert).not.toHaveBeenCalled();
  });

  it('the reference text of every payload is built of inert elements, labels as plain text', () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const keys: (string | null)[] = [];
    for (const payload of XSS_PAYLOADS) {
      const el = renderAnalysisText(hostile(payload), { onHighlight: (k) => keys.push(k) });
      document.body.append(el);
      assertInert(el, []);
      const tags = new Set(Array.from(el.querySelectorAll('*')).map((e) => e.tagName));
      for (const t of tags) expect(['SECTION', 'H4', 'P', 'BUTTON']).toContain(t);
      for (const b of Array.from(el.querySelectorAll('button'))) {
        expect(b.type).toBe('button');
        expect(b.dataset.key).toBe('hl');
        expect(b.children).toHaveLength(0);
      }
      const ok = payload.length <= 100 && !/[[\]]/.test(payload);
      expect(el.querySelectorAll('button'), payload).toHaveLength(ok ? 1 : 0);
      if (ok) expect(el.querySelector('button')!.textContent).toBe(cleanText(payload));
      // A reference to nothing shows its label only; everything else is the payload verbatim.
      const shown = parseReferences(payload)
        .map((t) => (t.type === 'text' ? t.text : t.label))
        .join('');
      expect(el.querySelector('.cm-text-alternativeText p')!.textContent).toBe(cleanText(shown));
    }
    expect(alert).not.toHaveBeenCalled();
  });

  it('the documented example text has three reference buttons in text order', () => {
    const el = renderAnalysisText(EXAMPLE, { onHighlight: () => {} });
    const buttons = Array.from(el.querySelectorAll('button'));
    expect(buttons.map((b) => [b.dataset.key, b.textContent])).toEqual([
      ['support_zone', 'demand zone'],
      ['entry_line', 'breakout level'],
      ['target', 'resistance'],
    ]);
    expect(el.querySelector('.cm-text-preferenceText p')!.textContent).toBe(
      'Price bounced from demand zone. Entry above breakout level with target at resistance.',
    );
    expect(Array.from(el.querySelectorAll('h4')).map((h) => h.textContent)).toEqual([
      'Preferred scenario',
      'Alternative scenario',
      'Comments',
    ]);
  });
});
