// Trade-idea outcomes and crossing alerts at channel scale. Seeded, so every run measures the same
// data; prints medians and ratios; never fails on time.
// 1. evaluateAnalysis of 10,000 ideas against one 5,000-bar series (binary search to createdAt,
//    walk to the exit or expiry) vs the peer: a naive scan of all bars per analysis to select its
//    window, then the same walk. Every outcome is compared.
// 2. crossings() of 1,000 drawings per live bar (bar space through a time index) vs, in the same
//    run, building the same drawings' scenes once (what every repaint of them already costs).
//   npx tsx bench/outcomes.bench.ts [analyses=10000] [bars=5000] [drawings=1000]
import { cpus, loadavg } from 'node:os';
import { prng } from '../demo/candles';
import {
  type Candle,
  type ChartPoint,
  createDrawing,
  createTimeIndex,
  createViewport,
  crossings,
  DRAWING_KINDS,
  type Drawing,
  drawingScene,
  evaluateAnalysis,
  type Idea,
  type Price,
  type UtcSeconds,
} from '../src/core';

const ANALYSES = Number(process.argv[2] ?? 10_000);
const BARS = Number(process.argv[3] ?? 5_000);
const DRAWINGS = Number(process.argv[4] ?? 1_000);
const H = 3600;
const T0 = 1_735_689_600; // 2025-01-01T00:00:00Z

const random = prng(16);
const between = (lo: number, hi: number) => lo + (hi - lo) * random();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// An hourly random walk around 1.30 with weekend gaps (no bars Saturday and Sunday).
const candles: Candle[] = [];
for (let t = T0, last = 1.3; candles.length < BARS; t += H) {
  const day = new Date(t * 1000).getUTCDay();
  if (day === 0 || day === 6) continue;
  const open = last;
  const close = open + between(-0.003, 0.003);
  const high = Math.max(open, close) + between(0, 0.002);
  const low = Math.min(open, close) - between(0, 0.002);
  candles.push({ time: t, open, high, low, close });
  last = close;
}

// Ideas spread over the series, levels a few tenths of a percent from the price at creation.
const ideas: Idea[] = Array.from({ length: ANALYSES }, () => {
  const at = candles[Math.floor(between(0, BARS - 10))]!;
  const p = at.close;
  const pivot = p * (1 + between(-0.004, 0.004));
  return {
    direction: random() < 0.5 ? 'BULLISH' : 'BEARISH',
    entryPlacement: pivot > p ? 'ABOVE_CURRENT' : 'BELOW_CURRENT',
    levels: {
      support: pivot * (1 - between(0.002, 0.01)),
      pivot,
      resistance: pivot * (1 + between(0.002, 0.01)),
    },
    createdAt: at.time + 1800,
    expiresAt: random() < 0.2 ? null : at.time + Math.round(between(24, 24 * 30)) * H,
  };
});
const now = candles.at(-1)!.time + H;

// The peer: every bar is looked at to select the idea's window, then the same walk.
function naive(idea: Idea): ReturnType<typeof evaluateAnalysis> {
  const end = idea.expiresAt ?? Number.POSITIVE_INFINITY;
  const window: Candle[] = [];
  for (const c of candles) if (c.time >= idea.createdAt && c.time < end && c.time <= now) window.push(c);
  return evaluateAnalysis(idea, window, now);
}

const oursMs: number[] = [];
const peerMs: number[] = [];
let differing = 0;
const states: Record<string, number> = {};
for (let round = 0; round < 5; round++) {
  let t = performance.now();
  const ours = ideas.map((i) => evaluateAnalysis(i, candles, now));
  oursMs.push(performance.now() - t);
  t = performance.now();
  const peer = ideas.map(naive);
  peerMs.push(performance.now() - t);
  if (round === 0) {
    for (let i = 0; i < ours.length; i++) {
      if (JSON.stringify(ours[i]) !== JSON.stringify(peer[i])) differing++;
      states[ours[i]!.state] = (states[ours[i]!.state] ?? 0) + 1;
    }
  }
}

