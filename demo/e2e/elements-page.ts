// The web-components test page: candles and an analysis set as properties; the editor's
// chartmark-change events drive the preview; every event is logged for the e2e test.
import 'chartmark/elements';
import { demoCandles } from '../candles';
import sample from '../sample-analysis.json';

const editor = document.getElementById('editor') as HTMLElementTagNameMap['chartmark-editor'];
const view = document.getElementById('view') as HTMLElementTagNameMap['chartmark-view'];
const log: { type: string; target: string }[] = [];
for (const type of [
  'chartmark-ready',
  'chartmark-change',
  'chartmark-status',
  'chartmark-selection',
  'chartmark-error',
]) {
  document.addEventListener(type, (e) => log.push({ type, target: (e.target as Element).id }));
}
const candles = demoCandles();
editor.candles = candles;
editor.analysis = sample;
view.candles = candles;
editor.addEventListener('chartmark-ready', () => {
  view.analysis = editor.editor?.getAnalysis() ?? null;
});
editor.addEventListener('chartmark-change', (e) => {
  view.analysis = (e as CustomEvent).detail;
});
Object.assign(window, { elementsPage: { editor, view, log } });
