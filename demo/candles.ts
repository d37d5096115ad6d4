// Deterministic demo candles: GBP/USD H1 from 2026-01-01 to 2026-01-15 (UTC), between about
// 1.335 and 1.360, with the forex weekend gap (Friday 22:00 to Sunday 22:00 UTC) so that the
// documented example analysis sits on real-looking bars and gaps are exercised everywhere.

/** One OHLC bar; `time` is UTC seconds at the bar's open. */
export interface DemoCandle {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

const HOUR = 3600;
const START = Date.UTC(2026, 0, 1) / 1000;
const END = Date.UTC(2026, 0, 15, 23) / 1000;

/** mulberry32, a tiny seeded PRNG: every run and machine sees the same candles (benchmarks reuse it). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True for hours when the forex market is closed (Fri 22:00 – Sun 22:00 UTC). */
export function isWeekendHour(time: number): boolean {
  const d = new Date(time * 1000);
  const day = d.getUTCDay();
  const h = d.getUTCHours();
  return (day === 5 && h >= 22) || day === 6 || (day === 0 && h < 22);
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** The demo candles, oldest first. */
export function demoCandles(): DemoCandle[] {
  const rand = prng(20260101);
  const out: DemoCandle[] = [];
  let close = 1.3432;
  for (let t = START; t <= END; t += HOUR) {
    if (isWeekendHour(t)) continue;
    const open = close;
    // Mean-reverting walk around 1.3475 keeps the range inside 1.335–1.360.
    const drift = (1.3475 - open) * 0.025;
    const step = (rand() - 0.5) * 0.0042 + drift;
    close = Math.min(1.3592, Math.max(1.3358, open + step));
    const high = Math.max(open, close) + rand() * 0.0009;
    const low = Math.min(open, close) - rand() * 0.0009;
    out.push({
      time: t,
      open: round5(open),
      high: round5(Math.min(high, 1.36)),
      low: round5(Math.max(low, 1.335)),
      close: round5(close),
    });
  }
  return out;
}
