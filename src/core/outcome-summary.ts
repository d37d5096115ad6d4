// A channel's record per sender: how many ideas closed, how many hit their target, the average R.
// Communities rank analysts by it; the demo's channel page and the server CLI print it.
import type { Analysis } from './analysis';
import type { Candle } from './candles';
import { type IdeaDetail, ideaFromAnalysis } from './outcome-idea';
import { evaluateAnalysis, FINAL_OUTCOME_STATES, type OutcomeState } from './outcomes';

/** An analysis as summariseOutcomes reads it: domain or wire, with its sender and symbol. */
export type SummarisedAnalysis =
  | Analysis
  | (IdeaDetail & { readonly sender: string; readonly metadata: { readonly symbol: string } });

/** One sender's record. */
export interface SenderOutcomes {
  readonly sender: string;
  /** Analyses whose symbol had candles (the others are counted in `withoutCandles`). */
  readonly ideas: number;
  /** Still PENDING or TRIGGERED. */
  readonly open: number;
  /** In a final state: TARGET_HIT, STOPPED, INVALIDATED or EXPIRED. */
  readonly closed: number;
  /** Closed ideas that had an entry and an exit: TARGET_HIT, STOPPED, or EXPIRED after triggering. */
  readonly trades: number;
  readonly targetHits: number;
  readonly stopped: number;
  readonly invalidated: number;
  /** EXPIRED, triggered or not. */
  readonly expired: number;
  /** targetHits / trades; null without trades. */
  readonly hitRate: number | null;
  /** Mean R of the trades that have one (a stop); null when none has. */
  readonly averageR: number | null;
  /** Analyses skipped because no candles were given for their symbol. */
  readonly withoutCandles: number;
}

/** Candles per symbol, as a Map or a plain object. */
export type CandlesBySymbol =
  | ReadonlyMap<string, readonly Candle[]>
  | { readonly [symbol: string]: readonly Candle[] };

interface Tally {
  ideas: number;
  states: Record<OutcomeState, number>;
  trades: number;
  rSum: number;
  rCount: number;
  withoutCandles: number;
}

function candlesOf(bySymbol: CandlesBySymbol, symbol: string): readonly Candle[] | undefined {
  if (bySymbol instanceof Map) return bySymbol.get(symbol);
  const record = bySymbol as { readonly [symbol: string]: readonly Candle[] };
  return Object.hasOwn(record, symbol) ? record[symbol] : undefined;
}

/** Per sender, evaluated at `now`: ranked by average R (senders without one last), then trades, then name. */
export function summariseOutcomes(
  analyses: readonly SummarisedAnalysis[],
  candlesBySymbol: CandlesBySymbol,
  now: number,
): SenderOutcomes[] {
  const tallies = new Map<string, Tally>();
  for (const analysis of analyses) {
    let t = tallies.get(analysis.sender);
    if (!t) {
      t = {
        ideas: 0,
        states: { PENDING: 0, TRIGGERED: 0, TARGET_HIT: 0, STOPPED: 0, INVALIDATED: 0, EXPIRED: 0 },
        trades: 0,
        rSum: 0,
        rCount: 0,
        withoutCandles: 0,
      };
      tallies.set(analysis.sender, t);
    }
    const candles = candlesOf(candlesBySymbol, analysis.metadata.symbol);
    if (!candles) {
      t.withoutCandles++;
      continue;
    }
    const outcome = evaluateAnalysis(ideaFromAnalysis(analysis), candles, now);
    t.ideas++;
    t.states[outcome.state]++;
    if (outcome.exit) {
      t.trades++;
      if (outcome.r !== undefined) {
        t.rSum += outcome.r;
        t.rCount++;
      }
    }
  }
  const out: SenderOutcomes[] = [];
  for (const [sender, t] of tallies) {
    const s = t.states;
    out.push({
      sender,
      ideas: t.ideas,
      open: s.PENDING + s.TRIGGERED,
      closed: FINAL_OUTCOME_STATES.reduce((n, state) => n + s[state], 0),
      trades: t.trades,
      targetHits: s.TARGET_HIT,
      stopped: s.STOPPED,
      invalidated: s.INVALIDATED,
      expired: s.EXPIRED,
      hitRate: t.trades > 0 ? s.TARGET_HIT / t.trades : null,
      averageR: t.rCount > 0 ? t.rSum / t.rCount : null,
      withoutCandles: t.withoutCandles,
    });
  }
  return out.sort(
    (a, b) =>
      (b.averageR ?? Number.NEGATIVE_INFINITY) - (a.averageR ?? Number.NEGATIVE_INFINITY) ||
      b.trades - a.trades ||
      (a.sender < b.sender ? -1 : a.sender > b.sender ? 1 : 0),
  );
}
