// Existence timing (issue 14 item 6): GET of another community's 1,000-drawing analysis vs GET of
// an unknown id, by the same key, as an outside client sees it: over loopback HTTP from this
// process to a server in its own process (bench/server-child.ts) on a SQLite file, so the client
// and the server do not share an event loop. Ours checks the community on the indexed column
// before the document is read; the peer, a second server process on the same file measured in
// the same run, is the former lookup (read and parse the document, then compare the community).
// Goal: wrong-community within 1.2× of unknown.
//   npx tsx bench/scope.bench.ts [rounds, default 400]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey } from '../src/server/auth/keys';
import { openSqliteStorage } from '../src/server/storage/sqlite/sqlite-storage';
import { startBenchChild } from './child';

const ROUNDS = Number(process.argv[2] ?? 400);
const OWNER = '6502c9e514a3e564c5c09c0a';
const OTHER = '6502c9e514a3e564c5c09c0d';
const CHANNEL = '6502c9e514a3e564c5c09c0b';
const UNKNOWN = '6502c9e514a3e564c5c0ffff';

const line = (i: number) => ({
  type: 'LINE',
  clientObjectId: `d_${i}`,
  points: [
    { time: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(), price: 1.3 + (i % 50) / 1000 },
    {
      time: new Date(Date.UTC(2026, 0, 1) + (i + 5) * 3_600_000).toISOString(),
      price: 1.31 + (i % 40) / 1000,
    },
  ],
  style: { color: '#2962FF', lineWidth: 2, lineStyle: 'SOLID' },
});

const loadBefore = loadavg()[0]!.toFixed(1);
const dir = mkdtempSync(join(tmpdir(), 'chartmark-scope-bench-'));
const database = join(dir, 'bench.sqlite');
const storage = openSqliteStorage(database);
const key = async (communityId: string) =>
  (await createApiKey(storage, { communityId, permissions: ['analysis:read', 'analysis:write'] })).key;
const owner = await key(OWNER);
const other = await key(OTHER);
await storage.close();
// The peer (LOOKUP=former): the lookup the routes made before (no community filter).
const [ours, peer] = await Promise.all([
  startBenchChild<{ url: string }>('./server-child.ts', { DATABASE: database }),
  startBenchChild<{ url: string }>('./server-child.ts', { DATABASE: database, LOOKUP: 'former' }),
]);
const created = await fetch(`${ours.ready.url}/v1/analysis/${OWNER}/channels/${CHANNEL}`, {
  method: 'POST',
  headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
  body: JSON.stringify({
    sender: 'bench@example.com',
    metadata: {
      direction: 'BULLISH',
      entryPlacement: 'BELOW_CURRENT',
      title: 'Scope',
      timeframe: 'H1',
      symbol: 'GBP/USD',
    },
    drawings: Array.from({ length: 1000 }, (_, i) => line(i)),
  }),
});
if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
const id = ((await created.json()) as { data: { id: string } }).data.id;

const get = async (server: typeof ours, target: string): Promise<number> => {
  const t = performance.now();
  const res = await fetch(`${server.ready.url}/v1/analysis/${target}`, {
    headers: { authorization: `Bearer ${other}` },
  });
  await res.arrayBuffer();
  if (res.status !== 404) throw new Error(`expected 404, got ${res.status}`);
  return performance.now() - t;
};

// Interleaved, so a change in machine load hits all four alike, in a new (seeded) order each
// round, so no case always follows the peer's expensive parse, whose garbage collection still
// competes for the 2 cores; warm-up first.
const cases = {
  'ours: wrong community': () => get(ours, id),
  'ours: unknown id': () => get(ours, UNKNOWN),
  'peer: wrong community': () => get(peer, id),
  'peer: unknown id': () => get(peer, UNKNOWN),
};
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, [] as number[]]));
const order = Object.entries(cases);
let seed = 1;
const random = () => {
  seed = (seed * 48271) % 2147483647;
  return seed / 2147483647;
};
for (let r = 0; r < ROUNDS + 50; r++) {
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  for (const [name, run] of order) {
    const ms = await run();
    if (r >= 50) samples[name]!.push(ms);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p50 = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
console.log(
  `GET by a key of another community, 1,000-drawing analysis, ${ROUNDS} rounds over loopback HTTP ` +
    `to a server process (median ms); load average (1 min) ${loadBefore} before, ${loadavg()[0]!.toFixed(1)} after:`,
);
for (const [k, v] of Object.entries(p50)) console.log(`  ${k.padEnd(24)} ${v.toFixed(3)}`);
const oursRatio = p50['ours: wrong community']! / p50['ours: unknown id']!;
const peerRatio = p50['peer: wrong community']! / p50['peer: unknown id']!;
console.log(
  `wrong community / unknown id: ours ${oursRatio.toFixed(2)}× (goal ≤ 1.2×), peer ${peerRatio.toFixed(2)}×`,
);
console.log(
  `peer / ours on the wrong-community path: ${(p50['peer: wrong community']! / p50['ours: wrong community']!).toFixed(1)}×`,
);
await Promise.all([ours.stop(), peer.stop()]);
rmSync(dir, { recursive: true, force: true });
