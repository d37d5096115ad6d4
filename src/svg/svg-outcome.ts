// Which outcome an SVG (or a description) shows: none unless asked; `true` evaluates the idea
// against the candles given, at `now` (default: the last candle's time, so output stays
// deterministic without a clock); an Outcome is shown as given.
import type { Candle } from '../core/candles';
import { ideaFromDetail } from '../core/outcome-idea';
import { evaluateAnalysis, type Outcome } from '../core/outcomes';
import type { AnalysisDetailWire } from './wire-detail';

/** The outcome option of renderAnalysisSvg. */
export type OutcomeOption = boolean | Outcome | undefined;

/** The outcome to show, or null (not asked, no candles, or an idea or candles that cannot be read). */
export function resolveOutcome(
  analysis: AnalysisDetailWire,
  candles: readonly Candle[],
  option: OutcomeOption,
  now: number | undefined,
): Outcome | null {
  if (option === undefined || option === false) return null;
  if (option !== true) return option;
  if (candles.length === 0) return null;
  try {
    return evaluateAnalysis(ideaFromDetail(analysis), candles, now ?? candles.at(-1)!.time);
  } catch {
    return null; // a preview renders what it can
  }
}
