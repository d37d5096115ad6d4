// Render cost of the editor overlay (design.md §5): scripted pan and zoom of a chart with 1,000
// drawings, with none, and with the chart alone, all in one Chromium run; then the frame work of
// dragging one drawing among 1,000. Two scenes (bench/render-data.ts): `history` (2,000 bars,
// drawings 4–120 bars long anchored on bar highs/lows, most off screen) and `dense` (264 bars, ~90 % of the drawings
// in view). Work = main-thread + raster-thread busy time per step (the change and the frames that
// show it) from a Chrome trace, and the same threads' CPU time (thread time: what a step cost
// without the time its threads waited for a core — the figure to compare on a loaded machine).
// Never fails on time. "Same pixels" for painter changes: bench/render-pixels.ts.
// Run: npx tsx bench/render.bench.ts   (CHROMIUM_PATH overrides /usr/lib/chromium/chromium;
// BENCH_RUNS=n runs, BENCH_SCENES=history,dense picks scenes, BENCH_WIDTH/BENCH_HEIGHT the window,
// BENCH_PORT the vite port, default 5196; BENCH_PEER=none skips KLineChart; BENCH_SHOTS=dir saves
// a screenshot of each page with its 1,000 drawings)
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createServer } from 'vite';
import type { Drawing } from '../src/core/drawing';
import { benchCandles, denseDrawings, historyDrawings } from './render-data';
import { quantile, type TraceEvent, type WindowWork, windowWork } from './render-trace';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
const STEPS = 80;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const VIEW = {
  width: Number(process.env.BENCH_WIDTH ?? 1280),
  height: Number(process.env.BENCH_HEIGHT ?? 800),
};

interface SceneSpec {
  readonly name: string;
  readonly bars: number;
  readonly drawings: Drawing[];
}

const SCENES: SceneSpec[] = [
  { name: 'history', bars: 2000, drawings: historyDrawings(benchCandles(2000), 1000) },
  { name: 'dense', bars: 264, drawings: denseDrawings(benchCandles(264), 1000) },
].filter((s) => (process.env.BENCH_SCENES ?? 'history,dense').split(',').includes(s.name));

type Row =
  | 'chart alone'
  | 'overlay, 0 drawings'
  | 'overlay, 1000 drawings'
  | 'KLineChart alone'
  | 'KLineChart, 1000 overlays';

interface Overlay {
  destroy(): void;
  viewport: { width: number; height: number; timeToX(t: number): number; priceToY(p: number): number };
  lastStaticPaint(): { scenes: number } | null;
}
type PageGlobals = {
  chartmark: {
    editor: { load(d: unknown): void };
    chart: import('lightweight-charts').IChartApi;
    overlay: Overlay;
    bars: number;
  };
};

async function traced(page: Page, prefix: string, body: () => Promise<void>): Promise<WindowWork> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'blink.user_timing',
      'toplevel',
      'disabled-by-default-devtools.timeline',
    ],
  });
  await body();
  const buffer = await browser.stopTracing();
  const trace = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  return windowWork(trace.traceEvents, prefix);
}

/** 40 pans (scrollToPosition) then 40 zooms (setVisibleLogicalRange) near the last bars; 160 bars in view. */
async function panAndZoom(page: Page, prefix: string): Promise<WindowWork> {
  return traced(page, prefix, () =>
    page.evaluate(
      async ({ steps, prefix }) => {
        const { chart, bars } = (window as unknown as PageGlobals).chartmark;
        const ts = chart.timeScale();
        const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        ts.setVisibleLogicalRange({ from: bars - 204, to: bars - 44 });
        await frame();
        for (let i = 0; i <= steps; i++) {
          performance.mark(`${prefix}${i}`);
          if (i === steps) break;
          if (i < steps / 2) ts.scrollToPosition(-((i % 20) * 3), false);
          else {
            const w = 80 + ((i * 7) % 120);
            ts.setVisibleLogicalRange({ from: bars - 124 - w / 2, to: bars - 124 + w / 2 });
          }
          await frame();
        }
      },
      { steps: STEPS, prefix },
    ),
  );
}

type KlineGlobals = {
  kline: {
    chart: { setBarSpace(space: number): void; scrollToDataIndex(index: number): void };
    bars: number;
    load(d: unknown): void;
    clear(): void;
    ready(): boolean;
  };
};

/** The same 80 steps on KLineChart: 40 pans (scrollToDataIndex), 40 zooms (setBarSpace), 160 bars in view. */
async function klinePanAndZoom(page: Page, prefix: string): Promise<WindowWork> {
  return traced(page, prefix, () =>
    page.evaluate(
      async ({ steps, prefix }) => {
        const { chart, bars } = (window as unknown as KlineGlobals).kline;
        // KLineChart's y axis takes about as much of the width as lightweight-charts' price scale.
        const pane = window.innerWidth * 0.95;
        const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        chart.setBarSpace(pane / 160);
        chart.scrollToDataIndex(bars - 44);
        await frame();
        for (let i = 0; i <= steps; i++) {
          performance.mark(`${prefix}${i}`);
          if (i === steps) break;
          if (i < steps / 2) chart.scrollToDataIndex(bars - 44 - (i % 20) * 3);
          else {
            const w = 80 + ((i * 7) % 120);
            chart.setBarSpace(pane / w);
            chart.scrollToDataIndex(Math.round(bars - 124 + w / 2));
          }
          await frame();
        }
      },
      { steps: STEPS, prefix },
    ),
  );
}

