// Crossings of a live feed: a chart's last bar is updated many times before the next one opens, and
// a reader wants to hear of each crossing once. The tracker keeps the last closed bar, the live
// bar and what it already reported for the live bar.
import type { Candle } from './candles';
import type { Drawing } from './drawing';
import { type Crossing, type CrossingOptions, crossings } from './crossings';

/** Feeds live bars and reports each crossing once per bar, part and direction. */
export interface CrossingTracker {
  /** Starts over from loaded history: its last bar is the live one; what it already crossed is not reported again. */
  reset(candles: readonly Candle[], drawings: readonly Drawing[]): void;
  /** A new or updated last bar; returns the crossings not reported yet. Bars older than the live one are ignored. */
  update(bar: Candle, drawings: readonly Drawing[]): Crossing[];
}

const keyOf = (c: Crossing): string =>
  `${c.drawingId}\u0000${c.part.type}${'index' in c.part ? c.part.index : ''}\u0000${c.direction}`;

/** A tracker with no history yet; `options` maps times to bar indexes like crossings(). */
export function createCrossingTracker(options: CrossingOptions = {}): CrossingTracker {
  let previous: Candle | null = null;
  let live: Candle | null = null;
  const reported = new Set<string>();

  const fresh = (drawings: readonly Drawing[]): Crossing[] => {
    if (previous === null || live === null) return [];
    const out: Crossing[] = [];
    for (const c of crossings(drawings, previous, live, options)) {
      const key = keyOf(c);
      if (reported.has(key)) continue;
      reported.add(key);
      out.push(c);
    }
    return out;
  };

  return {
    reset(candles, drawings) {
      previous = candles.at(-2) ?? null;
      live = candles.at(-1) ?? null;
      reported.clear();
      fresh(drawings);
    },
    update(bar, drawings) {
      if (live !== null && bar.time < live.time) return [];
      if (live !== null && bar.time > live.time) {
        previous = live;
        reported.clear();
      }
      live = bar;
      return fresh(drawings);
    },
  };
}
