// Writes test/fixtures/svg-baseline/<case>.svg and svg-1000-drawings.svg.gz from today's renderAnalysisSvg (run with tsx).
// Run once before a refactor of the SVG path; the baseline test then holds every later output to it.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { renderAnalysisSvg } from '../src/svg/index';
import { manyDrawingsAnalysis } from '../test/fixtures/many-drawings-analysis';
import { BASELINE_CASES } from '../test/unit/svg/baseline-cases';

for (const c of BASELINE_CASES) {
  writeFileSync(
    new URL(`../test/fixtures/svg-baseline/${c.name}.svg`, import.meta.url),
    renderAnalysisSvg(c.detail, c.candles, c.options),
  );
}
// The 1,000-drawing byte fixture too, so a deliberate change of the output rewrites every fixture at once.
const many = manyDrawingsAnalysis();
writeFileSync(
  new URL('../test/fixtures/svg-1000-drawings.svg.gz', import.meta.url),
  gzipSync(renderAnalysisSvg(many.detail, many.candles, many.options), { level: 9 }),
);
console.log(`wrote ${BASELINE_CASES.length} baseline SVGs and the 1,000-drawing fixture`);
