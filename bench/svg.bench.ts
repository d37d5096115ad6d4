// SVG preview of a 1,000-drawing analysis (200 of each kind) on the 264 demo candles: median
// time and output size. The reference point measured in the same run is JSON.stringify of the
// same AnalysisDetail — the cost of merely serialising the data, a floor for any renderer.
// Run: npx tsx bench/svg.bench.ts
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { renderAnalysisSvg } from '../src/svg/index';
import { manyDrawingsAnalysis } from '../test/fixtures/many-drawings-analysis';

const RUNS = 31;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

// The fastest run of each, printed too: on a loaded machine the median swings with the load,
// the minimum much less (a run that got a whole core).
const fastest: number[] = [];
function time(fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  fastest.push(Math.min(...samples));
  return median(samples);
}

const { detail, candles, options } = manyDrawingsAnalysis();
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
const [oursMin, , jsonMin] = fastest as [number, number, number];
console.log(
  `fastest run: renderAnalysisSvg ${oursMin.toFixed(2)} ms, JSON.stringify ${jsonMin.toFixed(3)} ms, ratio ${(oursMin / jsonMin).toFixed(1)}×`,
);