/** KLineChart with the scene's drawings as its overlays, then the same chart without them. */
async function runKline(
  page: Page,
  url: string,
  spec: SceneSpec,
  run: number,
  into: SceneResult,
): Promise<void> {
  await page.goto(`${url}klinecharts.html?bars=${spec.bars}`);
  await page.waitForFunction(() => 'kline' in window && (window as unknown as KlineGlobals).kline.ready());
  const add = (row: Row, v: WindowWork) => addWork(into, row, v);
  const tag = `${spec.name}${run}`;
  await page.evaluate((list) => (window as unknown as KlineGlobals).kline.load(list), spec.drawings);
  add('KLineChart, 1000 overlays', await klinePanAndZoom(page, `kmany${tag}_`));
  if (process.env.BENCH_SHOTS) await page.screenshot({ path: `${process.env.BENCH_SHOTS}/kline-${tag}.png` });
  await page.evaluate(() => (window as unknown as KlineGlobals).kline.clear());
  add('KLineChart alone', await klinePanAndZoom(page, `kbare${tag}_`));
}

async function dragOne(page: Page, list: Drawing[], prefix: string): Promise<WindowWork> {
  // Drag the body of a LINE in view: start at its midpoint.
  const start = await page.evaluate((list) => {
    const { overlay, chart } = (window as unknown as PageGlobals).chartmark;
    const vp = overlay.viewport;
    const rect = chart.chartElement().getBoundingClientRect();
    for (const d of list) {
      if (d.kind !== 'LINE') continue;
      const a = d.points[0];
      const b = d.points[1];
      const x = (vp.timeToX(a.time) + vp.timeToX(b.time)) / 2;
      const y = (vp.priceToY(a.price) + vp.priceToY(b.price)) / 2;
      if (x > 40 && x < vp.width - 160 && y > 40 && y < vp.height - 60)
        return { x: rect.left + x, y: rect.top + y };
    }
    throw new Error('no LINE in view to drag');
  }, list);
  const frame = () =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return traced(page, prefix, async () => {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 0; i <= 40; i++) {
      await page.evaluate((name) => performance.mark(name), `${prefix}${i}`);
      if (i === 40) break;
      await page.mouse.move(start.x + i * 3, start.y + (i % 10) * 2);
      await frame();
    }
    await page.mouse.up();
  });
}

interface SceneResult {
  /** Busy wall time per step, by row. */
  readonly rows: Map<Row, number[]>;
  /** Thread CPU time per step, by row. */
  readonly cpu: Map<Row, number[]>;
  readonly drag: number[];
  readonly painted: number[];
}

function addWork(into: SceneResult, row: Row, work: WindowWork): void {
  into.rows.set(row, [...(into.rows.get(row) ?? []), ...work.wall]);
  into.cpu.set(row, [...(into.cpu.get(row) ?? []), ...work.cpu]);
}

async function runScene(
  page: Page,
  url: string,
  spec: SceneSpec,
  run: number,
  into: SceneResult,
): Promise<void> {
  await page.goto(`${url}?bars=${spec.bars}`);
  await page.waitForFunction(() => 'chartmark' in window);
  const load = (list: Drawing[]) =>
    page.evaluate(
      (list) => (window as unknown as PageGlobals).chartmark.editor.load({ drawings: list }),
      list,
    );
  const add = (row: Row, v: WindowWork) => addWork(into, row, v);
  const tag = `${spec.name}${run}`;
  await load(spec.drawings);
  add('overlay, 1000 drawings', await panAndZoom(page, `many${tag}_`));
  if (process.env.BENCH_SHOTS) await page.screenshot({ path: `${process.env.BENCH_SHOTS}/ours-${tag}.png` });
  into.painted.push(
    await page.evaluate(
      () => (window as unknown as PageGlobals).chartmark.overlay.lastStaticPaint()?.scenes ?? 0,
    ),
  );
  into.drag.push(...(await dragOne(page, spec.drawings, `drag${tag}_`)).wall);
  await load([]);
  add('overlay, 0 drawings', await panAndZoom(page, `none${tag}_`));
  await page.evaluate(() => (window as unknown as PageGlobals).chartmark.overlay.destroy());
  add('chart alone', await panAndZoom(page, `bare${tag}_`));
}

