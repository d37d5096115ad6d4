// renderAnalysisSvg must keep every byte of the baseline written before the analysis scenes
// moved into core (scripts/write-svg-baseline.ts wrote the fixtures from the old renderer).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAnalysisSvg } from '../../../src/svg/index';
import { BASELINE_CASES } from './baseline-cases';

describe('renderAnalysisSvg against the pre-refactor baseline', () => {
  for (const c of BASELINE_CASES) {
    it(`renders ${c.name} byte for byte as before`, () => {
      const want = readFileSync(
        new URL(`../../fixtures/svg-baseline/${c.name}.svg`, import.meta.url),
        'utf8',
      );
      expect(renderAnalysisSvg(c.detail, c.candles, c.options)).toBe(want);
    });
  }
});
