// SVG preview of a 1,000-drawing analysis (200 of each kind) on the 264 demo candles: median
// time and output size. The reference point measured in the same run is JSON.stringify of the
// same AnalysisDetail — the cost of merely serialising the data, a floor for any renderer.
// Run: npx tsx bench/svg.bench.ts
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { demoCandles, prng } from '../demo/candles';
import sample from '../demo/channel-sample.json';
import { type AnalysisDetailWire, type Candle, renderAnalysisSvg } from '../src/svg/index';
import type { WireDrawing } from '../src/svg/wire-detail';

const RUNS = 31;
const candles = demoCandles() as unknown as Candle[];

function manyDrawings(n: number): WireDrawing[] {
  const rand = prng(6); // seeded, so every run draws the same analysis
  const first = candles[0]!.time;
  const last = candles[candles.length - 1]!.time;
  const at = () => ({
    time: new Date((first + rand() * (last - first)) * 1000).toISOString(),
    price: 1.336 + rand() * 0.023,
  });
  const kinds = ['HORIZONTAL_LINE', 'LINE', 'RECTANGLE', 'PARALLEL', 'FIBONACCI_RETRACEMENT'] as const;
  const count = { HORIZONTAL_LINE: 1, LINE: 2, RECTANGLE: 2, PARALLEL: 3, FIBONACCI_RETRACEMENT: 2 };
  return Array.from({ length: n }, (_, i) => {
    const type = kinds[i % kinds.length]!;
    return {
      type,
      clientObjectId: `d${i}`,
      points: Array.from({ length: count[type] }, at),
      style: { color: '#2962FF', lineWidth: 1 + (i % 3) },
    };
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time(fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const detail: AnalysisDetailWire = {
  ...(sample as AnalysisDetailWire),
  drawings: manyDrawings(1000),
  links: [],
};
const options = {
  width: 1200,
  height: 675,
  theme: 'light' as const,
  now: Date.parse('2026-01-09T10:00:00Z') / 1000,
};
for (let i = 0; i < 5; i++) renderAnalysisSvg(detail, candles, options); // warm-up (JIT)

const svg = renderAnalysisSvg(detail, candles, options);
const ours = time(() => renderAnalysisSvg(detail, candles, options));
const noCandles = time(() => renderAnalysisSvg(detail, [], options));
const json = time(() => JSON.stringify(detail));
const kB = (n: number) => (n / 1000).toFixed(1);

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log(
  `renderAnalysisSvg, 1,000 drawings + 3 levels + 264 candles, 1200×675: median ${ours.toFixed(2)} ms (${RUNS} runs)`,
);
console.log(`renderAnalysisSvg, same without candles: median ${noCandles.toFixed(2)} ms`);
console.log(`output: ${kB(svg.length)} kB, ${kB(gzipSync(svg).length)} kB gzip`);
console.log(
  `JSON.stringify of the same AnalysisDetail: median ${json.toFixed(3)} ms (${kB(JSON.stringify(detail).length)} kB)`,
);
console.log(`ratio renderAnalysisSvg / JSON.stringify: ${(ours / json).toFixed(1)}×`);
