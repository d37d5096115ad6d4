// Issue 14 item 2: a reader's GET latency over real HTTP while one write key posts sixty hostile
// 1 MiB bodies of tiny JSON tokens (4 connections), against the same reader on a quiet server.
// Three processes, so the figures are the server's: the server under test (bench/server-child.ts),
// the attacker (bench/hostile-attacker.ts), and this one, the reader. Also, per body, what the
// structure scan costs to refuse it against what JSON.parse (the peer: the server before the scan)
// costs to parse it. Goal: the reader's p50 within 3× quiet.
//   npx tsx bench/hostile-bodies.bench.ts
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey } from '../src/server/auth/keys';
import { checkJsonStructure } from '../src/server/json-structure';
import { openSqliteStorage } from '../src/server/storage/sqlite/sqlite-storage';
import { hostileBodies } from '../test/unit/server/hostile-bodies';
import { startBenchChild } from './child';

const C = '6502c9e514a3e564c5c09c0a';
const CH = '6502c9e514a3e564c5c09c0b';
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg()[0]!.toFixed(1);

const dir = mkdtempSync(join(tmpdir(), 'chartmark-hostile-bench-'));
const database = join(dir, 'bench.sqlite');
const setup = openSqliteStorage(database);
const { key } = await createApiKey(setup, {
  communityId: C,
  permissions: ['analysis:read', 'analysis:write'],
});
await setup.close();
const auth = { authorization: `Bearer ${key}` };
const server = await startBenchChild<{ url: string }>('./server-child.ts', { DATABASE: database });
const base = server.ready.url;
const created = await fetch(`${base}/v1/analysis/${C}/channels/${CH}`, {
  method: 'POST',
  headers: { ...auth, 'content-type': 'application/json' },
  body: readFileSync('demo/sample-analysis.json', 'utf8'),
});
const id = ((await created.json()) as { data: { id: string } }).data.id;

async function read(more: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (more()) {
    const t = performance.now();
    await (await fetch(`${base}/v1/analysis/${id}`, { headers: auth })).arrayBuffer();
    times.push(performance.now() - t);
  }
  return times;
}
const forMs = (ms: number) => {
  const until = performance.now() + ms;
  return () => performance.now() < until;
};

const loadBefore = load();
await read(forMs(500)); // warm up
const quiet = await read(forMs(3000));
const attacker = await startBenchChild<{ ready: true }>('./hostile-attacker.ts', {
  URL: base,
  KEY: key,
  TARGET_PATH: `/v1/analysis/${C}/channels/${CH}`,
});
let attacking = true;
const during = read(() => attacking);
attacker.send('go');
const { attackMs, statuses } = await attacker.next<{ attackMs: number; statuses: Record<string, number> }>();
attacking = false;
const loud = await during;
await attacker.stop();
const after = await read(forMs(3000));
await server.stop();
rmSync(dir, { recursive: true, force: true });

const scanMs: number[] = [];
const parseMs: number[] = [];
for (const body of hostileBodies().slice(0, 3)) {
  for (let r = 0; r < 5; r++) {
    let t = performance.now();
    try {
      checkJsonStructure(body);
    } catch {}
    scanMs.push(performance.now() - t);
    t = performance.now();
    try {
      JSON.parse(body);
    } catch {}
    parseMs.push(performance.now() - t);
  }
}

const q = p50(quiet);
const l = p50(loud);
console.log(
  `load average (1 min) ${loadBefore} before, ${load()} after; three processes: server, attacker, reader`,
);
console.log(`reader GET p50 quiet ${q.toFixed(2)} ms (${quiet.length} reads)`);
console.log(
  `reader GET p50 under attack ${l.toFixed(2)} ms (${loud.length} reads; 60 bodies answered ${JSON.stringify(statuses)} in ${attackMs.toFixed(0)} ms)`,
);
console.log(`reader GET p50 quiet again ${p50(after).toFixed(2)} ms (${after.length} reads)`);
console.log(`ratio under attack / quiet: ${(l / q).toFixed(2)}× (goal ≤ 3×)`);
console.log(
  `per hostile body: structure scan p50 ${p50(scanMs).toFixed(2)} ms vs JSON.parse (peer) p50 ${p50(parseMs).toFixed(2)} ms — ${(p50(parseMs) / p50(scanMs)).toFixed(1)}× cheaper`,
);
