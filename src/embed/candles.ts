// Candles as the embedder has them: lightweight-charts' OHLC bars, `time` in UTC seconds.
// Checked once at the door, so a millisecond timestamp or an unsorted feed fails with the
// field that is wrong instead of a blank chart.
import type { UTCTimestamp } from 'lightweight-charts';
import type { UtcSeconds } from '../core/index';

/** One OHLC bar: `time` is the bar's open in UTC seconds (lightweight-charts' `UTCTimestamp`). */
export interface OhlcBar {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** The same bar typed for the engine and for lightweight-charts. */
export interface EngineBar {
  readonly time: UtcSeconds & UTCTimestamp;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

// 1e11 s is the year 5138; any larger "seconds" value is almost surely milliseconds.
const MAX_SECONDS = 1e11;

/** Checks one bar; `at` names it in the error ("candles[3]"). */
export function checkBar(bar: OhlcBar, at: string): EngineBar {
  if (bar === null || typeof bar !== 'object')
    throw new TypeError(`${at}: must be an object { time, open, high, low, close }`);
  const { time, open, high, low, close } = bar;
  if (typeof time !== 'number' || !Number.isFinite(time))
    throw new TypeError(`${at}.time: must be a number of UTC seconds, got ${String(time)}`);
  if (Math.abs(time) >= MAX_SECONDS)
    throw new RangeError(`${at}.time: ${time} looks like milliseconds; pass UTC seconds (divide by 1000)`);
  for (const [name, v] of [
    ['open', open],
    ['high', high],
    ['low', low],
    ['close', close],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new TypeError(`${at}.${name}: must be a finite number, got ${String(v)}`);
  }
  return { time: time as UtcSeconds & UTCTimestamp, open, high, low, close };
}

/** Checks every bar and that times strictly increase; returns engine-typed copies. */
export function checkCandles(candles: readonly OhlcBar[]): EngineBar[] {
  if (!Array.isArray(candles))
    throw new TypeError('candles: must be an array of { time, open, high, low, close }');
  const out: EngineBar[] = new Array(candles.length);
  for (let i = 0; i < candles.length; i++) {
    out[i] = checkBar(candles[i], `candles[${i}]`);
    if (i > 0 && !(out[i].time > out[i - 1].time))
      throw new RangeError(
        `candles[${i}].time: must be after candles[${i - 1}].time (${out[i - 1].time}), got ${out[i].time}`,
      );
  }
  return out;
}
