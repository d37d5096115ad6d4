// Hit-testing 10,000 drawings of all five kinds on a 1200×600 pane: hitTest through the grid
// SpatialIndex vs the linear scan over every drawing (the peer), same drawings, same pointers, one
// process, interleaved. Also the index build (bulk load) and a one-drawing update. Seeded, so
// every run tests the same scene. Prints medians and the ratio; never fails on time.
//   npx tsx bench/hit-test.bench.ts [drawings, default 10000] [pointer moves, default 200]
import { cpus, loadavg } from 'node:os';
import {
  type ChartPoint,
  createDrawing,
  createSpatialIndex,
  createViewport,
  type Drawing,
  type DrawingKind,
  DRAWING_KINDS,
  hitTest,
  px,
  type UtcSeconds,
  utcSeconds,
} from '../src/core';
import { prng } from '../demo/candles';

const startLoad = loadavg()[0]!;
const COUNT = Number(process.argv[2] ?? 10_000);
const MOVES = Number(process.argv[3] ?? 200);
const TOLERANCE = 5;
const WIDTH = 1200;
const HEIGHT = 600;

// Seeded so the scene is the same on every run.
const random = prng(42);
const between = (lo: number, hi: number) => lo + (hi - lo) * random();

const times: UtcSeconds[] = Array.from({ length: 2000 }, (_, i) => utcSeconds(1_767_225_600 + i * 300));
const vp = createViewport({
  times,
  width: WIDTH,
  height: HEIGHT,
  logicalRange: { from: 1800, to: 2000 },
  priceRange: { min: 100, max: 130 },
});
const at = (x: number, y: number): ChartPoint => ({ time: vp.xToTime(px(x)), price: vp.yToPrice(px(y)) });

// Drawings of a few to a few hundred px, a tenth of the extendable ones extended: what a busy chart holds.
function randomDrawing(i: number): Drawing {
  const kind: DrawingKind = DRAWING_KINDS[i % DRAWING_KINDS.length]!;
  const x = between(-100, WIDTH + 100);
  const y = between(-50, HEIGHT + 50);
  const p0 = at(x, y);
  const p1 = at(x + between(-200, 200), y + between(-120, 120));
  const extend = random() < 0.1;
  switch (kind) {
    case 'HORIZONTAL_LINE':
      return createDrawing(kind, `d${i}`, [p0]);
    case 'LINE':
      return { ...createDrawing(kind, `d${i}`, [p0, p1]), extendRight: extend, endHead: 'ARROW' };
    case 'RECTANGLE':
      return createDrawing(kind, `d${i}`, [p0, p1]);
    case 'PARALLEL':
      return {
        ...createDrawing(kind, `d${i}`, [p0, p1, at(x + between(-50, 50), y + between(10, 60))]),
        extendRight: extend,
      };
    case 'FIBONACCI_RETRACEMENT':
      return { ...createDrawing(kind, `d${i}`, [p0, p1]), extendRight: extend };
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const drawings = Array.from({ length: COUNT }, (_, i) => randomDrawing(i));
const pointers = Array.from({ length: MOVES }, () => ({ x: between(0, WIDTH), y: between(0, HEIGHT) }));

const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const buildMs: number[] = [];
const buildCpuMs: number[] = [];
let index = createSpatialIndex(drawings, vp);
for (let r = 0; r < 7; r++) {
  const t = performance.now();
  const c = cpuUs();
  index = createSpatialIndex(drawings, vp);
  buildCpuMs.push((cpuUs() - c) / 1000);
  buildMs.push(performance.now() - t);
}

const updateUs: number[] = [];
for (let r = 0; r < 200; r++) {
  const d = drawings[Math.floor(random() * COUNT)]!;
  const t = performance.now();
  index.upsert(d, vp);
  updateUs.push((performance.now() - t) * 1000);
}

const linearUs: number[] = [];
const indexedUs: number[] = [];
let mismatches = 0;
let hits = 0;
// Warm up both paths, then interleave so drift affects both alike.
for (const p of pointers.slice(0, 20)) {
  hitTest(drawings, vp, p, TOLERANCE);
  hitTest(drawings, vp, p, TOLERANCE, index);
}
for (const p of pointers) {
  let t = performance.now();
  const a = hitTest(drawings, vp, p, TOLERANCE);
  linearUs.push((performance.now() - t) * 1000);
  t = performance.now();
  const b = hitTest(drawings, vp, p, TOLERANCE, index);
  indexedUs.push((performance.now() - t) * 1000);
  if (JSON.stringify(a) !== JSON.stringify(b)) mismatches++;
  if (b) hits++;
}
const candidates = median(pointers.map((p) => index.searchPoint(p, TOLERANCE).length));

// The same comparison in process CPU time, whole batches of moves: on a shared machine wall time
// also counts the time this process waits for a core, which inflates the long linear scan more
// than the short indexed search (issue 18: loaded runs flattered the ratio).
const linearCpu: number[] = [];
const indexedCpu: number[] = [];
for (let r = 0; r < 5; r++) {
  let c = cpuUs();
  for (const p of pointers.slice(0, 40)) hitTest(drawings, vp, p, TOLERANCE);
  linearCpu.push((cpuUs() - c) / 40);
  c = cpuUs();
  for (const p of pointers) hitTest(drawings, vp, p, TOLERANCE, index);
  indexedCpu.push((cpuUs() - c) / pointers.length);
}

const lin = median(linearUs);
const idx = median(indexedUs);
console.log(
  `hit-test bench — ${COUNT} drawings (all five kinds), ${MOVES} pointer moves, tolerance ${TOLERANCE} px`,
);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the end (${startLoad.toFixed(1)} at the start)`,
);
console.log(`index build (bulk load):     median ${median(buildMs).toFixed(1)} ms`);
console.log(
  `index build in CPU time:     median ${median(buildCpuMs).toFixed(1)} ms (garbage collection included)`,
);
console.log(`index update (one drawing):  median ${median(updateUs).toFixed(1)} µs`);
console.log(`linear scan  per move:       median ${lin.toFixed(1)} µs`);
console.log(
  `grid index   per move:       median ${idx.toFixed(1)} µs  (median ${candidates} candidates in the pointer's hit boxes)`,
);
console.log(`ratio linear / indexed:      ${(lin / idx).toFixed(1)}×  (goal ≥ 50×, indexed ≤ 100 µs)`);
console.log(
  `in CPU time, batched:        linear ${median(linearCpu).toFixed(0)} µs, indexed ${median(indexedCpu).toFixed(1)} µs per move, ratio ${(median(linearCpu) / median(indexedCpu)).toFixed(1)}×`,
);
console.log(`pointer moves that hit something: ${hits}; answers differing between the two: ${mismatches}`);
console.log(
  `index pays for itself after ${Math.ceil((median(buildMs) * 1000) / (lin - idx))} moves per rebuild`,
);
