// Candles as the embedder passes them: one OHLC bar per open time, UTC seconds. Outcomes and
// crossings walk them; like the time index, lookups are binary searches over the open times.

/** One bar: its open time (UTC seconds) and open, high, low and close prices. */
export interface Candle {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

// Arrays already checked: evaluating thousands of analyses against the same bars must not
// re-check 5,000 bars each time. Callers hand candles over as immutable data.
const checked = new WeakSet<readonly Candle[]>();

/** What is wrong with one bar (a field and the rule it breaks), or null: fields finite, low ≤ open, close ≤ high. */
export function candleIssue(c: Candle): { readonly field: keyof Candle; readonly rule: string } | null {
  for (const field of ['time', 'open', 'high', 'low', 'close'] as const) {
    if (typeof c[field] !== 'number' || !Number.isFinite(c[field])) {
      return { field, rule: `expected a finite number, got ${c[field]}` };
    }
  }
  if (c.high < c.low) return { field: 'high', rule: `must be ≥ low (${c.low}), got ${c.high}` };
  for (const field of ['open', 'close'] as const) {
    if (c[field] > c.high || c[field] < c.low) {
      return { field, rule: `must lie between low (${c.low}) and high (${c.high}), got ${c[field]}` };
    }
  }
  return null;
}

/** Throws naming the index and field of the first bad candle (see candleIssue) or of times not strictly increasing. */
export function checkCandles(candles: readonly Candle[]): void {
  if (checked.has(candles)) return;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < candles.length; i++) {
    const c = candles[i]!;
    const issue = candleIssue(c);
    if (issue) throw new RangeError(`candles[${i}].${issue.field}: ${issue.rule}`);
    if (!(c.time > previous)) {
      throw new RangeError(
        `candles[${i}].time: must be greater than candles[${i - 1}].time (${previous}), got ${c.time}`,
      );
    }
    previous = c.time;
  }
  checked.add(candles);
}

/** Index of the first candle whose time is ≥ `time` (candles.length when none is). */
export function firstCandleAtOrAfter(candles: readonly Candle[], time: number): number {
  let lo = 0;
  let hi = candles.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (candles[mid]!.time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
