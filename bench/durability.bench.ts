// Durability 'full' on a slow disk: the writer thread against the request connection. Under
// CHARTMARK_DURABILITY=full every COMMIT waits for an fsync; on the request connection that wait
// blocks the event loop, and every request with it. The server runs in a child process (durability
// full, one writer or the other) under 8 clients appending a drawing each (one analysis per
// client, 100 appends per analysis) and one reader GETting a 20-drawing analysis. Each fsync is
// made slower by `strace` (fault injection: a delay on return from fsync and fdatasync), as a
// disk slower than this machine's would; without strace only the undelayed round runs.
//   npx tsx bench/durability.bench.ts [seconds per run, default 5] [fsync delays in µs, default 0,2000]
// Prints appends per second and their p50/p95, the reader's requests per second and p50/p95/p99,
// and the ratios thread / connection of each round. Never fails on time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey } from '../src/server/auth/keys';
import { openSqliteStorage } from '../src/server/storage/sqlite/sqlite-storage';
import { startBenchChild } from './child';
import { quantile } from './loopback';
import {
  BENCH_CHANNEL as CHANNEL,
  BENCH_COMMUNITY as COMMUNITY,
  appendBody,
  createAnalysisBody,
} from './server-bodies';

const SECONDS = Number(process.argv[2] ?? 5);
const DELAYS = (process.argv[3] ?? '0,2000').split(',').map(Number);
const CLIENTS = 8;
const APPENDS_PER_ANALYSIS = 100;
const WRITERS = ['connection', 'thread'] as const;
// Each writer twice, alternating, so a change in machine load hits both alike.
const ORDER = [...WRITERS, ...WRITERS];

interface Round {
  readonly appendsPerSecond: number;
  readonly appendP50: number;
  readonly appendP95: number;
  readonly readsPerSecond: number;
  readonly readP50: number;
  readonly readP95: number;
  readonly readP99: number;
}

const hasStrace = () => spawnSync('strace', ['-V'], { stdio: 'ignore' }).status === 0;

/** strace, following every thread, stopping only at fsync/fdatasync, delaying their return. */
const slowFsync = (delayUs: number) => [
  'strace',
  '-f',
  '--seccomp-bpf',
  '-qq',
  '-o',
  '/dev/null',
  '-e',
  'trace=fsync,fdatasync',
  '-e',
  `inject=fsync,fdatasync:delay_exit=${delayUs}`,
];

async function round(writer: (typeof WRITERS)[number], delayUs: number): Promise<Round> {
  const dir = mkdtempSync(join(tmpdir(), 'cm-durability-'));
  const database = join(dir, 'bench.sqlite');
  const setup = openSqliteStorage(database);
  const { key } = await createApiKey(setup, {
    communityId: COMMUNITY,
    permissions: ['analysis:read', 'analysis:write'],
  });
  await setup.close();
  const child = await startBenchChild<{ url: string }>(
    'server-child.ts',
    { DATABASE: database, DURABILITY: 'full', WRITER: writer },
    delayUs > 0 ? slowFsync(delayUs) : [],
  );
  try {
    const url = child.ready.url;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
    const create = async (drawings: number) => {
      const res = await fetch(`${url}/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`, {
        method: 'POST',
        headers,
        body: createAnalysisBody(drawings),
      });
      if (res.status !== 201) throw new Error(`create: HTTP ${res.status}`);
      return ((await res.json()) as { data: { id: string } }).data.id;
    };
    const read = await create(20);
    const pool: string[] = [];
    const analyses = Math.ceil((SECONDS * 3000) / APPENDS_PER_ANALYSIS) + CLIENTS;
    for (let i = 0; i < analyses; i++) pool.push(await create(0));
    const appendTimes: number[] = [];
    const readTimes: number[] = [];
    const end = performance.now() + SECONDS * 1000;
    const appender = async (k: number) => {
      for (let n = 0; performance.now() < end; n++) {
        const id = pool[(CLIENTS * Math.floor(n / APPENDS_PER_ANALYSIS) + k) % pool.length];
        const t = performance.now();
        const res = await fetch(`${url}/v1/analysis/${id}/drawings`, {
          method: 'POST',
          headers,
          body: appendBody(),
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`append: HTTP ${res.status}`);
        appendTimes.push(performance.now() - t);
      }
    };
    const reader = async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const res = await fetch(`${url}/v1/analysis/${read}`, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`read: HTTP ${res.status}`);
        readTimes.push(performance.now() - t);
      }
    };
    await Promise.all([...Array.from({ length: CLIENTS }, (_, k) => appender(k)), reader()]);
    appendTimes.sort((a, b) => a - b);
    readTimes.sort((a, b) => a - b);
    return {
      appendsPerSecond: appendTimes.length / SECONDS,
      appendP50: quantile(appendTimes, 0.5),
      appendP95: quantile(appendTimes, 0.95),
      readsPerSecond: readTimes.length / SECONDS,
      readP50: quantile(readTimes, 0.5),
      readP95: quantile(readTimes, 0.95),
      readP99: quantile(readTimes, 0.99),
    };
  } finally {
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (r: Round) =>
  `appends ${r.appendsPerSecond.toFixed(0).padStart(5)}/s p50 ${r.appendP50.toFixed(2)} p95 ${r.appendP95.toFixed(2)} ms · ` +
  `reader ${r.readsPerSecond.toFixed(0).padStart(5)}/s p50 ${r.readP50.toFixed(2)} p95 ${r.readP95.toFixed(2)} ` +
  `p99 ${r.readP99.toFixed(2)} ms`;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main(): Promise<void> {
  const strace = hasStrace();
  console.log(
    `durability bench: durability full, ${CLIENTS} appending clients and 1 reader, ${SECONDS} s per run, ` +
      `server in a child process, Node ${process.version}`,
  );
  for (const delay of DELAYS) {
    if (delay > 0 && !strace) {
      console.log(`\nfsync delay ${delay} µs: skipped, no strace on this machine (apt-get install strace)`);
      continue;
    }
    console.log(`\nfsync delay ${delay} µs${delay > 0 ? ' (strace)' : ''}`);
    const results: Record<string, Round[]> = { connection: [], thread: [] };
    for (const writer of ORDER) {
      const r = await round(writer, delay);
      results[writer]!.push(r);
      console.log(`  ${writer.padEnd(10)} ${fmt(r)}`);
    }
    const c = results.connection!;
    const t = results.thread!;
    console.log(
      `  thread / connection: appends/s ${(mean(t.map((r) => r.appendsPerSecond)) / mean(c.map((r) => r.appendsPerSecond))).toFixed(2)}×, ` +
        `reader p95 ${(mean(t.map((r) => r.readP95)) / mean(c.map((r) => r.readP95))).toFixed(2)}×`,
    );
  }
}

await main();
