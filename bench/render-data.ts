// Candles and drawings of the render benchmark, shared by the page (bench/render-page/) and the
// driver (render.bench.ts) so both see the same bars. Two scenes of 1,000 drawings:
// - history: 2,000 H1 bars (about 12 weeks) with drawings anchored on the bars — joining highs
//   and lows of two bars 4–120 bars apart — so most of them are off screen at a time (design.md
//   §5's measurement: 2,000 bars, 1,000 drawings); horizontal lines span all time, so most of
//   those stay in view;
// - dense: the 264 demo bars with every drawing's points anywhere on them, so ~90 % of the
//   drawings are in view at once: a stress test of painting, not a picture a trader would read.
import { type DemoCandle, demoCandles, isWeekendHour, prng } from '../demo/candles';
import type { Drawing, DrawingKind } from '../src/core/drawing';
import { createDrawing } from '../src/core/kinds/registry';
import type { Price, UtcSeconds } from '../src/core/units';

const KINDS: readonly DrawingKind[] = [
  'HORIZONTAL_LINE',
  'LINE',
  'RECTANGLE',
  'PARALLEL',
  'FIBONACCI_RETRACEMENT',
];
const HOUR = 3600;
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** `bars` H1 candles: the demo's own 264 when asked for them, else a seeded walk from 2025-10-01 with forex weekends. */
export function benchCandles(bars: number): DemoCandle[] {
  const demo = demoCandles();
  if (bars === demo.length) return demo;
  const rand = prng(20251001);
  const out: DemoCandle[] = [];
  let close = 1.34;
  let mean = 1.34;
  for (let t = Date.UTC(2025, 9, 1) / 1000; out.length < bars; t += HOUR) {
    if (isWeekendHour(t)) continue;
    const open = close;
    // A slowly wandering mean gives trends and ranges over the weeks, as real pairs show.
    mean += (rand() - 0.5) * 0.0016;
    close = open + (rand() - 0.5) * 0.0042 + (mean - open) * 0.02;
    out.push({
      time: t,
      open: round5(open),
      high: round5(Math.max(open, close) + rand() * 0.0009),
      low: round5(Math.min(open, close) - rand() * 0.0009),
      close: round5(close),
    });
  }
  return out;
}

type Rand = () => number;

function seeded(seed: number): Rand {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

const at = (c: DemoCandle, price: number) => ({ time: c.time as UtcSeconds, price: price as Price });

/** 1,000-style dense scene: points on random bars, prices anywhere in 1.337–1.358 (the demo's range). */
export function denseDrawings(candles: readonly DemoCandle[], count: number): Drawing[] {
  const rand = seeded(7);
  const point = () => at(candles[Math.floor(rand() * candles.length)], 1.337 + rand() * 0.021);
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const n = { HORIZONTAL_LINE: 1, LINE: 2, RECTANGLE: 2, PARALLEL: 3, FIBONACCI_RETRACEMENT: 2 }[kind];
    const pts = Array.from({ length: n }, point).sort((a, b) => a.time - b.time);
    return createDrawing(kind, `bench_${i}`, pts);
  });
}

/** Drawings on `candles`: each spans 4–120 bars from a random start bar, anchored on bar highs and lows. */
export function historyDrawings(candles: readonly DemoCandle[], count: number): Drawing[] {
  const rand = seeded(11);
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const s = Math.floor(rand() * candles.length);
    const e = Math.min(candles.length - 1, s + 4 + Math.floor(rand() * 117));
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let k = s; k <= e; k++) {
      lo = Math.min(lo, candles[k].low);
      hi = Math.max(hi, candles[k].high);
    }
    const a = candles[s];
    const b = candles[e];
    const up = rand() < 0.5;
    const id = `bench_${i}`;
    switch (kind) {
      case 'HORIZONTAL_LINE':
        return createDrawing(kind, id, [at(a, up ? a.high : a.low)]);
      case 'LINE':
        return createDrawing(kind, id, [at(a, up ? a.low : a.high), at(b, up ? b.high : b.low)]);
      case 'RECTANGLE':
        // A supply or demand zone: the top or bottom third of the range between the two bars.
        return createDrawing(kind, id, [
          at(a, up ? hi : lo),
          at(b, up ? hi - (hi - lo) / 3 : lo + (hi - lo) / 3),
        ]);
      case 'PARALLEL':
        return createDrawing(kind, id, [
          at(a, up ? a.low : a.high),
          at(b, up ? b.low : b.high),
          at(candles[(s + e) >> 1], up ? hi : lo),
        ]);
      default:
        return createDrawing(kind, id, [at(a, up ? lo : hi), at(b, up ? hi : lo)]);
    }
  });
}