// 1,000 drawings of the five kinds around the last bars, a tenth extended.
const index = createTimeIndex(candles.map((c) => c.time as UtcSeconds));
const lastTime = candles.at(-1)!.time;
const pt = (barsBack: number, price: number): ChartPoint => ({
  time: index.logicalToTime((BARS - 1 - barsBack) as never),
  price: price as Price,
});
const drawings: Drawing[] = Array.from({ length: DRAWINGS }, (_, i) => {
  const kind = DRAWING_KINDS[i % DRAWING_KINDS.length]!;
  const back = between(5, 200);
  const p = candles.at(-1)!.close * (1 + between(-0.01, 0.01));
  const a = pt(back, p);
  const b = pt(back - between(1, 60), p * (1 + between(-0.005, 0.005)));
  const extend = random() < 0.1;
  switch (kind) {
    case 'HORIZONTAL_LINE':
      return createDrawing(kind, `d${i}`, [a]);
    case 'PARALLEL':
      return { ...createDrawing(kind, `d${i}`, [a, b, pt(back, p * 1.002)]), extendRight: extend };
    case 'LINE':
    case 'FIBONACCI_RETRACEMENT':
      return { ...createDrawing(kind, `d${i}`, [a, b]), extendRight: extend };
    default:
      return createDrawing(kind, `d${i}`, [a, b]);
  }
});
const vp = createViewport({
  times: candles.map((c) => c.time as UtcSeconds),
  width: 1200,
  height: 600,
  logicalRange: { from: BARS - 200, to: BARS + 10 },
  priceRange: { min: candles.at(-1)!.close * 0.98, max: candles.at(-1)!.close * 1.02 },
});
const timeToLogical = (t: number) => index.timeToLogical(t as UtcSeconds);
const liveUs: number[] = [];
const sceneUs: number[] = [];
let crossed = 0;
const previous = candles.at(-2)!;
for (let tick = 0; tick < 300; tick++) {
  // The live bar grows tick by tick.
  const c = candles.at(-1)!;
  const bar: Candle = {
    ...c,
    time: lastTime,
    high: c.high + tick * 0.00002,
    low: c.low - tick * 0.00002,
  };
  let t = performance.now();
  crossed = crossings(drawings, previous, bar, { timeToLogical }).length;
  liveUs.push((performance.now() - t) * 1000);
  t = performance.now();
  for (const d of drawings) drawingScene(d, vp);
  sceneUs.push((performance.now() - t) * 1000);
}

const ours = median(oursMs.slice(1));
const peer = median(peerMs.slice(1));
console.log(
  `outcomes bench — ${ANALYSES} analyses × ${BARS} bars; crossings of ${DRAWINGS} drawings per live bar`,
);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`,
);
console.log(`outcomes: ${JSON.stringify(states)}; outcomes differing between the two: ${differing}`);
console.log(
  `evaluateAnalysis (binary search + walk):  median ${ours.toFixed(1)} ms for all (${((ours * 1000) / ANALYSES).toFixed(2)} µs each)`,
);
console.log(
  `peer, naive scan of all bars per idea:    median ${peer.toFixed(1)} ms for all (${((peer * 1000) / ANALYSES).toFixed(2)} µs each)`,
);
console.log(`ratio peer / ours:                        ${(peer / ours).toFixed(1)}×`);
const live = median(liveUs);
const scene = median(sceneUs);
console.log(
  `crossings, ${DRAWINGS} drawings per live bar:     median ${live.toFixed(1)} µs (${crossed} crossings on the last tick)`,
);
console.log(`scenes of the same drawings (one repaint): median ${scene.toFixed(1)} µs`);
console.log(`ratio scenes / crossings:                 ${(scene / live).toFixed(1)}×`);
