// The Channel page: the channel's analyses as posts — title, author, type, status, the read-only
// chart and the reference text, newest first, paged. Hovering or focusing a reference
// highlights its drawing or level on that post's chart.
import type { AnalysisDetailWire, Candle } from 'chartmark/svg';
import { describeAnalysis } from 'chartmark/svg';
import {
  type AnalysisView,
  mountAnalysisView,
  renderAnalysisText,
  viewCrossings,
  viewOutcomes,
} from 'chartmark/view';
import { demoCandles } from './candles';
import { renderOutcomes } from './channel-outcomes';
import { type ChannelPage, loadConfig, loadPage } from './channel-data';
import { demoToken } from './demo-auth';

const feed = document.getElementById('feed') as HTMLOListElement;
const source = document.getElementById('source') as HTMLParagraphElement;
const pageInfo = document.getElementById('page-info') as HTMLSpanElement;
const newer = document.getElementById('newer') as HTMLButtonElement;
const older = document.getElementById('older') as HTMLButtonElement;
const outcomes = document.getElementById('outcomes') as HTMLElement;
const CANDLES = demoCandles() as unknown as Candle[];
const TYPE_LABEL: Record<string, string> = {
  bullish_breakout: 'Bullish breakout',
  bullish_bounce: 'Bullish bounce',
  bearish_bounce: 'Bearish bounce',
  bearish_breakout: 'Bearish breakout',
};

let views: AnalysisView[] = [];
let page = 1;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// The demo's only candles are GBP/USD H1; any other market is shown as levels and drawings alone.
const candlesFor = (a: AnalysisDetailWire): Candle[] =>
  a.metadata.symbol === 'GBP/USD' && a.metadata.timeframe === 'H1' ? CANDLES : [];

function post(a: AnalysisDetailWire, now: number): HTMLLIElement {
  const li = el('li', 'post');
  li.dataset.analysisId = a.id;
  const expired = a.expiresAt !== null && now >= Date.parse(a.expiresAt) / 1000;
  const meta = el('div', 'meta');
  meta.append(
    el('span', 'author', a.sender),
    el('span', `badge ${a.analysisType.split('_')[0]}`, TYPE_LABEL[a.analysisType] ?? a.analysisType),
    el('span', `badge status ${expired ? 'expired' : 'active'}`, expired ? 'Expired' : 'Active'),
    el('span', 'symbol', `${a.metadata.symbol} · ${a.metadata.timeframe}`),
    el('time', 'created', `${a.createdAt.slice(0, 16).replace('T', ' ')} UTC`),
  );
  const chart = el('div', 'chart');
  li.append(el('h2', 'title', a.metadata.title), meta, chart);
  // A post with its outcome badge and "alert me" toggles: both are opt-in parts of the view.
  const view = mountAnalysisView(chart, a, candlesFor(a), {
    theme: 'light',
    interactive: true,
    now,
    outcomes: viewOutcomes,
    crossings: viewCrossings,
  });
  views.push(view);
  li.append(renderAnalysisText(a, { onHighlight: (key) => view.highlight(key) }));
  li.setAttribute('aria-label', describeAnalysis(a, { now }));
  return li;
}

function show(result: ChannelPage): void {
  for (const v of views) v.destroy();
  views = [];
  const now = Date.now() / 1000;
  feed.replaceChildren(...result.analyses.map((a) => post(a, now)));
  renderOutcomes(outcomes, result.analyses, CANDLES, now);
  if (result.source === 'sample') {
    source.className = 'source fallback';
    source.textContent =
      'Offline sample: no reference server answered /demo/config.json, so this page shows the bundled ' +
      'documented example analysis (demo/channel-sample.json) on the demo GBP/USD H1 candles. ' +
      'Run `npm start` to see the channel from the server.';
  } else {
    source.className = 'source';
    source.textContent = `${result.total} ${result.total === 1 ? 'analysis' : 'analyses'} in this channel, from the reference server.`;
  }
  pageInfo.textContent = `Page ${result.page} of ${result.pages}`;
  newer.disabled = result.page <= 1;
  older.disabled = result.page >= result.pages;
  Object.assign(window, { chartmarkChannel: { views, source: result.source } });
}

async function main(): Promise<void> {
  const config = await loadConfig();
  // One token source for every page load: it caches the token until it is about to expire.
  const token = config ? demoToken(config) : null;
  const go = async (p: number) => {
    page = p;
    try {
      show(await loadPage(config, page, token));
    } catch (e) {
      source.className = 'source fallback';
      source.textContent = `Could not load the channel: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  newer.addEventListener('click', () => go(page - 1));
  older.addEventListener('click', () => go(page + 1));
  await go(1);
}

void main();
