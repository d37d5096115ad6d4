// The render benchmark's page: a chart filling the window with `?bars=N` deterministic H1 candles
// (bench/render-data.ts), an empty editor and the overlay, as an embedder would mount them.
// bench/render.bench.ts drives it through `window.chartmark`.
import { CandlestickSeries, createChart, type UTCTimestamp } from 'lightweight-charts';
import type { UtcSeconds } from 'chartmark/core';
import { createEditor } from 'chartmark/editor';
import { mountEditorOverlay } from 'chartmark/konva';
import { benchCandles } from '../render-data';

const container = document.getElementById('chart') as HTMLDivElement;
const bars = Number(new URLSearchParams(location.search).get('bars') ?? 2000);
const candles = benchCandles(bars).map((c) => ({ ...c, time: c.time as UtcSeconds }));
const chart = createChart(container, { autoSize: true, timeScale: { timeVisible: true, rightOffset: 30 } });
const series = chart.addSeries(CandlestickSeries, {
  priceFormat: { type: 'price', precision: 5, minMove: 0.00001 },
});
series.setData(candles.map((c) => ({ ...c, time: c.time as unknown as UTCTimestamp })));
const editor = createEditor({ drawings: [] }, { emptyDrag: 'pan' });
const overlay = mountEditorOverlay({
  container,
  chart,
  series,
  candles,
  editor,
  options: { createdAt: candles[candles.length - 1].time, formatPrice: (p) => p.toFixed(5) },
});
Object.assign(window, { chartmark: { editor, chart, series, overlay, bars: candles.length } });
