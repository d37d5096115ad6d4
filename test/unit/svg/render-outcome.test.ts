// The outcome in the SVG: exact markup, with its positions checked against the SVG's own candles
// and level lines. The sample on the demo candles: long at the pivot 1.345 on the 2026-01-08
// 20:00 bar, stopped at 1.341 on the 2026-01-09 02:00 bar (6 bars later): −0.30 %, −1R.
import { describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import { type Candle, renderAnalysisSvg, type SvgOptions, svgOutcome } from '../../../src/svg/index';
import { evaluateAnalysis } from '../../../src/core/outcomes';
import { ideaFromDetail } from '../../../src/core/outcome-idea';
import { EXAMPLE } from './detail-builders';

const candles = demoCandles() as unknown as Candle[];
const now = Date.parse('2026-01-10T00:00:00Z') / 1000;
const base: SvgOptions = { width: 800, height: 450, theme: 'light', now };
const render = (outcome?: SvgOptions['outcome']) =>
  renderAnalysisSvg(EXAMPLE, candles, outcome ? { ...base, outcome } : base);

describe('renderAnalysisSvg outcome', () => {
  it('paints the badge, the entry triangle and the exit diamond, and says the outcome', () => {
    const svg = render(svgOutcome);
    expect(svg.match(/<g class="cm-outcome".*?<\/g>/)![0]).toBe(
      '<g class="cm-outcome" data-state="STOPPED">' +
        '<line x1="390.36" y1="211.27" x2="406.14" y2="276.47" stroke="#EF5350" stroke-width="1" stroke-dasharray="1 3"/>' +
        '<polygon points="390.36,205.27 396.36,217.27 384.36,217.27" fill="#EF5350"/>' +
        '<polygon points="406.14,270.47 412.14,276.47 406.14,282.47 400.14,276.47" fill="#EF5350"/>' +
        '<rect x="545" y="6" width="186" height="16" fill="#EF5350"/>' +
        '<text x="728" y="8" fill="#FFFFFF" font-size="12" text-anchor="end" dominant-baseline="hanging">Stopped · −0.30 % · −1.0R</text>' +
        '</g>',
    );
    // The entry sits on the pivot's line and the exit on the support's; their x on the wicks of
    // the entry bar and of the bar six later.
    const levelY = (name: string) =>
      svg.match(new RegExp(`data-level="${name}"><line x1="0" y1="([\\d.]+)"`))![1];
    expect(levelY('pivot')).toBe('211.27');
    expect(levelY('support')).toBe('276.47');
    const wicks = [...svg.match(/<g class="cm-candles">.*?<\/g>/)![0].matchAll(/<line x1="([\d.]+)"/g)].map(
      (m) => m[1],
    );
    const j = wicks.indexOf('390.36');
    expect(j).toBeGreaterThanOrEqual(0);
    expect(wicks[j + 6]).toBe('406.14');
    expect(svg).toContain(
      '; outcome: stopped, entered at 1.3450 on 2026-01-08 20:00 UTC, exited at 1.3410 on 2026-01-09 02:00 UTC, a loss of 0.30 percent, minus 1.0 R"',
    );
  });
  it('paints nothing of it without the part, so existing output stays the same', () => {
    expect(render()).not.toContain('cm-outcome');
    expect(render()).not.toContain('; outcome:');
  });

  it('shows an Outcome given through svgOutcome.of as it is, without evaluating it', () => {
    // The same outcome, evaluated here at the same clock: the same image.
    const given = evaluateAnalysis(ideaFromDetail(EXAMPLE), candles, now);
    expect(render(svgOutcome.of(given))).toBe(render(svgOutcome));
    const pending = { ...given, state: 'PENDING' as const, triggered: false };
    const svg = render(svgOutcome.of(pending));
    expect(svg).toContain('<g class="cm-outcome" data-state="PENDING">');
    expect(svg).toContain('; outcome: not triggered yet"');
  });

  it('is a type error and, from plain JavaScript, a clear error to pass outcome: true without the part', () => {
    // @ts-expect-error `outcome: true` was 0.1's switch; the part is passed instead.
    const old: SvgOptions = { ...base, outcome: true };
    expect(() => renderAnalysisSvg(EXAMPLE, candles, old)).toThrow(
      new TypeError(
        "outcome: expected the outcome part, svgOutcome from 'chartmark/svg' (or svgOutcome.of(outcome) for a given Outcome), got true",
      ),
    );
    const given = evaluateAnalysis(ideaFromDetail(EXAMPLE), candles, now);
    // @ts-expect-error an Outcome itself is shown through svgOutcome.of(outcome).
    expect(() => renderAnalysisSvg(EXAMPLE, candles, { ...base, outcome: given })).toThrow(
      /^outcome: expected the outcome part, .* got an object$/,
    );
  });
});
