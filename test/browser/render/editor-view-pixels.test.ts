// The editor overlay and the read-only view paint the documented example analysis (the spec's
// Create Analysis example) through render/'s one painter: on the same chart, at the same size,
// their pane pixels must agree. Each side is a real mount — the view's series primitive on the
// chart's own canvas, the editor's static canvas and Konva layer over a chart without it.
import { afterEach, describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import type { UtcSeconds } from '../../../src/core/units';
import type { PreviewAnalysisDetail } from '../../../src/core/wire/index';
import type { EditorOverlay } from '../../../src/konva/index';
import type { Candle } from '../../../src/svg/index';
import { type AnalysisView, mountAnalysisView } from '../../../src/view/index';
import { overlayOverView } from './overlay-over-view';
import request from '../../fixtures/spec-examples/create-analysis.request.json';

const candles = demoCandles() as unknown as Candle[];
const CREATED = '2026-01-08T12:00:00Z';
/** The example as the API returns it once created (HOURS 24 from CREATED). */
const detail = {
  ...request,
  id: 'example',
  communityId: 'c',
  channelId: 'ch',
  analysisType: 'IDEA',
  status: 'ACTIVE',
  links: [],
  expiresAt: '2026-01-09T12:00:00Z',
  createdAt: CREATED,
  updatedAt: CREATED,
  version: 1,
} as unknown as PreviewAnalysisDetail;
/** The price range both charts show, so neither side's autoscale decides it. */
const PRICES = { from: 1.333, to: 1.356 };

const frames = async (n = 4) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

let views: AnalysisView[] = [];
let overlay: EditorOverlay | null = null;
afterEach(() => {
  overlay?.destroy();
  overlay = null;
  for (const v of views) v.destroy();
  views = [];
  document.body.replaceChildren();
});

function mountChart(): { view: AnalysisView; el: HTMLDivElement } {
  const el = document.createElement('div');
  el.style.cssText = 'width:720px;height:400px;position:relative';
  document.body.append(el);
  const view = mountAnalysisView(el, detail as never, candles, { theme: 'light', alerts: false, now: 0 });
  views.push(view);
  // Without the outcome part: its badge is the view's own addition, not a scene of the analysis.
  view.series.priceScale().setAutoScale(false);
  view.series.priceScale().setVisibleRange(PRICES);
  return { view, el };
}

/** The read-only view: the analysis painted by its series primitive. */
async function viewPane(): Promise<ImageData> {
  const { view } = mountChart();
  await frames();
  return pane(view, view.chart.takeScreenshot());
}

/** The same chart without the view's primitive, the editor overlay painting the analysis over it. */
async function editorPane(): Promise<ImageData> {
  const { view, el } = mountChart();
  overlay = overlayOverView(view, el, detail, candles, (Date.parse(CREATED) / 1000) as UtcSeconds);
  await overlay.ready;
  await frames();
  // Composite the overlay's canvases over the chart's own, where the browser shows them.
  const shot = view.chart.takeScreenshot();
  const ctx = shot.getContext('2d')!;
  const dpr = window.devicePixelRatio || 1;
  const host = el.querySelector('.chartmark-overlay') as HTMLElement;
  const origin = host.getBoundingClientRect();
  const chartBox = view.chart.chartElement().getBoundingClientRect();
  for (const c of host.querySelectorAll('canvas')) {
    if (getComputedStyle(c).display === 'none' || c.closest('[style*="display: none"]')) continue;
    const box = c.getBoundingClientRect();
    ctx.drawImage(
      c,
      (box.left - chartBox.left) * dpr,
      (box.top - chartBox.top) * dpr,
      box.width * dpr,
      box.height * dpr,
    );
  }
  expect(origin.left - chartBox.left).toBe(0);
  return pane(view, shot);
}

function pane(view: AnalysisView, shot: HTMLCanvasElement): ImageData {
  const size = view.chart.paneSize();
  const dpr = window.devicePixelRatio || 1;
  return shot
    .getContext('2d', { willReadFrequently: true })!
    .getImageData(0, 0, Math.floor(size.width * dpr), Math.floor(size.height * dpr));
}

/** Pixels whose largest channel difference exceeds `tolerance`. */
function differing(a: ImageData, b: ImageData, tolerance: number): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(
      Math.abs(a.data[i] - b.data[i]),
      Math.abs(a.data[i + 1] - b.data[i + 1]),
      Math.abs(a.data[i + 2] - b.data[i + 2]),
    );
    if (d > tolerance) n++;
  }
  return n;
}

/**
 * Two levels per channel: the overlay blends antialiased edges on a transparent canvas that is
 * then composited over the chart (premultiplied alpha, rounded twice), the view blends them onto
 * the chart directly; a few dozen edge pixels differ by 1–2 levels, nothing else (measured at 0:
 * 31 pixels). Any real difference — a missing level, another label box — is hundreds of pixels.
 */
const TOLERANCE = 2;

describe('the editor overlay and the read-only view paint the same pixels', () => {
  it('paints the spec example identically (pane only; axis labels are the chart’s in the view)', async () => {
    const seen = await viewPane();
    document.body.replaceChildren();
    const drawn = await editorPane();
    // The analysis is really there: against the bare chart most of its pixels differ.
    const { view } = mountChart();
    view.series.detachPrimitive(view.primitive);
    await frames();
    const bare = pane(view, view.chart.takeScreenshot());
    expect(differing(seen, bare, TOLERANCE)).toBeGreaterThan(5000);
    expect(differing(seen, drawn, TOLERANCE)).toBe(0);
  });
});
