// The post view test page: chartmark/view's mountAnalysisView on the documented example and the
// demo candles, once alone and once with its opt-in parts (viewOutcomes, viewCrossings), at a
// fixed clock so the summary is the same on every run.
import type { AnalysisDetailWire, Candle } from 'chartmark/svg';
import { mountAnalysisView, viewCrossings, viewOutcomes } from 'chartmark/view';
import { demoCandles } from '../candles';
import sample from '../channel-sample.json';

const analysis = sample as AnalysisDetailWire;
const candles = demoCandles() as unknown as Candle[];
const now = Date.parse('2026-01-10T00:00:00Z') / 1000;
const box = (id: string) => document.getElementById(id) as HTMLElement;

const lean = mountAnalysisView(box('lean'), analysis, candles, { theme: 'light', now });
const full = mountAnalysisView(box('full'), analysis, candles, {
  theme: 'light',
  now,
  outcomes: viewOutcomes,
  crossings: viewCrossings,
});
Object.assign(window, { postPage: { lean, full } });
