// Writes test/fixtures/svg-baseline/<case>.svg from today's renderAnalysisSvg (run with tsx).
// Run once before a refactor of the SVG path; the baseline test then holds every later output to it.
import { writeFileSync } from 'node:fs';
import { renderAnalysisSvg } from '../src/svg/index';
import { BASELINE_CASES } from '../test/unit/svg/baseline-cases';

for (const c of BASELINE_CASES) {
  writeFileSync(
    new URL(`../test/fixtures/svg-baseline/${c.name}.svg`, import.meta.url),
    renderAnalysisSvg(c.detail, c.candles, c.options),
  );
}
console.log(`wrote ${BASELINE_CASES.length} baseline SVGs`);
