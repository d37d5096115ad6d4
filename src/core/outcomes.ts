// Trade-idea outcomes: did the analysis work? One set of rules (README "Outcomes"), pure: the
// candles and the clock are arguments. A bar only tells open, high, low and close, so where the
// order inside one bar matters and OHLC cannot tell, the idea gets the worse reading and the
// outcome is flagged `ambiguous`.
import { type Candle, checkCandles, firstCandleAtOrAfter } from './candles';

/** Where an idea stands: not triggered, in the trade, or one of the four final states. */
export type OutcomeState = 'PENDING' | 'TRIGGERED' | 'TARGET_HIT' | 'STOPPED' | 'INVALIDATED' | 'EXPIRED';

/** The states after which no bar can change the outcome. */
export const FINAL_OUTCOME_STATES: readonly OutcomeState[] = [
  'TARGET_HIT',
  'STOPPED',
  'INVALIDATED',
  'EXPIRED',
];

/** What evaluateAnalysis needs of an analysis; every time is UTC seconds. */
export interface Idea {
  readonly direction: 'BULLISH' | 'BEARISH';
  readonly entryPlacement: 'ABOVE_CURRENT' | 'BELOW_CURRENT';
  readonly levels: { readonly support?: number; readonly pivot?: number; readonly resistance?: number };
  readonly createdAt: number;
  readonly expiresAt: number | null;
}

/** A moment and a price of a fill. */
export interface Fill {
  readonly time: number;
  readonly price: number;
}

/** The outcome of an idea against candles at `now`. */
export interface Outcome {
  readonly state: OutcomeState;
  /** True once the entry filled (also for EXPIRED ideas that had triggered). */
  readonly triggered: boolean;
  /** True when the order of events inside one bar decided the outcome and OHLC cannot show it. */
  readonly ambiguous: boolean;
  /** Time of the bar and the price the entry filled at. */
  readonly entry?: Fill;
  /** Time of the bar and the price the trade closed at (target, stop, or the close at expiry). */
  readonly exit?: Fill;
  /** (exit − entry) / entry × 100, signed by direction: positive when the idea made money. */
  readonly resultPercent?: number;
  /** The move divided by |entry − stop|, signed by direction; absent without a stop. */
  readonly r?: number;
  /** Maximum favourable excursion after the entry, in percent of the entry (≥ 0; 0 before the entry). */
  readonly mfe: number;
  /** Maximum adverse excursion after the entry, in percent of the entry (≥ 0; 0 before the entry). */
  readonly mae: number;
}

// A price the bar reaches through its high ('up') or through its low ('down').
interface Mark {
  readonly price: number;
  readonly side: 'up' | 'down';
}

const reaches = (c: Candle, m: Mark): boolean => (m.side === 'up' ? c.high >= m.price : c.low <= m.price);
const opensBeyond = (c: Candle, m: Mark): boolean =>
  m.side === 'up' ? c.open >= m.price : c.open <= m.price;

interface Plan {
  readonly sign: 1 | -1;
  readonly trigger: Mark | null;
  readonly target: Mark | null;
  readonly stop: Mark | null;
}

function planOf(idea: Idea): Plan {
  const { support, pivot, resistance } = idea.levels;
  const bullish = idea.direction === 'BULLISH';
  const mark = (price: number | undefined, side: Mark['side']): Mark | null =>
    price === undefined ? null : { price, side };
  return {
    sign: bullish ? 1 : -1,
    trigger: mark(pivot, idea.entryPlacement === 'ABOVE_CURRENT' ? 'up' : 'down'),
    target: bullish ? mark(resistance, 'up') : mark(support, 'down'),
    stop: bullish ? mark(support, 'down') : mark(resistance, 'up'),
  };
}

function checkIdea(idea: Idea, now: number): void {
  for (const [field, value] of [
    ['createdAt', idea.createdAt],
    ['now', now],
    ...Object.entries(idea.levels).map(([k, v]) => [`levels.${k}`, v] as const),
  ] as const) {
    if (value !== undefined && !Number.isFinite(value))
      throw new RangeError(`${field}: expected a finite number, got ${value}`);
  }
  if (idea.expiresAt !== null && !Number.isFinite(idea.expiresAt)) {
    throw new RangeError(`expiresAt: expected a finite number or null, got ${idea.expiresAt}`);
  }
}

// Excursions from the entry, as the largest favourable and adverse price moves seen.
class Excursion {
  favourable = 0;
  adverse = 0;
  constructor(
    private readonly entry: number,
    private readonly sign: 1 | -1,
  ) {}
  see(price: number): void {
    const move = (price - this.entry) * this.sign;
    if (move > this.favourable) this.favourable = move;
    if (-move > this.adverse) this.adverse = -move;
  }
  bar(c: Candle): void {
    this.see(c.high);
    this.see(c.low);
  }
}

