// Bar lookup for the editor's magnet: the bar nearest in time, by binary search over the
// candles' open times (they are sorted, as lightweight-charts requires).
import type { UtcSeconds } from '../core/units';

/** One OHLC bar as the magnet sees it; `time` is the bar's open in UTC seconds. */
export interface Bar {
  readonly time: UtcSeconds;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** Finds bars by time. */
export interface BarLookup {
  /** The bar whose open time is nearest to `time` (earlier one on a tie), or null with no bars. */
  nearestBar(time: UtcSeconds): Bar | null;
}

/** Builds a BarLookup over candles sorted by strictly increasing time. */
export function createBarLookup(candles: readonly Bar[]): BarLookup {
  for (let i = 1; i < candles.length; i++) {
    if (!(candles[i].time > candles[i - 1].time)) {
      throw new RangeError(
        `candles[${i}].time: must be after candles[${i - 1}].time (${candles[i - 1].time}), got ${candles[i].time}`,
      );
    }
  }
  return {
    nearestBar(time) {
      if (candles.length === 0) return null;
      let lo = 0;
      let hi = candles.length - 1;
      // Invariant: the first bar with time ≥ `time` lies in [lo, hi] (or is past the end).
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (candles[mid].time < time) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0 && time - candles[lo - 1].time <= candles[lo].time - time) return candles[lo - 1];
      return candles[lo];
    },
  };
}
