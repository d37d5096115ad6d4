import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderAnalysisSvg } from '../../../src/svg/index';
import { manyDrawingsAnalysis } from '../../fixtures/many-drawings-analysis';

describe('renderAnalysisSvg of the 1,000-drawing benchmark analysis', () => {
  it('writes exactly the bytes of the renderer as of issue 15 (the fixture), so speed-ups change no output', () => {
    const { detail, candles, options } = manyDrawingsAnalysis();
    const expected = gunzipSync(
      readFileSync(new URL('../../fixtures/svg-1000-drawings.svg.gz', import.meta.url)),
    ).toString('utf8');
    const svg = renderAnalysisSvg(detail, candles, options);
    expect(svg.length).toBe(expected.length);
    // One string comparison, not a diff of 700 kB: on failure, say where the first byte differs.
    if (svg !== expected) {
      let i = 0;
      while (svg[i] === expected[i]) i++;
      expect(svg.slice(Math.max(0, i - 80), i + 80)).toBe(expected.slice(Math.max(0, i - 80), i + 80));
    }
    expect(svg === expected).toBe(true);
  });
});
