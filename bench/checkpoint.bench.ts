// WAL checkpoints on the request path or off it: the real app (routes, auth, validation) creating
// 100-drawing analyses, one request at a time in one process, on two SQLite files. Ours: the
// storage's default, a worker thread checkpoints (src/server/storage/sqlite/checkpointer.ts). Peer,
// same run: `checkpoints: 'inline'`, SQLite's automatic checkpoint inside the commit that crosses
// 1,000 WAL pages — what every write did before. The two take turns request by request.
// A request's cost is its wall time minus the time this thread waited for a CPU (run-queue wait
// from /proc/self/task/<pid>/schedstat), so other jobs on a shared machine do not count, while
// a blocking fsync still does; the plain wall time is printed too. Prints mean, p50, p90, p99, the
// ratios peer / ours and the largest WAL file each left.
//   npx tsx bench/checkpoint.bench.ts [creates per contender, default 3000]
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/server/app';
import { createApiKey } from '../src/server/auth/keys';
import { openSqliteStorage } from '../src/server/storage/sqlite/sqlite-storage';
import { BENCH_CHANNEL as CHANNEL, BENCH_COMMUNITY as COMMUNITY, createAnalysisBody } from './server-bodies';

const CREATES = Number(process.argv[2] ?? 3000);
const WARM_UP = 200;
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const hasSchedstat = existsSync(SCHEDSTAT);
/** Nanoseconds this (main) thread has waited on a run queue; 0 where /proc says nothing. */
const runQueueWaitMs = () =>
  hasSchedstat ? Number(readFileSync(SCHEDSTAT, 'latin1').split(' ')[1]) / 1e6 : 0;

const body = createAnalysisBody(100);
const dir = mkdtempSync(join(tmpdir(), 'cm-checkpoint-bench-'));
const walSize = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

async function contender(name: string, checkpoints: 'background' | 'inline') {
  const file = join(dir, `${checkpoints}.sqlite`);
  const storage = openSqliteStorage(file, { checkpoints });
  const app = createApp({ storage, rateLimit: false });
  const { key } = await createApiKey(storage, { communityId: COMMUNITY, permissions: ['analysis:write'] });
  const headers = {
    authorization: `Bearer ${key}`,
    'content-type': 'application/json',
    'content-length': String(body.length),
  };
  const costs: number[] = [];
  const walls: number[] = [];
  let largestWal = 0;
  return {
    name,
    costs,
    walls,
    storage,
    largestWal: () => largestWal,
    async create(record: boolean) {
      const waited = runQueueWaitMs();
      const start = performance.now();
      const res = await app.request(`/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`, {
        method: 'POST',
        headers,
        body,
      });
      await res.arrayBuffer();
      const wall = performance.now() - start;
      const cost = wall - (runQueueWaitMs() - waited);
      if (res.status !== 201) throw new Error(`${name}: HTTP ${res.status}`);
      if (record) {
        costs.push(cost);
        walls.push(wall);
      }
      largestWal = Math.max(largestWal, walSize(file));
    },
  };
}

const load = () => loadavg()[0]!.toFixed(1);
const loadBefore = load();
const ours = await contender('ours: checkpoints in a worker', 'background');
const peer = await contender("peer: SQLite's automatic checkpoint", 'inline');
for (let i = 0; i < WARM_UP + CREATES; i++) {
  // Requests arrive as separate tasks on a server; so they do here (the worker's messages get in).
  await new Promise((r) => setImmediate(r));
  for (const c of i % 2 ? [ours, peer] : [peer, ours]) await c.create(i >= WARM_UP);
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, p50: q(0.5), p90: q(0.9), p99: q(0.99) };
};
type Stats = ReturnType<typeof stats>;
const fmt = (s: Stats) =>
  `mean ${s.mean.toFixed(3)}  p50 ${s.p50.toFixed(3)}  p90 ${s.p90.toFixed(3)}  p99 ${s.p99.toFixed(3)} ms`;
console.log(
  `create with 100 drawings (${body.length} B), ${CREATES} per contender, taking turns, in process ` +
    `(app.request); load average ${loadBefore} → ${load()}, Node ${process.version}`,
);
const rows = [ours, peer].map((c) => ({ c, cost: stats(c.costs), wall: stats(c.walls) }));
for (const { c, cost, wall } of rows) {
  console.log(`  ${c.name}, largest WAL ${(c.largestWal() / 1048576).toFixed(1)} MiB`);
  if (hasSchedstat) console.log(`    wall − run-queue wait  ${fmt(cost)}`);
  console.log(`    wall                   ${fmt(wall)}`);
}
const [o, p] = rows;
const ratio = (k: 'cost' | 'wall', q: keyof Stats) => (p![k][q] / o![k][q]).toFixed(2);
for (const k of hasSchedstat ? (['cost', 'wall'] as const) : (['wall'] as const)) {
  console.log(
    `  peer / ours (${k === 'cost' ? 'wall − wait' : 'wall'}): mean ${ratio(k, 'mean')}×, p50 ${ratio(k, 'p50')}×, ` +
      `p90 ${ratio(k, 'p90')}×, p99 ${ratio(k, 'p99')}×`,
  );
}
await ours.storage.close();
await peer.storage.close();
rmSync(dir, { recursive: true, force: true });
