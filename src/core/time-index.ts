// Time ↔ fractional bar index (design.md §3). Bars are the only places where time is known to
// be continuous: between two bars time is interpolated (so a weekend gap takes no room), and
// outside the data it is extrapolated with the median bar interval so drawings reach into the
// future. Every lookup is a binary search; the medians are computed once.
import type { Logical, UtcSeconds } from './units';

/** Maps times to fractional bar indexes over one series of bar open times. */
export interface TimeIndex {
  /** Number of bars. */
  readonly length: number;
  /** Seconds per bar after the last bar: the median of the last (up to) 50 intervals. */
  readonly barSpacing: number;
  /** Seconds per bar before the first bar: the median of the first (up to) 50 intervals. */
  readonly intervalBefore: number;
  /** Open time of bar i (an integer in 0 … length − 1). */
  timeAt(i: number): UtcSeconds;
  /** Fractional bar index of a time: exact on bars, linear between them, extrapolated outside. */
  timeToLogical(time: UtcSeconds): Logical;
  /** Time of a fractional bar index; the exact inverse of timeToLogical. */
  logicalToTime(index: Logical): UtcSeconds;
  /** Index of the bar whose open time is nearest (ties go to the earlier bar), clamped to the data. */
  nearestIndex(time: UtcSeconds): number;
}

/** Options of createTimeIndex. */
export interface TimeIndexOptions {
  /** Bar interval in seconds when there is a single bar and so no interval to measure; default 60. */
  readonly fallbackInterval?: number;
}

/** How many intervals at each end the extrapolation medians look at. */
export const MEDIAN_WINDOW = 50;

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** Builds a TimeIndex over strictly increasing bar times (at least one); throws naming the bad index. */
export function createTimeIndex(times: readonly UtcSeconds[], options: TimeIndexOptions = {}): TimeIndex {
  const n = times.length;
  if (n === 0) throw new RangeError('times: expected at least 1 bar, got 0');
  const fallback = options.fallbackInterval ?? 60;
  if (!(Number.isFinite(fallback) && fallback > 0)) {
    throw new RangeError(`fallbackInterval: must be a positive finite number of seconds, got ${fallback}`);
  }
  // A private copy: callers may reuse their array, and a typed array keeps the searches tight.
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = times[i]!;
    if (!Number.isFinite(v)) throw new RangeError(`times[${i}]: expected a finite number, got ${v}`);
    if (i > 0 && !(v > t[i - 1]!)) {
      throw new RangeError(`times[${i}]: must be greater than times[${i - 1}] (${t[i - 1]}), got ${v}`);
    }
    t[i] = v;
  }
  const last = n - 1;
  const intervals = (from: number, to: number): number[] => {
    const out: number[] = [];
    for (let i = from; i < to; i++) out.push(t[i + 1]! - t[i]!);
    return out;
  };
  const after = n === 1 ? fallback : median(intervals(Math.max(0, last - MEDIAN_WINDOW), last));
  const before = n === 1 ? fallback : median(intervals(0, Math.min(last, MEDIAN_WINDOW)));

  // The largest i with t[i] ≤ time; the caller guarantees t[0] ≤ time < t[last].
  const floorIndex = (time: number): number => {
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (t[mid]! <= time) lo = mid;
      else hi = mid;
    }
    return lo;
  };

  const timeToLogical = (time: UtcSeconds): Logical => {
    if (time <= t[0]!) return ((time - t[0]!) / before) as Logical;
    if (time >= t[last]!) return (last + (time - t[last]!) / after) as Logical;
    const i = floorIndex(time);
    return (i + (time - t[i]!) / (t[i + 1]! - t[i]!)) as Logical;
  };

  const logicalToTime = (index: Logical): UtcSeconds => {
    if (index <= 0) return (t[0]! + index * before) as UtcSeconds;
    if (index >= last) return (t[last]! + (index - last) * after) as UtcSeconds;
    const i = Math.floor(index);
    return (t[i]! + (index - i) * (t[i + 1]! - t[i]!)) as UtcSeconds;
  };

  return {
    length: n,
    barSpacing: after,
    intervalBefore: before,
    timeAt(i: number): UtcSeconds {
      if (!Number.isInteger(i) || i < 0 || i > last) {
        throw new RangeError(`timeAt: index must be an integer in 0..${last}, got ${i}`);
      }
      return t[i]! as UtcSeconds;
    },
    timeToLogical,
    logicalToTime,
    nearestIndex(time: UtcSeconds): number {
      if (time <= t[0]!) return 0;
      if (time >= t[last]!) return last;
      const i = floorIndex(time);
      return time - t[i]! <= t[i + 1]! - time ? i : i + 1;
    },
  };
}