function report(spec: SceneSpec, r: SceneResult): void {
  const base = quantile(r.rows.get('chart alone') ?? [], 0.5);
  console.log(
    `\n${spec.name}: ${spec.bars} bars, 1,000 drawings, ${RUNS} runs × ${STEPS} pan/zoom steps, ${VIEW.width}×${VIEW.height}; drawings painted at the last step: ${r.painted.join(', ')}`,
  );
  console.log('scenario                   p50 ms   p95 ms   p50 ratio   pan p50   zoom p50');
  const ms = (v: number) => v.toFixed(2).padStart(6);
  for (const row of ['chart alone', 'overlay, 0 drawings', 'overlay, 1000 drawings'] as Row[]) {
    const values = r.rows.get(row) ?? [];
    // Each run's first half of the steps pans, the second half zooms.
    const pans = values.filter((_, i) => i % STEPS < STEPS / 2);
    const zooms = values.filter((_, i) => i % STEPS >= STEPS / 2);
    console.log(
      `${row.padEnd(26)} ${ms(quantile(values, 0.5))}   ${ms(quantile(values, 0.95))}   ${(quantile(values, 0.5) / base).toFixed(2).padStart(8)}×   ${ms(quantile(pans, 0.5))}     ${ms(quantile(zooms, 0.5))}`,
    );
  }
  const kBase = quantile(r.rows.get('KLineChart alone') ?? [], 0.5);
  for (const row of ['KLineChart alone', 'KLineChart, 1000 overlays'] as Row[]) {
    const values = r.rows.get(row) ?? [];
    if (values.length === 0) continue;
    const pans = values.filter((_, i) => i % STEPS < STEPS / 2);
    const zooms = values.filter((_, i) => i % STEPS >= STEPS / 2);
    console.log(
      `${row.padEnd(26)} ${ms(quantile(values, 0.5))}   ${ms(quantile(values, 0.95))}   ${(quantile(values, 0.5) / kBase).toFixed(2).padStart(8)}×   ${ms(quantile(pans, 0.5))}     ${ms(quantile(zooms, 0.5))}`,
    );
  }
  if (r.rows.has('KLineChart alone')) {
    const ours = quantile(r.rows.get('overlay, 1000 drawings') ?? [], 0.5) / base;
    const theirs = quantile(r.rows.get('KLineChart, 1000 overlays') ?? [], 0.5) / kBase;
    console.log(
      `overhead ratio (1000 drawings / own chart alone, p50): ours ${ours.toFixed(2)}×, KLineChart ${theirs.toFixed(2)}×; ours / KLineChart's overhead (ratio − 1): ${((ours - 1) / (theirs - 1)).toFixed(2)} (goal ≤ 0.5 of theirs)`,
    );
  }
  // Thread CPU time leaves out the time a thread waited for a core: under load it moves far less
  // than the busy wall time above, so it is the figure to compare between loaded invocations.
  const cpuP50 = (row: Row) => quantile(r.cpu.get(row) ?? [], 0.5);
  const cpuLine = (rows: Row[]) =>
    rows
      .filter((row) => r.cpu.has(row))
      .map((row) => `${row} ${cpuP50(row).toFixed(2)} ms (${(cpuP50(row) / cpuP50(rows[0]!)).toFixed(2)}×)`)
      .join(' · ');
  const cpuRows = [
    cpuLine(['chart alone', 'overlay, 0 drawings', 'overlay, 1000 drawings']),
    cpuLine(['KLineChart alone', 'KLineChart, 1000 overlays']),
  ].filter((line) => line !== '');
  console.log(`thread CPU time per step, p50: ${cpuRows.join(' · ')}`);
  console.log(
    `drag one drawing among 1000: p50 ${quantile(r.drag, 0.5).toFixed(2)} ms, p95 ${quantile(r.drag, 0.95).toFixed(2)} ms per move (${r.drag.length} moves)`,
  );
}

async function main(): Promise<void> {
  const server = await createServer({
    configFile: resolve('vite.config.ts'),
    root: resolve('bench/render-page'),
    logLevel: 'error',
    // No HMR: an edit elsewhere in the tree must not reload the page mid-measurement.
    server: {
      host: '127.0.0.1',
      port: Number(process.env.BENCH_PORT ?? 5196),
      strictPort: false,
      hmr: false,
      watch: { ignored: ['**/*'] },
    },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5196/';
  const browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
  const results = SCENES.map(
    () => ({ rows: new Map(), cpu: new Map(), drag: [], painted: [] }) as SceneResult,
  );
  try {
    for (let run = 0; run < RUNS; run++) {
      // Scenes alternate within a run, so machine noise spreads over both alike.
      for (const [i, spec] of SCENES.entries()) {
        const page = await browser.newPage({ viewport: VIEW });
        // tsx compiles named functions with esbuild's keepNames helper, which evaluate() ships to the page.
        await page.addInitScript('window.__name = (f) => f');
        await runScene(page, url, spec, run, results[i]);
        await page.close();
        if (process.env.BENCH_PEER === 'none') continue;
        const peer = await browser.newPage({ viewport: VIEW });
        await peer.addInitScript('window.__name = (f) => f');
        await runKline(peer, url, spec, run, results[i]);
        await peer.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const [i, spec] of SCENES.entries()) report(spec, results[i]);
}

await main();
