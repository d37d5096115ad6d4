// Issue 17 item 3 on canvas: in the read-only view and in the editor overlay, no text label of the
// documented example or of the label stress scene overlaps another, and none leaves the pane. The
// boxes are what the browser itself says each fillText covers (measureText's actual bounding box
// at the call's alignment, mapped through the call's transform), recorded while the real mounts
// paint — not the boxes our declutter computed.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { demoCandles } from '../../../demo/candles';
import type { UtcSeconds } from '../../../src/core/units';
import type { EditorOverlay } from '../../../src/konva/index';
import type { AnalysisDetailWire, Candle } from '../../../src/svg/index';
import { type AnalysisView, mountAnalysisView } from '../../../src/view/index';
import { overlayOverView } from './overlay-over-view';
import sample from '../../../demo/channel-sample.json';
import { labelStressAnalysis } from '../../fixtures/label-stress';

const candles = demoCandles() as unknown as Candle[];
const SCENES: [string, AnalysisDetailWire][] = [
  ['the documented example', sample as AnalysisDetailWire],
  ['the label stress scene', labelStressAnalysis()],
];

interface TextBox {
  readonly text: string;
  readonly canvas: HTMLCanvasElement;
  /** Page CSS px. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

const frames = async (n = 4) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

let boxes: TextBox[] = [];
const original = CanvasRenderingContext2D.prototype.fillText;
function record(): void {
  boxes = [];
  CanvasRenderingContext2D.prototype.fillText = function (
    this: CanvasRenderingContext2D,
    text,
    x,
    y,
    maxWidth,
  ) {
    const m = this.measureText(text);
    const t = this.getTransform();
    const rect = this.canvas.getBoundingClientRect();
    // Device px of the canvas → page CSS px.
    const sx = rect.width / this.canvas.width;
    const sy = rect.height / this.canvas.height;
    const corners = [
      [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent],
      [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent],
    ].map(([u, v]) => [t.a * u! + t.c * v! + t.e, t.b * u! + t.d * v! + t.f]);
    const [[x0, y0], [x1, y1]] = corners as [[number, number], [number, number]];
    if (text.trim() !== '')
      boxes.push({
        text,
        canvas: this.canvas,
        left: rect.left + Math.min(x0, x1) * sx,
        right: rect.left + Math.max(x0, x1) * sx,
        top: rect.top + Math.min(y0, y1) * sy,
        bottom: rect.top + Math.max(y0, y1) * sy,
      });
    return original.call(this, text, x, y, maxWidth);
  };
}

// The whole 1024 px chart in the frame, so the kept screenshots show all of it.
beforeAll(() => page.viewport(1100, 640));

let views: AnalysisView[] = [];
let overlay: EditorOverlay | null = null;
afterEach(() => {
  CanvasRenderingContext2D.prototype.fillText = original;
  overlay?.destroy();
  overlay = null;
  for (const v of views) v.destroy();
  views = [];
  document.body.replaceChildren();
});

function mount(detail: AnalysisDetailWire): { view: AnalysisView; el: HTMLDivElement } {
  const el = document.createElement('div');
  el.style.cssText = 'width:1024px;height:576px;position:relative';
  document.body.append(el);
  const view = mountAnalysisView(el, detail, candles, { theme: 'light', alerts: false, now: 0 });
  views.push(view);
  // Without the outcome part: its badge is the view's own addition, not a label of the analysis.
  return { view, el };
}

/** Labels the read-only view paints on its pane, and the pane's box. */
async function viewLabels(detail: AnalysisDetailWire) {
  const { view } = mount(detail);
  view.chart.timeScale().fitContent();
  await frames();
  record();
  // Applying options repaints the whole chart: one paint of the settled chart is recorded.
  view.chart.applyOptions({ grid: { vertLines: { visible: true } } });
  await frames();
  CanvasRenderingContext2D.prototype.fillText = original;
  const pane = paneBox(view);
  // The chart's own axis text is lightweight-charts', on its axis canvases: only the pane's count.
  return { labels: once(boxes.filter((b) => inside(centre(b), pane))), pane };
}

/** Labels the editor overlay paints (every overlay canvas: they are stacked), and the pane's box. */
async function editorLabels(detail: AnalysisDetailWire) {
  const { view, el } = mount(detail);
  record();
  overlay = overlayOverView(view, el, detail, candles, (Date.parse(detail.createdAt) / 1000) as UtcSeconds);
  await overlay.ready;
  view.chart.timeScale().fitContent();
  await frames(6);
  CanvasRenderingContext2D.prototype.fillText = original;
  const host = el.querySelector('.chartmark-overlay') as HTMLElement;
  const own = boxes.filter((b) => host.contains(b.canvas));
  return { labels: once(own), pane: paneBox(view) };
}

// A canvas repainted while recording records each label once per paint, at the same place: one
// box per text, canvas and position is what is on screen.
function once(list: TextBox[]): TextBox[] {
  const seen = new Map<string, TextBox>();
  for (const b of list)
    seen.set(`${canvasId(b.canvas)}|${b.text}|${Math.round(b.left)}|${Math.round(b.top)}`, b);
  return [...seen.values()];
}
const ids = new WeakMap<HTMLCanvasElement, number>();
let nextId = 0;
function canvasId(c: HTMLCanvasElement): number {
  if (!ids.has(c)) ids.set(c, nextId++);
  return ids.get(c)!;
}

function paneBox(view: AnalysisView) {
  const chart = view.chart.chartElement().getBoundingClientRect();
  const size = view.chart.paneSize();
  return {
    left: chart.left,
    top: chart.top,
    right: chart.left + size.width,
    bottom: chart.top + size.height,
  };
}
const centre = (b: TextBox) => ({ x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 });
const inside = (
  p: { x: number; y: number },
  r: { left: number; right: number; top: number; bottom: number },
) => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom;

/** Pairs of labels whose ink boxes intersect (touching edges do not count). */
function overlaps(labels: readonly TextBox[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i]!;
      const b = labels[j]!;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        out.push(`"${a.text}" × "${b.text}"`);
    }
  return out;
}

// Kept for a person to look at (test-results/browser/labels-*.png); the assertions do not read them.
const keep = (name: string) =>
  page.screenshot({
    path: `../../../test-results/browser/labels-${name}.png`,
    element: document.body.firstElementChild as HTMLElement,
  });

describe.each(SCENES)('%s: no label overlaps another or leaves the pane', (name, detail) => {
  const file = name.replace(/\W+/g, '-');
  it('in the read-only view', async () => {
    const { labels, pane } = await viewLabels(detail);
    await keep(`view${file}`);
    expect(labels.length).toBeGreaterThan(3);
    expect(overlaps(labels)).toEqual([]);
    for (const l of labels) {
      expect(l.left, l.text).toBeGreaterThanOrEqual(pane.left - 0.5);
      expect(l.right, l.text).toBeLessThanOrEqual(pane.right + 0.5);
    }
  });

  it('in the editor overlay', async () => {
    const { labels, pane } = await editorLabels(detail);
    await keep(`editor${file}`);
    expect(labels.length).toBeGreaterThan(3);
    expect(overlaps(labels.filter((l) => inside(centre(l), pane)))).toEqual([]);
    for (const l of labels.filter((l) => inside(centre(l), pane))) {
      expect(l.left, l.text).toBeGreaterThanOrEqual(pane.left - 0.5);
      expect(l.right, l.text).toBeLessThanOrEqual(pane.right + 0.5);
    }
  });
});