/**
 * The outcome of `idea` against `candles` (strictly increasing open times) at `now`: walks the
 * bars opened at or after createdAt, before expiresAt and at or before now (README "Outcomes").
 */
export function evaluateAnalysis(idea: Idea, candles: readonly Candle[], now: number): Outcome {
  checkIdea(idea, now);
  checkCandles(candles);
  const plan = planOf(idea);
  const end = idea.expiresAt === null ? Number.POSITIVE_INFINITY : idea.expiresAt;
  const expired = now >= end;
  let entry: Fill | null = null;
  let entryIndex = -1;
  let excursion: Excursion | null = null;
  let last: Candle | null = null;

  for (let i = firstCandleAtOrAfter(candles, idea.createdAt); i < candles.length; i++) {
    const c = candles[i]!;
    if (c.time >= end || c.time > now) break;
    last = c;
    // Exits in the entry bar are known to follow the entry only when the entry came at the open.
    let entryFirst = true;
    if (entry === null) {
      const { trigger, stop } = plan;
      const triggers = trigger === null || reaches(c, trigger);
      const stopped = stop !== null && reaches(c, stop);
      if (!triggers) {
        if (stopped) return noTrade('INVALIDATED');
        continue;
      }
      entryFirst = trigger === null || opensBeyond(c, trigger);
      // The bar opened beyond the stop and only later reached the pivot: the stop came first.
      if (stopped && !entryFirst && opensBeyond(c, stop!)) return noTrade('INVALIDATED');
      entry = { time: c.time, price: trigger === null ? c.open : trigger.price };
      entryIndex = i;
      excursion = new Excursion(entry.price, plan.sign);
      if (entryFirst) excursion.see(c.open);
    }
    const exit = exitIn(plan, c, entryIndex === i, entryFirst);
    if (exit !== null) {
      excursion!.see(exit.price);
      return result(plan, exit.state, entry, { time: c.time, price: exit.price }, exit.ambiguous, excursion!);
    }
    // The entry bar's range may predate the entry (unless it opened beyond the pivot); its close cannot.
    if (entryIndex !== i || entryFirst) excursion!.bar(c);
    else excursion!.see(c.close);
  }
  if (entry === null) return noTrade(expired ? 'EXPIRED' : 'PENDING');
  if (!expired) return result(plan, 'TRIGGERED', entry, null, false, excursion!);
  // An expired trade closes at the close of its last bar before the expiry.
  return result(plan, 'EXPIRED', entry, { time: last!.time, price: last!.close }, false, excursion!);
}

interface Exit {
  readonly state: 'TARGET_HIT' | 'STOPPED';
  readonly price: number;
  readonly ambiguous: boolean;
}

// Target or stop in bar c after the entry. In the entry bar (`entryBar`) with a pivot fill inside
// the bar (!entryFirst), an exit is certainly after the entry only when the bar reaches it through
// the same extreme that triggered (a breakout running on): the path passes the pivot first.
function exitIn(plan: Plan, c: Candle, entryBar: boolean, entryFirst: boolean): Exit | null {
  const { target, stop, trigger } = plan;
  const hitsTarget = target !== null && reaches(c, target);
  const hitsStop = stop !== null && reaches(c, stop);
  if (!hitsTarget && !hitsStop) return null;
  const late = entryBar && !entryFirst;
  const certain = (m: Mark): boolean => !late || m.side === trigger!.side;
  // Fills at the level, or at the open when the bar opens beyond it (never before a late entry).
  const fill = (m: Mark): number => (!late && opensBeyond(c, m) ? c.open : m.price);
  if (hitsStop) return { state: 'STOPPED', price: fill(stop!), ambiguous: hitsTarget || !certain(stop!) };
  return { state: 'TARGET_HIT', price: fill(target!), ambiguous: !certain(target!) };
}

function noTrade(state: OutcomeState): Outcome {
  return { state, triggered: false, ambiguous: false, mfe: 0, mae: 0 };
}

function result(
  plan: Plan,
  state: OutcomeState,
  entry: Fill,
  exit: Fill | null,
  ambiguous: boolean,
  excursion: Excursion,
): Outcome {
  // Percent of the entry's size, so the sign stays the direction's even for negative prices
  // (spreads); an entry at exactly 0 has no percent.
  const size = Math.abs(entry.price);
  const percent = (move: number): number => (size === 0 ? 0 : (move / size) * 100);
  const base = {
    state,
    triggered: true,
    ambiguous,
    entry,
    mfe: percent(excursion.favourable),
    mae: percent(excursion.adverse),
  };
  if (exit === null) return base;
  const move = (exit.price - entry.price) * plan.sign;
  const risk = plan.stop === null ? 0 : Math.abs(entry.price - plan.stop.price);
  return {
    ...base,
    exit,
    ...(size > 0 ? { resultPercent: percent(move) } : {}),
    ...(risk > 0 ? { r: move / risk } : {}),
  };
}
