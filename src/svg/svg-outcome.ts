// The outcome part of the SVG renderer: the idea evaluated against the candles given, painted as
// a badge with entry and exit markers, and said in the image's label. Opt-in
// (`renderAnalysisSvg(…, { outcome: svgOutcome })`): an SVG without the badge ships none of the
// evaluation, the badge's scene or the outcome's words (about 2 kB gzip).
import type { Direction } from '../core/analysis';
import type { Candle } from '../core/candles';
import { ideaFromDetail } from '../core/outcome-idea';
import { outcomeScene } from '../core/outcome-scene';
import { evaluateAnalysis, type Outcome } from '../core/outcomes';
import type { Scene } from '../core/scene';
import type { Viewport } from '../core/viewport';
import { describeOutcome } from './describe';
import type { AnalysisDetailWire } from './wire-detail';

/** An opt-in part of `renderAnalysisSvg`: see `svgOutcome`. */
export interface SvgOutcome {
  /** The outcome to show, or null (no candles, or an idea or candles that cannot be read). */
  resolve(analysis: AnalysisDetailWire, candles: readonly Candle[], now: number | undefined): Outcome | null;
  /** The badge, entry and exit markers of `outcome`, in the pane's pixels. */
  scene(outcome: Outcome, direction: Direction, viewport: Viewport): Scene;
  /** The outcome in words, added to the image's label ("outcome: target hit, …"). */
  words(outcome: Outcome): string;
  /** The same part showing `outcome` as given (e.g. evaluated elsewhere) instead of evaluating it. */
  of(outcome: Outcome): SvgOutcome;
}

// An Outcome given by the caller is shown as given; otherwise the idea is evaluated at `now`
// (default: the last candle's time, so output stays deterministic without a clock).
function part(given: Outcome | null): SvgOutcome {
  return {
    resolve(analysis, candles, now) {
      if (given) return given;
      if (candles.length === 0) return null;
      try {
        return evaluateAnalysis(ideaFromDetail(analysis), candles, now ?? candles.at(-1)!.time);
      } catch {
        return null; // a preview renders what it can
      }
    },
    scene: outcomeScene,
    words: describeOutcome,
    of: part,
  };
}

/** The idea's outcome in an SVG: badge, entry and exit markers, and its words in the image's label. */
export const svgOutcome: SvgOutcome = part(null);
