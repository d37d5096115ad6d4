// Render cost of the editor overlay (design.md §5): scripted pan and zoom of the demo chart with
// 1,000 drawings, with none, and with the chart alone, all in one Chromium run; then the frame
// work of dragging one drawing among 1,000. Work = main-thread + raster-thread busy time per
// step (the change and the frames that show it) from a Chrome trace. Never fails on time.
// Run: npx tsx bench/render.bench.ts   (CHROMIUM_PATH overrides /usr/lib/chromium/chromium)
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createServer } from 'vite';
import { demoCandles } from '../demo/candles';
import type { Drawing, DrawingKind } from '../src/core/drawing';
import { createDrawing } from '../src/core/kinds/registry';
import type { Price, UtcSeconds } from '../src/core/units';
import { quantile, type TraceEvent, workPerWindow } from './render-trace';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
const STEPS = 80;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const KINDS: readonly DrawingKind[] = [
  'HORIZONTAL_LINE',
  'LINE',
  'RECTANGLE',
  'PARALLEL',
  'FIBONACCI_RETRACEMENT',
];

function drawings(count: number): Drawing[] {
  const candles = demoCandles();
  let seed = 7;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const point = () => {
    const c = candles[Math.floor(rand() * candles.length)];
    return { time: c.time as UtcSeconds, price: (1.337 + rand() * 0.021) as Price };
  };
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const n = { HORIZONTAL_LINE: 1, LINE: 2, RECTANGLE: 2, PARALLEL: 3, FIBONACCI_RETRACEMENT: 2 }[kind];
    const pts = Array.from({ length: n }, point).sort((a, b) => a.time - b.time);
    return createDrawing(kind, `bench_${i}`, pts);
  });
}

type Scenario = 'chart alone' | 'overlay, 0 drawings' | 'overlay, 1000 drawings';

async function traced(page: Page, prefix: string, body: () => Promise<void>): Promise<number[]> {
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
  return workPerWindow(trace.traceEvents, prefix);
}

async function panAndZoom(page: Page, prefix: string): Promise<number[]> {
  return traced(page, prefix, () =>
    page.evaluate(
      async ({ steps, prefix }) => {
        const { chart } = (
          window as unknown as { chartmark: { chart: import('lightweight-charts').IChartApi } }
        ).chartmark;
        const ts = chart.timeScale();
        const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        ts.setVisibleLogicalRange({ from: 60, to: 220 });
        await frame();
        for (let i = 0; i <= steps; i++) {
          performance.mark(`${prefix}${i}`);
          if (i === steps) break;
          if (i < steps / 2) ts.scrollToPosition(-((i % 20) * 3), false);
          else {
            const w = 80 + ((i * 7) % 120);
            ts.setVisibleLogicalRange({ from: 140 - w / 2, to: 140 + w / 2 });
          }
          await frame();
        }
      },
      { steps: STEPS, prefix },
    ),
  );
}

async function main(): Promise<void> {
  const server = await createServer({
    configFile: resolve('vite.config.ts'),
    logLevel: 'error',
    // No HMR: an edit elsewhere in the tree must not reload the page mid-measurement.
    server: { host: '127.0.0.1', port: 5196, strictPort: false, hmr: false, watch: { ignored: ['**/*'] } },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5196/';
  const browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
  const many = drawings(1000);
  const results = new Map<Scenario, number[]>();
  const drag: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // tsx compiles named functions with esbuild's keepNames helper, which evaluate() ships to the page.
      await page.addInitScript('window.__name = (f) => f');
      await page.goto(url);
      await page.waitForFunction(() => 'chartmark' in window);
      const load = (list: Drawing[]) =>
        page.evaluate((list) => {
          const w = window as unknown as { chartmark: { editor: { load(d: unknown): void } } };
          w.chartmark.editor.load({ drawings: list });
        }, list);
      await load(many);
      const add = (s: Scenario, v: number[]) => results.set(s, [...(results.get(s) ?? []), ...v]);
      add('overlay, 1000 drawings', await panAndZoom(page, `many${run}_`));
      drag.push(...(await dragOne(page, many, `drag${run}_`)));
      await load([]);
      add('overlay, 0 drawings', await panAndZoom(page, `none${run}_`));
      await page.evaluate(() => {
        (window as unknown as { chartmark: { overlay: { destroy(): void } } }).chartmark.overlay.destroy();
      });
      add('chart alone', await panAndZoom(page, `bare${run}_`));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const base = results.get('chart alone') ?? [];
  const baseP50 = quantile(base, 0.5);
  console.log(
    `render bench: ${RUNS} runs × ${STEPS} pan/zoom steps, demo chart 1280×800, ${demoCandles().length} bars`,
  );
  console.log('scenario                   p50 ms   p95 ms   p50 ratio to chart alone');
  for (const [name, values] of results) {
    const p50 = quantile(values, 0.5);
    const p95 = quantile(values, 0.95);
    console.log(
      `${name.padEnd(26)} ${p50.toFixed(2).padStart(6)}   ${p95.toFixed(2).padStart(6)}   ${(p50 / baseP50).toFixed(2)}×`,
    );
  }
  console.log(
    `drag one drawing among 1000: p50 ${quantile(drag, 0.5).toFixed(2)} ms, p95 ${quantile(drag, 0.95).toFixed(2)} ms per move (${drag.length} moves)`,
  );
}

async function dragOne(page: Page, list: Drawing[], prefix: string): Promise<number[]> {
  // Drag the body of a LINE that sits in view: start at its midpoint.
  const target = list.find((d) => d.kind === 'LINE') as Drawing;
  const start = await page.evaluate((d) => {
    const w = window as unknown as {
      chartmark: {
        overlay: { viewport: { timeToX(t: number): number; priceToY(p: number): number } };
        chart: import('lightweight-charts').IChartApi;
      };
    };
    const vp = w.chartmark.overlay.viewport;
    const rect = w.chartmark.chart.chartElement().getBoundingClientRect();
    const a = d.points[0];
    const b = d.points[d.points.length - 1];
    return {
      x: rect.left + (vp.timeToX(a.time) + vp.timeToX(b.time)) / 2,
      y: rect.top + (vp.priceToY(a.price) + vp.priceToY(b.price)) / 2,
    };
  }, target);
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

await main();
