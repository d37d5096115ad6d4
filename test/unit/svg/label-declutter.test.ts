// Issue 17 item 3 / issue 11 item 3: no two text labels of the documented example or of the label
// stress scene overlap, and none leaves the pane (so none covers an axis), in the SVG output.
// Boxes are rebuilt here from the SVG attributes alone (x, y, text-anchor, dominant-baseline,
// font-size and the text), with the width the SVG painter sizes label boxes by (0.6 em a character).
import { describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import { type Candle, renderAnalysisSvg } from '../../../src/svg/index';
import type { AnalysisDetailWire } from '../../../src/svg/wire-detail';
import { labelStressAnalysis } from '../../fixtures/label-stress';
import { EXAMPLE } from './detail-builders';

const candles = demoCandles() as unknown as Candle[];
// The SVG layout: a 28 px title strip above the pane, a 64 px price axis right of it, 20 px time axis below.
const TITLE = 28;
const PRICE_AXIS = 64;
const TIME_AXIS = 20;

interface TextBox {
  readonly text: string;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

function xmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function paneTextBoxes(svg: string): TextBox[] {
  const pane = svg.slice(svg.indexOf('<g class="cm-pane"'), svg.indexOf('<g class="cm-axis">'));
  const re =
    /<text x="([-\d.]+)" y="([-\d.]+)" fill="[^"]*" font-size="([\d.]+)" text-anchor="(start|middle|end)" dominant-baseline="(hanging|middle|auto)">([^<]*)<\/text>/g;
  return [...pane.matchAll(re)].map((m) => {
    const [x, y, size] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const text = xmlText(m[6]!);
    const width = Array.from(text).length * size * 0.6;
    const minX = m[4] === 'start' ? x : m[4] === 'end' ? x - width : x - width / 2;
    const minY = m[5] === 'hanging' ? y : m[5] === 'auto' ? y - size : y - size / 2;
    return { text, minX, minY, maxX: minX + width, maxY: minY + size };
  });
}

const intersect = (a: TextBox, b: TextBox) =>
  a.minX < b.maxX && a.maxX > b.minX && a.minY < b.maxY && a.maxY > b.minY;

const SCENES: [string, AnalysisDetailWire][] = [
  ['the documented example', EXAMPLE],
  ['the label stress scene', labelStressAnalysis()],
];
const SIZES = [
  [800, 450],
  [1024, 576],
  [390, 300],
] as const;

describe('SVG labels after the core declutter', () => {
  for (const [name, detail] of SCENES)
    for (const [width, height] of SIZES) {
      it(`${name} at ${width}×${height}: no two labels overlap and all lie inside the pane`, () => {
        const svg = renderAnalysisSvg(detail, candles, { width, height, theme: 'light' });
        const boxes = paneTextBoxes(svg);
        expect(boxes.length).toBeGreaterThan(0);
        const paneW = width - PRICE_AXIS;
        const paneH = height - TITLE - TIME_AXIS;
        for (const b of boxes) {
          expect(b.minX, b.text).toBeGreaterThanOrEqual(0);
          expect(b.minY, b.text).toBeGreaterThanOrEqual(0);
          expect(b.maxX, b.text).toBeLessThanOrEqual(paneW);
          expect(b.maxY, b.text).toBeLessThanOrEqual(paneH);
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++)
            expect(intersect(boxes[i]!, boxes[j]!), `${boxes[i]!.text} / ${boxes[j]!.text}`).toBe(false);
      });
    }

  it('keeps every Fibonacci level label of the stress scene at 1024×576 (moved, not hidden)', () => {
    const svg = renderAnalysisSvg(labelStressAnalysis(), candles, {
      width: 1024,
      height: 576,
      theme: 'light',
    });
    const fibLabels = paneTextBoxes(svg).filter((b) => /^-?[\d.]+ \([\d.]+\)$/.test(b.text));
    // fib_tight 7 + fib_edge 7 + fib_wide 8 levels.
    expect(fibLabels).toHaveLength(22);
  });
});
