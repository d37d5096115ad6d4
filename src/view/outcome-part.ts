// The outcome part of the read-only view: the idea evaluated against the view's candles (live
// bars included), painted as a badge with entry and exit markers, and said in the chart's
// summary. Opt-in (`mountAnalysisView(…, { outcomes: viewOutcomes })`): a post without the badge
// ships none of the evaluation.
import { ideaFromAnalysis } from '../core/outcome-idea';
import { evaluateAnalysis, type Idea, type Outcome } from '../core/outcomes';
import { type Candle, describeOutcome } from '../svg/index';
import { createOutcomePrimitive, type OutcomePrimitive } from './outcome-primitive';
import type { ViewPartContext } from './view-part';

/** The outcome part as mounted on one view. */
export interface MountedOutcome {
  /** The primitive painting the badge and markers (attached to the view's series). */
  readonly primitive: OutcomePrimitive;
  /** The outcome in words for the chart's summary ("outcome: target hit, …"), or null when there is none. */
  words(): string | null;
  /** A new or updated last bar: evaluates again and repaints. */
  update(bar: Candle): void;
  /** Detaches the primitive. */
  destroy(): void;
}

/** An opt-in part of `mountAnalysisView`: see `viewOutcomes`. */
export interface ViewOutcomes {
  /** Mounts the part on a view (mountAnalysisView calls it). */
  mount(view: ViewPartContext): MountedOutcome;
}

// Evaluated at the view's clock but never before the last bar (a bar that exists has opened).
function evaluate(idea: Idea | null, bars: readonly Candle[], now: number | undefined): Outcome | null {
  if (!idea || bars.length === 0) return null;
  try {
    return evaluateAnalysis(idea, bars, Math.max(now ?? Date.now() / 1000, bars.at(-1)!.time));
  } catch {
    return null; // candles that break the rules (see checkCandles): no outcome rather than no post
  }
}

/** The idea's outcome on a post's chart: badge, entry and exit markers, and its words in the summary. */
export const viewOutcomes: ViewOutcomes = {
  mount(view) {
    let idea: Idea | null = null;
    try {
      idea = ideaFromAnalysis(view.analysis);
    } catch {
      idea = null; // an unreadable createdAt: the post still shows, without an outcome
    }
    let bars = view.candles;
    const primitive = createOutcomePrimitive(
      view.model.metadata.direction,
      view.viewport,
      evaluate(idea, bars, view.now),
      view.fallbackColor,
    );
    view.series.attachPrimitive(primitive);
    return {
      primitive,
      words() {
        const o = primitive.outcome();
        return o ? describeOutcome(o) : null;
      },
      update(bar) {
        // A new array each time: candle checks are remembered per array.
        bars =
          bars.length > 0 && bars.at(-1)!.time === bar.time ? [...bars.slice(0, -1), bar] : [...bars, bar];
        primitive.setOutcome(evaluate(idea, bars, view.now));
      },
      destroy: () => view.series.detachPrimitive(primitive),
    };
  },
};
