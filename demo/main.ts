// The analysis editor demo: the embed on the GBP/USD H1 candles. With the reference server
// (`npm start`) it opens `?analysis=<id>` (default: the seeded sample) and saves every edit with
// a token from the server; under plain `vite` it edits the documented example locally.
import { mountAnalysisEditor } from 'chartmark';
import { demoCandles } from './candles';
import { demoToken, loadDemoConfig } from './demo-auth';
import sample from './sample-analysis.json';

async function main(): Promise<void> {
  const config = await loadDemoConfig();
  const container = document.getElementById('editor');
  if (!container) throw new Error('#editor missing from index.html');
  const analysisId = new URLSearchParams(location.search).get('analysis') ?? config?.sampleAnalysisId;
  const handle = mountAnalysisEditor(container, {
    candles: demoCandles(),
    // This page is the editor alone: its hotkeys work wherever the focus is.
    keyboardTarget: document,
    ...(config
      ? {
          api: { baseUrl: '', token: demoToken(config) },
          sender: config.sender,
          channel: { communityId: config.communityId, channelId: config.channelId },
          ...(analysisId ? { analysisId } : {}),
          sync: { pollMs: 2000 },
        }
      : { analysis: sample }),
  });
  // Ids the e2e tests and the page's own CSS use.
  if (handle.elements.chart) handle.elements.chart.id = 'chart';
  if (handle.elements.status) handle.elements.status.id = 'sync-status';
  Object.assign(window, {
    chartmark: {
      editor: handle.editor,
      chart: handle.chart,
      series: handle.series,
      get overlay() {
        return handle.overlay;
      },
      sync: {
        communityId: config?.communityId ?? null,
        get analysisId() {
          return handle.sync?.analysisId ?? null;
        },
        get status() {
          return handle.status;
        },
        get engine() {
          return handle.sync;
        },
      },
      handle,
    },
  });
}

void main();
