// SVG preview of a 1,000-drawing analysis (200 of each kind) on the 264 demo candles: median
// time and output size. The reference point measured in the same run is JSON.stringify of the
// same AnalysisDetail — the cost of merely serialising the data, a floor for any renderer.
// Run: npx tsx bench/svg.bench.ts
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { renderAnalysisSvg } from '../src/svg/index';
import { manyDrawingsAnalysis } from '../test/fixtures/many-drawings-analysis';

const RUNS = 41;
const WARM_UP = 20;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/**
 * Medians and fastest runs of `fns`, run in turn (A B C A B C …) so a change of machine load or a
 * collection left over from one hits all of them alike; measured one after another, the ratio
 * swung between 6.7× and 11.3× over invocations of the same code (BENCHMARKS.md).
 */
function interleaved(fns: (() => unknown)[]): { median: number; fastest: number }[] {
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, fn] of fns.entries()) {
      const t0 = performance.now();
      fn();
      samples[k]!.push(performance.now() - t0);
    }
  }
  // The fastest run is printed too: on a loaded machine the median swings with the load, the
  // minimum much less (a run that got a whole core).
  return samples.map((s) => ({ median: median(s), fastest: Math.min(...s) }));
}

const { detail, candles, options } = manyDrawingsAnalysis();
const render = () => renderAnalysisSvg(detail, candles, options);
const renderNoCandles = () => renderAnalysisSvg(detail, [], options);
const stringify = () => JSON.stringify(detail);
// Warm-up, so both are measured in their optimised code rather than while V8 still tiers up.
for (let i = 0; i < WARM_UP; i++) {
  render();
  renderNoCandles();
  stringify();
}

const svg = render();
const [oursRun, noCandlesRun, jsonRun] = interleaved([render, renderNoCandles, stringify]) as [
  { median: number; fastest: number },
  { median: number; fastest: number },
  { median: number; fastest: number },
];
const ours = oursRun.median;
const noCandles = noCandlesRun.median;
const json = jsonRun.median;
const kB = (n: number) => (n / 1000).toFixed(1);

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log(
  `renderAnalysisSvg, 1,000 drawings + 3 levels + 264 candles, 1200×675: median ${ours.toFixed(2)} ms (${RUNS} runs, after ${WARM_UP} warm-up)`,
);
console.log(`renderAnalysisSvg, same without candles: median ${noCandles.toFixed(2)} ms`);
console.log(`output: ${kB(svg.length)} kB, ${kB(gzipSync(svg).length)} kB gzip`);
console.log(
  `JSON.stringify of the same AnalysisDetail: median ${json.toFixed(3)} ms (${kB(JSON.stringify(detail).length)} kB)`,
);
console.log(`ratio renderAnalysisSvg / JSON.stringify: ${(ours / json).toFixed(1)}×`);
const oursMin = oursRun.fastest;
const jsonMin = jsonRun.fastest;
console.log(
  `fastest run: renderAnalysisSvg ${oursMin.toFixed(2)} ms, JSON.stringify ${jsonMin.toFixed(3)} ms, ratio ${(oursMin / jsonMin).toFixed(1)}×`,
);
