// "Same pixels" check for painter changes (issue 15 item 2): the render bench's two scenes and
// steps in the bench page, and after some of the steps the static canvas's pixels
// (getImageData: every committed drawing's pixels) written to a folder; given a second folder,
// every frame is compared with it byte for byte and the differing pixels are counted.
// Make the reference from the code before a change (a checkout of it, e.g. `git archive main`),
// then the candidate from the working tree, in one Chromium version:
//   PIXELS_ROOT=/tmp/ref npx tsx bench/render-pixels.ts /tmp/px-ref
//   npx tsx bench/render-pixels.ts /tmp/px-new /tmp/px-ref
// PIXELS_ROOT is the checkout whose bench/render-page and src/ are served (default: the current
// folder). Exits with 1 when any pixel differs. Never runs in CI (it needs two checkouts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createServer } from 'vite';
import type { Drawing } from '../src/core/drawing';
import { benchCandles, denseDrawings, historyDrawings } from './render-data';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
/** The bench's steps after which the canvas is read: first pans, a long pan, zooms in and out. */
const SHOTS = [0, 1, 7, 19, 39, 40, 47, 58, 79];
const [outDir, refDir] = process.argv.slice(2);
if (!outDir) throw new Error('usage: npx tsx bench/render-pixels.ts <out-dir> [<reference-dir>]');
const root = resolve(process.env.PIXELS_ROOT ?? '.');

const SCENES: { name: string; bars: number; drawings: Drawing[] }[] = [
  { name: 'history', bars: 2000, drawings: historyDrawings(benchCandles(2000), 1000) },
  { name: 'dense', bars: 264, drawings: denseDrawings(benchCandles(264), 1000) },
];

type Globals = {
  chartmark: {
    editor: { load(d: unknown): void };
    chart: import('lightweight-charts').IChartApi;
    bars: number;
  };
};

/** Runs the bench's 80 steps; after each step in SHOTS, the static canvas's RGBA bytes (base64) and size. */
async function frames(page: Page): Promise<{ step: number; width: number; height: number; data: string }[]> {
  return page.evaluate(
    async ({ shots }) => {
      const { chart, bars } = (window as unknown as Globals).chartmark;
      const ts = chart.timeScale();
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const canvas = document.querySelector('.chartmark-overlay canvas') as HTMLCanvasElement;
      const read = (step: number) => {
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
        const bytes = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000)
          s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return { step, width: canvas.width, height: canvas.height, data: btoa(s) };
      };
      ts.setVisibleLogicalRange({ from: bars - 204, to: bars - 44 });
      await frame();
      const out = [];
      for (let i = 0; i < 80; i++) {
        if (i < 40) ts.scrollToPosition(-((i % 20) * 3), false);
        else {
          const w = 80 + ((i * 7) % 120);
          ts.setVisibleLogicalRange({ from: bars - 124 - w / 2, to: bars - 124 + w / 2 });
        }
        await frame();
        if (shots.includes(i)) out.push(read(i));
      }
      return out;
    },
    { shots: SHOTS },
  );
}

const server = await createServer({
  configFile: join(root, 'vite.config.ts'),
  root: join(root, 'bench/render-page'),
  cacheDir: join(tmpdir(), `chartmark-pixels-${createHash('sha1').update(root).digest('hex').slice(0, 8)}`),
  logLevel: 'error',
  server: {
    host: '127.0.0.1',
    port: Number(process.env.BENCH_PORT ?? 5197),
    strictPort: false,
    hmr: false,
    watch: { ignored: ['**/*'] },
  },
});
await server.listen();
const url = server.resolvedUrls?.local[0] ?? '';
const browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
mkdirSync(outDir, { recursive: true });
let differing = 0;
try {
  for (const spec of SCENES) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`${url}?bars=${spec.bars}`);
    await page.waitForFunction(() => 'chartmark' in window);
    await page.evaluate(
      (list) => (window as unknown as Globals).chartmark.editor.load({ drawings: list }),
      spec.drawings,
    );
    for (const f of await frames(page)) {
      const bytes = Buffer.from(f.data, 'base64');
      const name = `${spec.name}-step${f.step}-${f.width}x${f.height}.rgba`;
      writeFileSync(join(outDir, name), bytes);
      const painted = bytes.reduce((n, _, i) => (i % 4 === 3 && bytes[i] !== 0 ? n + 1 : n), 0);
      let line = `${name}: ${painted} painted pixels, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
      if (refDir) {
        const refPath = join(refDir, name);
        if (!existsSync(refPath)) {
          line += ' — no reference frame';
          differing++;
        } else {
          const ref = readFileSync(refPath);
          let diff = 0;
          for (let i = 0; i < bytes.length; i += 4) if (bytes.readUInt32LE(i) !== ref.readUInt32LE(i)) diff++;
          line += ` — ${diff} pixels differ from the reference`;
          differing += diff;
        }
      }
      console.log(line);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
if (refDir) console.log(differing === 0 ? 'same pixels in every frame' : `${differing} differing pixels`);
process.exitCode = differing === 0 ? 0 : 1;
