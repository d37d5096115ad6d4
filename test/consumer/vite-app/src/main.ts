// A blank Vite vanilla-ts app using every browser entry point of the installed chartmark package:
// the embed's editor (the consumer test draws a line in it with its toolbar), the custom elements,
// a read-only view, its text, the editor's parts on a chart of our own, and the schema validating
// a valid and an invalid payload — all under the page's strict CSP.
import { type CandlestickData, CandlestickSeries, createChart, type UTCTimestamp } from 'lightweight-charts';
import { mountAnalysisEditor } from 'chartmark';
import { formatPrice, type UtcSeconds, utcSeconds } from 'chartmark/core';
import { createChartViewport } from 'chartmark/chart';
import { createEditor } from 'chartmark/editor';
import { ChartmarkEditorElement } from 'chartmark/elements';
import { mountEditorOverlay } from 'chartmark/konva';
import { CreateAnalysisRequest, hasFastPath, wireIssues } from 'chartmark/schema';
import { type AnalysisDetailWire, type Candle, describeAnalysis } from 'chartmark/svg';
import { statusText } from 'chartmark/sync';
import { mountAnalysisView } from 'chartmark/view';
import example from './create-example.json';

const element = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el;
};

// 120 hourly GBP/USD-like bars ending at the example's expiry window.
const START = Date.parse('2026-01-05T00:00:00Z') / 1000;
const candles: Candle[] = Array.from({ length: 120 }, (_, i) => {
  const open = 1.34 + 0.004 * Math.sin(i / 9);
  const close = 1.34 + 0.004 * Math.sin((i + 1) / 9);
  const time = utcSeconds(START + i * 3600);
  return { time, open, high: Math.max(open, close) + 0.0006, low: Math.min(open, close) - 0.0006, close };
});

const embed = mountAnalysisEditor(element('editor'), { candles });

// The editor's parts on a chart of the app's own (chartmark/chart, /editor, /konva).
const container = element('parts');
const chart = createChart(container, { autoSize: true });
const series = chart.addSeries(CandlestickSeries);
series.setData(candles.map((c): CandlestickData => ({ ...c, time: c.time as number as UTCTimestamp })));
chart.timeScale().fitContent();

const editor = createEditor();
const overlay = mountEditorOverlay({ container, chart, series, candles, editor });
const viewport = createChartViewport(
  chart,
  series,
  candles.map((c): UtcSeconds => c.time),
);

const valid = CreateAnalysisRequest.safeParse(example);
// The spec's own error example (§1.3): a LINE with one point.
const invalidLine = {
  ...example,
  drawings: example.drawings.map((d) => (d.type === 'LINE' ? { ...d, points: d.points.slice(0, 1) } : d)),
};
const invalid = CreateAnalysisRequest.safeParse(invalidLine);

if (!valid.success) throw new Error('the documented create example must validate');
const detail: AnalysisDetailWire = {
  ...valid.data,
  id: '65a1b2c3d4e5f6a7b8c9d0e1',
  communityId: '65a1b2c3d4e5f6a7b8c9d0e2',
  channelId: '65a1b2c3d4e5f6a7b8c9d0e3',
  analysisType: 'LONG',
  status: 'ACTIVE',
  expiresAt: null,
  createdAt: '2026-01-08T15:00:00Z',
  updatedAt: '2026-01-08T15:00:00Z',
  version: 1,
};
const view = mountAnalysisView(element('view'), detail, candles, { theme: 'light' });
element('description').textContent = describeAnalysis(detail, {});

Object.assign(window, {
  consumer: {
    embed,
    elementDefined: customElements.get('chartmark-editor') === ChartmarkEditorElement,
    editor,
    overlay,
    viewport,
    view,
    validation: {
      compiled: hasFastPath(CreateAnalysisRequest),
      valid: valid.success,
      invalid: invalid.success ? [] : wireIssues(invalid.error),
    },
    status: statusText({ kind: 'saved', version: 1 }),
    price: formatPrice(1.34512, 5),
  },
});
