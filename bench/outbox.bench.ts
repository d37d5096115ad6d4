// Outbox amplification (issue 14 item 7, spec §5.5): append latency on a 993-drawing analysis as
// the outbox grows, and the outbox bytes each configuration stores, through the real app on a
// SQLite file (in process, no sockets). Ours: no webhook endpoint in the community, so no
// snapshot is stored. Peer, same run: the same server with one active endpoint (a full snapshot
// per write — what every write stored before, endpoint or not). Each round creates a fresh
// 993-drawing analysis and appends one drawing to it five times; no webhook worker runs.
//   npx tsx bench/outbox.bench.ts [rounds, default 60]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/server/app';
import { createApiKey } from '../src/server/auth/keys';
import { openSqliteStorage } from '../src/server/storage/sqlite/sqlite-storage';
import { addWebhook } from '../src/server/webhooks/endpoints';
import {
  BENCH_CHANNEL as CHANNEL,
  BENCH_COMMUNITY as COMMUNITY,
  benchLine,
  createAnalysisBody,
} from './server-bodies';

const ROUNDS = Number(process.argv[2] ?? 60);
const APPENDS = 5;

interface Setup {
  readonly name: string;
  append(round: number, k: number): Promise<number>;
  create(): Promise<void>;
  outboxBytes(): number;
  close(): Promise<void>;
}

async function setup(name: string, endpoint: boolean, drawings = 993): Promise<Setup> {
  const createBody = createAnalysisBody(drawings, 'Outbox');
  const dir = mkdtempSync(join(tmpdir(), 'chartmark-outbox-bench-'));
  const storage = openSqliteStorage(join(dir, 'bench.sqlite'));
  if (endpoint) await addWebhook(storage, { communityId: COMMUNITY, url: 'https://hooks.example/bench' });
  const app = createApp({ storage, rateLimit: false });
  const key = (
    await createApiKey(storage, { communityId: COMMUNITY, permissions: ['analysis:read', 'analysis:write'] })
  ).key;
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  let current = '';
  return {
    name,
    async create() {
      const res = await app.request(`/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`, {
        method: 'POST',
        headers,
        body: createBody,
      });
      if (res.status !== 201) throw new Error(`create: ${res.status}`);
      current = ((await res.json()) as { data: { id: string } }).data.id;
    },
    async append(round, k) {
      const body = JSON.stringify({
        sender: 'bench@example.com',
        drawings: [benchLine(`a_${round}_${k}`, k)],
      });
      const t = performance.now();
      const res = await app.request(`/v1/analysis/${current}/drawings`, { method: 'POST', headers, body });
      await res.arrayBuffer();
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`append: ${res.status}`);
      return ms;
    },
    outboxBytes: () =>
      (storage.db.prepare('SELECT COALESCE(SUM(LENGTH(data)), 0) AS n FROM outbox').get() as { n: number }).n,
    async close() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const setups = [await setup('ours (no endpoint)', false), await setup('peer (active endpoint)', true)];
const latencies = setups.map(() => [] as number[][]);
const bytesAt = setups.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++) {
  // Interleaved per round, so load changes on the machine hit both alike.
  for (const [i, s] of setups.entries()) {
    await s.create();
    const ms: number[] = [];
    for (let k = 0; k < APPENDS; k++) ms.push(await s.append(round, k));
    latencies[i]!.push(ms);
    bytesAt[i]!.push(s.outboxBytes());
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const tenth = Math.max(1, Math.floor(ROUNDS / 10));
const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
console.log(
  `Append of one drawing to a 993-drawing analysis, ${ROUNDS} rounds × ${APPENDS} appends (median ms):`,
);
const rows = setups.map((s, i) => {
  const first = median(latencies[i]!.slice(0, tenth).flat());
  const last = median(latencies[i]!.slice(-tenth).flat());
  const bytesFirst = bytesAt[i]![tenth - 1]!;
  const bytesLast = bytesAt[i]!.at(-1)!;
  console.log(
    `  ${s.name.padEnd(24)} first ${tenth} rounds ${first.toFixed(2)} ms (outbox ${mib(bytesFirst)}), ` +
      `last ${tenth} rounds ${last.toFixed(2)} ms (outbox ${mib(bytesLast)}), growth ${(last / first).toFixed(2)}×`,
  );
  return { first, last, bytesLast };
});
console.log(
  `peer / ours: append ${(rows[1]!.last / rows[0]!.last).toFixed(2)}× at the end; outbox bytes ${
    rows[0]!.bytesLast === 0 ? 'ours stores none' : `${(rows[1]!.bytesLast / rows[0]!.bytesLast).toFixed(1)}×`
  }`,
);
for (const s of setups) await s.close();

// The same append against the size of the analysis (no endpoint, as ours above): flat would mean
// the same time at every size. Interleaved per round as above.
const SIZES = [10, 100, 993];
const bySize = await Promise.all(SIZES.map((n) => setup(`ours, ${n} drawings`, false, n)));
const sized = SIZES.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, s] of bySize.entries()) {
    await s.create();
    for (let k = 0; k < APPENDS; k++) sized[i]!.push(await s.append(round, k));
  }
}
console.log(
  `Append of one drawing against the analysis' size, ${ROUNDS} rounds × ${APPENDS} appends (median ms):`,
);
const smallest = median(sized[0]!);
for (const [i, n] of SIZES.entries()) {
  const m = median(sized[i]!);
  console.log(
    `  ${String(n).padStart(4)} drawings ${m.toFixed(3)} ms  (${(m / smallest).toFixed(2)}× the ${SIZES[0]}-drawing append)`,
  );
}
for (const s of bySize) await s.close();
