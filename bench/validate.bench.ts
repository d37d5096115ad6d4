// Validation cost of a 1,000-drawing CreateAnalysisRequest (all five kinds, deterministic):
// our zod schema (safeParse of the parsed body, with and without its compiled fast path), ajv 8 (draft 2020-12) on the JSON Schema
// exported from the same zod schema, and JSON.parse of the body text alone — one process, one
// run, interleaved rounds. Prints medians and ratios; never fails on time.
//   npx tsx bench/validate.bench.ts [rounds, default 200]
import { cpus } from 'node:os';
import Ajv2020 from 'ajv/dist/2020';
import { z } from 'zod';
import { CreateAnalysisRequest } from '../src/schema';
import { fullSafeParse } from '../src/schema/fast-path';

const ROUNDS = Number(process.argv[2] ?? 200);
const DRAWINGS = 1000;
const KINDS = ['HORIZONTAL_LINE', 'LINE', 'RECTANGLE', 'PARALLEL', 'FIBONACCI_RETRACEMENT'] as const;
const POINTS = { HORIZONTAL_LINE: 1, LINE: 2, RECTANGLE: 2, PARALLEL: 3, FIBONACCI_RETRACEMENT: 2 } as const;
const T0 = Date.UTC(2026, 0, 1);

function drawing(i: number) {
  const type = KINDS[i % KINDS.length]!;
  const points = Array.from({ length: POINTS[type] }, (_, p) => ({
    time: new Date(T0 + (i * 7 + p * 3) * 3_600_000 + (p === 1 ? 250 : 0))
      .toISOString()
      .replace('.000Z', 'Z'),
    price: Math.round((1.3 + ((i * 13 + p * 7) % 100) / 1000) * 1e5) / 1e5,
  }));
  const base = {
    type,
    clientObjectId: `d_${i}`,
    points,
    style: { color: i % 2 ? '#2962FF' : '#2962ff80', lineWidth: 1 + (i % 4), lineStyle: 'SOLID' },
  };
  switch (type) {
    case 'LINE':
      return { ...base, startHead: 'NONE', endHead: 'ARROW', extendRight: i % 3 === 0 };
    case 'PARALLEL':
      return { ...base, extendLeft: false, showMidline: true };
    case 'FIBONACCI_RETRACEMENT':
      return { ...base, levels: [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1], extendRight: true };
    default:
      return base;
  }
}

const body = {
  sender: 'bench@example.com',
  metadata: {
    direction: 'BULLISH',
    entryPlacement: 'BELOW_CURRENT',
    expiry: { type: 'HOURS', hours: 24 },
    title: 'Bench analysis with 1,000 drawings',
    preferenceText:
      'Bounce from [[d_2:the zone]], entry above [[d_1:breakout]], target [[pivot_main:pivot]].',
    alternativeText: 'Invalid below [[d_10:support line]].',
    comments: 'Watch volume.',
    timeframe: 'H1',
    symbol: 'GBP/USD',
  },
  levels: {
    support: { price: 1.341, clientObjectId: 'sup_1', time: '2026-01-08T10:00:00Z' },
    pivot: { price: 1.345, clientObjectId: 'pivot_main', time: '2026-01-08T12:00:00Z' },
    resistance: { price: 1.35, clientObjectId: 'res_1', time: '2026-01-08T14:00:00Z' },
  },
  drawings: Array.from({ length: DRAWINGS }, (_, i) => drawing(i)),
  idempotencyKey: 'bench-1',
};
const text = JSON.stringify(body);
const parsed = JSON.parse(text) as unknown;

const jsonSchema = z.toJSONSchema(CreateAnalysisRequest, { target: 'draft-2020-12', io: 'input' });
// Formats are not validated (ajv-formats is not installed); the time pattern still applies.
const ajv = new Ajv2020({ allErrors: false, validateFormats: false, strict: false });
const ajvValidate = ajv.compile(jsonSchema);

// Sanity: all three accept the body, so each measures a full successful pass.
const zodResult = CreateAnalysisRequest.safeParse(parsed);
if (!zodResult.success)
  throw new Error(`zod rejected the bench body: ${JSON.stringify(zodResult.error.issues[0])}`);
if (!ajvValidate(parsed))
  throw new Error(`ajv rejected the bench body: ${JSON.stringify(ajvValidate.errors)}`);

if (!fullSafeParse(CreateAnalysisRequest, parsed).success) throw new Error('zod full path rejected the body');

const cases: Record<string, () => unknown> = {
  'zod CreateAnalysisRequest.safeParse': () => CreateAnalysisRequest.safeParse(parsed),
  'zod, fast path bypassed (full tree walk)': () => fullSafeParse(CreateAnalysisRequest, parsed),
  'ajv 2020 (same schema as JSON Schema)': () => ajvValidate(parsed),
  'JSON.parse of the body': () => JSON.parse(text),
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));

for (let i = 0; i < 30; i++) for (const run of Object.values(cases)) run(); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(cases)) {
    const start = process.hrtime.bigint();
    run();
    times[name]!.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
const [zodMs, fullMs, ajvMs, parseMs] = Object.values(medians) as [number, number, number, number];

console.log(`body: ${DRAWINGS} drawings, ${(text.length / 1024).toFixed(0)} KiB; ${ROUNDS} rounds`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
for (const [name, ms] of Object.entries(medians))
  console.log(`${name.padEnd(40)} median ${ms.toFixed(3)} ms`);
console.log(`ratio zod / ajv        ${(zodMs / ajvMs).toFixed(2)}× (goal ≤ 3×)`);
console.log(`ratio zod / JSON.parse ${(zodMs / parseMs).toFixed(2)}× (goal ≤ 2×)`);
console.log(
  `without the fast path: ${(fullMs / ajvMs).toFixed(2)}× ajv, ${(fullMs / parseMs).toFixed(2)}× JSON.parse`,
);
