// The analysis editor demo: the GBP/USD H1 candles, the documented example analysis loaded
// into the editor, the Konva overlay over the chart, a toolbar, a style panel and the forms.
import { createChart, CandlestickSeries, type UTCTimestamp } from 'lightweight-charts';
import type { UtcSeconds } from 'chartmark/core';
import { createEditor } from 'chartmark/editor';
import { mountEditorOverlay } from 'chartmark/konva';
import { CreateAnalysisRequest, createRequestToDomain } from 'chartmark/schema';
import { mountLevelsForm, mountMetadataForm } from './analysis-forms';
import { demoCandles } from './candles';
import sample from './sample-analysis.json';
import { mountStylePanel } from './style-panel';
import { mountToolbar } from './toolbar';

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el as T;
};

const container = byId<HTMLDivElement>('chart');
const chart = createChart(container, { autoSize: true, timeScale: { timeVisible: true, rightOffset: 30 } });
const series = chart.addSeries(CandlestickSeries, {
  priceFormat: { type: 'price', precision: 5, minMove: 0.00001 },
});
const candles = demoCandles().map((c) => ({ ...c, time: c.time as UtcSeconds }));
series.setData(candles.map((c) => ({ ...c, time: c.time as unknown as UTCTimestamp })));
chart.timeScale().fitContent();

const analysis = createRequestToDomain(CreateAnalysisRequest.parse(sample));
// A plain drag on empty space pans the chart, as traders expect; Shift/Ctrl-drag selects a box.
const editor = createEditor(
  { drawings: analysis.drawings, levels: analysis.levels, metadata: analysis.metadata },
  { emptyDrag: 'pan' },
);
// A new analysis: its HOURS expiry counts from the last bar, so the marker shows in the chart.
const lastTime = candles[candles.length - 1].time;
const overlay = mountEditorOverlay({
  container,
  chart,
  series,
  candles,
  editor,
  options: { createdAt: lastTime, formatPrice: (p) => p.toFixed(5) },
});

const focusChart = () => container.focus({ preventScroll: true });
mountToolbar(byId('tools'), byId('history'), editor, focusChart);
mountStylePanel(byId<HTMLFormElement>('style-form'), editor);
mountMetadataForm(byId<HTMLFormElement>('metadata-form'), editor);
mountLevelsForm(byId<HTMLFormElement>('levels-form'), editor, () => lastTime);

const magnet = byId<HTMLSelectElement>('magnet');
magnet.addEventListener('change', () => editor.setMagnet(magnet.value as 'off' | 'weak' | 'strong'));
const stay = byId<HTMLInputElement>('stay');
stay.addEventListener('change', () => editor.setStayInDrawingMode(stay.checked));
editor.subscribe((state) => {
  if (magnet.value !== state.magnet) magnet.value = state.magnet;
  if (stay.checked !== state.stayInDrawingMode) stay.checked = state.stayInDrawingMode;
});

// Hotkeys also work while focus sits on the toolbar or the page, except in form fields
// (the overlay itself handles keys on the focused chart).
const editable = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
document.addEventListener('keydown', (e) => {
  if (e.target instanceof Node && container.contains(e.target)) return;
  const handled = editor.key(
    {
      key: e.key,
      code: e.code,
      shiftKey: e.shiftKey,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      targetIsEditable: editable(e.target),
    },
    overlay.viewport,
  );
  if (handled) e.preventDefault();
});

Object.assign(window, { chartmark: { editor, chart, series, overlay } });
void import('./sync-wiring').then((m) => m.wireSync(editor));
