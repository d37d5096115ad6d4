// Server throughput and latency on loopback: the real reference server (routes, auth,
// validation, SQLite WAL on a file, outbox, webhook worker running) against a bare Hono route
// that echoes the same body, both in this process, measured the same way: fixed concurrency,
// a bounded time per scenario. Prints throughput, p50/p95 and the ratio at concurrency 8, and
// the latency of a single client (concurrency 1); never fails on time.
//   npx tsx bench/server.bench.ts [seconds per run, default 5]
// BENCH_CEILING=1 adds, to the create scenario, the same app whose storage skips every write (a
// ceiling, not a server: what the rest of a create costs — HTTP, auth, JSON, validation, the
// document and its response — so what storage work could win at most).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/server/app';
import { createApiKey } from '../src/server/auth/keys';
import { startServer } from '../src/server/serve';
import { openSqliteStorage, type SqliteStorage } from '../src/server/storage/sqlite/sqlite-storage';
import type { Storage } from '../src/server/storage/storage';
import { listenLocal, quantile, startEcho } from './loopback';
import {
  BENCH_CHANNEL as CHANNEL,
  BENCH_COMMUNITY as COMMUNITY,
  appendBody,
  createAnalysisBody,
} from './server-bodies';

const SECONDS = Number(process.argv[2] ?? 5);
// Throughput is measured with 8 clients; one request's latency with a single client, because at
// 8 the p95 is mostly the queue of serial SQLite writes ahead of a request.
const CONCURRENCY = 8;
const SINGLE = 1;
// Appends rotate over fresh analyses so each analysis holds at most this many drawings; the
// cost of an append grows with the stored document, and a real channel has many small analyses.
const APPENDS_PER_ANALYSIS = 100;

const createBody = (drawings: number) => createAnalysisBody(drawings);

interface Result {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p95: number;
}

interface Samples {
  readonly latencies: number[];
  errors: number;
  seconds: number;
}

/** Runs `clients` loops for `ms`, adding to `into`; each call makes one request and says whether it succeeded. */
async function slice(one: () => Promise<boolean>, ms: number, clients: number, into: Samples): Promise<void> {
  const start = performance.now();
  const end = start + ms;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const ok = await one();
        into.latencies.push(performance.now() - t);
        if (!ok) into.errors++;
      }
    }),
  );
  into.seconds += (performance.now() - start) / 1000;
}

// Contenders take turns in short slices (A B C A B C …) rather than one long run each, so a
// change in machine load (other jobs on a shared box) hits all of them alike.
const SLICES = 10;

/** Measures every contender with `clients` loops for `SECONDS` in total, interleaved in slices. */
async function compare(contenders: (() => Promise<boolean>)[], clients: number): Promise<Result[]> {
  const samples = contenders.map((): Samples => ({ latencies: [], errors: 0, seconds: 0 }));
  for (let i = 0; i < SLICES; i++) {
    for (const [k, one] of contenders.entries())
      await slice(one, (SECONDS * 1000) / SLICES, clients, samples[k]!);
  }
  return samples.map((s) => {
    const sorted = [...s.latencies].sort((x, y) => x - y);
    return {
      requests: sorted.length,
      errors: s.errors,
      seconds: s.seconds,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
    };
  });
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  expected: number,
): Promise<boolean> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  await res.arrayBuffer();
  return res.status === expected;
}

const fmt = (r: Result) =>
  `${(r.requests / r.seconds).toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms` +
  `  (${r.requests} requests${r.errors ? `, ${r.errors} unexpected statuses` : ''})`;

/** A server the scenarios send requests to; `append` is null where appends would not measure it. */
interface Target {
  readonly label: string;
  create(body: string): Promise<boolean>;
  readonly append: (() => Promise<boolean>) | null;
  close(): Promise<void>;
}

/** A started chartmark server with a key and a pool of empty analyses for the append runs. */
async function prepareServer(dir: string, synchronous: 'FULL' | 'NORMAL'): Promise<Target> {
  // The storage's durability option reaches every connection that commits (a writer thread's too).
  const durability = process.env.CHARTMARK_DURABILITY;
  process.env.CHARTMARK_DURABILITY = synchronous === 'FULL' ? 'full' : 'normal';
  const server = await startServer({
    port: 0,
    dbPath: join(dir, `bench-${synchronous}.sqlite`),
    // The per-key write limit would turn the run into a 429 benchmark.
    rateLimit: false,
    log: () => {},
  });
  if (durability === undefined) delete process.env.CHARTMARK_DURABILITY;
  else process.env.CHARTMARK_DURABILITY = durability;
  // FULL (CHARTMARK_DURABILITY=full) fsyncs the WAL on every commit; NORMAL (the storage's
  // default) only at checkpoints, which survives a process crash but may lose the last commits
  // on power loss. Set here so the bench measures both whatever the environment says.
  (server.storage as SqliteStorage).db.pragma(`synchronous = ${synchronous}`);
  const { key } = await createApiKey(server.storage, {
    communityId: COMMUNITY,
    permissions: ['analysis:read', 'analysis:write'],
  });
  const auth = { authorization: `Bearer ${key}` };
  const createUrl = `${server.url}/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`;
  const pool: string[] = [];
  const analyses = Math.ceil((SECONDS * 4000) / APPENDS_PER_ANALYSIS) + 1;
  for (let i = 0; i < analyses; i++) {
    const res = await fetch(createUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: createBody(0),
    });
    pool.push(((await res.json()) as { data: { id: string } }).data.id);
  }
  // Warm up (JIT, connection pool, SQLite page cache) on an analysis the runs do not use.
  const spare = pool.pop()!;
  for (let i = 0; i < 200; i++)
    await post(`${server.url}/v1/analysis/${spare}/drawings`, appendBody(), auth, 200);
  let appended = 0;
  return {
    close: () => server.close(),
    label: `chartmark, synchronous=${synchronous}${synchronous === 'NORMAL' ? ' (default)' : ''}${
      (server.storage as SqliteStorage).writer ? ', writer thread' : ''
    }`,
    create: (body: string) => post(createUrl, body, auth, 201),
    append: () =>
      post(
        `${server.url}/v1/analysis/${pool[Math.floor(appended++ / APPENDS_PER_ANALYSIS) % pool.length]}/drawings`,
        appendBody(),
        auth,
        200,
      ),
  };
}

/**
 * The app of a server on synchronous=NORMAL whose `atomically` decides on an empty snapshot and
 * writes nothing: valid for creates without an Idempotency-Key (they read nothing), refused for
 * anything else, so it can only stand in for the create scenario.
 */
async function prepareCeiling(dir: string): Promise<Target> {
  const storage = openSqliteStorage(join(dir, 'ceiling.sqlite'));
  const { key } = await createApiKey(storage, { communityId: COMMUNITY, permissions: ['analysis:write'] });
  const writesSkipped: Storage = {
    ...storage,
    // One event-loop turn, as the real group commit waits for its batch.
    atomically: (reads, decide) =>
      new Promise((ok, fail) =>
        setImmediate(() => {
          if (Object.keys(reads).length > 0) fail(new Error('ceiling: only creates without reads'));
          else ok(decide({ analysis: null, idempotency: null }).result);
        }),
      ),
  };
  const server = await listenLocal(createApp({ storage: writesSkipped, rateLimit: false }).fetch);
  const createUrl = `${server.url}/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`;
  return {
    label: 'ceiling: NORMAL, storage writes skipped',
    create: (body) => post(createUrl, body, { authorization: `Bearer ${key}` }, 201),
    append: null,
    close: async () => {
      await server.close();
      await storage.close();
    },
  };
}

/**
 * The server's own cost without sockets or a load generator: `app.request` one at a time,
 * median per request. Explains the HTTP figures: at concurrency 8 on one thread, latency is
 * roughly 8 × this.
 */
async function serialInProcess(dir: string, synchronous: 'FULL' | 'NORMAL'): Promise<[number, number]> {
  const storage = openSqliteStorage(join(dir, `serial-${synchronous}.sqlite`), {
    durability: synchronous === 'FULL' ? 'full' : 'normal',
  });
  const app = createApp({ storage, rateLimit: false });
  const { key } = await createApiKey(storage, { communityId: COMMUNITY, permissions: ['analysis:write'] });
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const createUrl = `/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`;
  const body100 = createBody(100);
  const time = async (n: number, one: (i: number) => Promise<Response> | Response) => {
    const t: number[] = [];
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      const res = await one(i);
      await res.arrayBuffer();
      t.push(performance.now() - start);
      if (res.status >= 300) throw new Error(`serial run: HTTP ${res.status}`);
    }
    return quantile(
      t.sort((x, y) => x - y),
      0.5,
    );
  };
  try {
    await time(50, () => app.request(createUrl, { method: 'POST', headers, body: body100 }));
    const create = await time(300, () => app.request(createUrl, { method: 'POST', headers, body: body100 }));
    let id = '';
    const append = await time(1000, async (i) => {
      if (i % APPENDS_PER_ANALYSIS === 0) {
        const res = await app.request(createUrl, { method: 'POST', headers, body: createBody(0) });
        id = ((await res.json()) as { data: { id: string } }).data.id;
      }
      return app.request(`/v1/analysis/${id}/drawings`, { method: 'POST', headers, body: appendBody() });
    });
    return [create, append];
  } finally {
    await storage.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cm-bench-'));
  const echo = await startEcho();
  const targets = [await prepareServer(dir, 'FULL'), await prepareServer(dir, 'NORMAL')];
  if (process.env.BENCH_CEILING === '1') targets.push(await prepareCeiling(dir));
  try {
    const body100 = createBody(100);
    for (let i = 0; i < 200; i++) await post(`${echo.url}/warm`, body100, {}, 200);
    console.log(
      `server bench: ${SECONDS} s per contender and concurrency in ${SLICES} interleaved slices, ` +
        `concurrency ${CONCURRENCY} and ${SINGLE}, loopback, Node ${process.version}`,
    );
    console.log(`create body ${body100.length} bytes; append body ~${appendBody().length} bytes`);
    const scenarios: [string, () => Promise<boolean>, (t: Target) => (() => Promise<boolean>) | null][] = [
      [
        'create, 100 drawings',
        () => post(`${echo.url}/create`, body100, {}, 200),
        (t) => () => t.create(body100),
      ],
      ['append, 1 drawing', () => post(`${echo.url}/append`, appendBody(), {}, 200), (t) => t.append],
    ];
    for (const [name, echoOne, runOf] of scenarios) {
      const measured = targets.filter((t) => runOf(t) !== null);
      const contenders = [echoOne, ...measured.map((t) => runOf(t)!)];
      const [e, ...servers] = await compare(contenders, CONCURRENCY);
      const [e1, ...servers1] = await compare(contenders, SINGLE);
      console.log(`\n${name}`);
      console.log(`  ${'bare Hono echo'.padEnd(48)} c=${CONCURRENCY} ${fmt(e!)}`);
      console.log(`  ${''.padEnd(48)} c=${SINGLE} ${fmt(e1!)}`);
      for (const [i, t] of measured.entries()) {
        const s = servers[i]!;
        const s1 = servers1[i]!;
        const ratio = s.requests / s.seconds / (e!.requests / e!.seconds);
        console.log(`  ${t.label.padEnd(48)} c=${CONCURRENCY} ${fmt(s)}`);
        console.log(`  ${''.padEnd(48)} c=${SINGLE} ${fmt(s1)}`);
        console.log(
          `  ${''.padEnd(48)} ratio ${(ratio * 100).toFixed(1)} % of echo at c=${CONCURRENCY} (goal ≥ 30 %); ` +
            `p95 ${s.p95.toFixed(2)} ms at c=${CONCURRENCY}, ${s1.p95.toFixed(2)} ms at c=${SINGLE} (goal ≤ 10 ms)`,
        );
      }
    }
    console.log('\nin process, one request at a time (app.request, no sockets), median');
    for (const sync of ['FULL', 'NORMAL'] as const) {
      const [create, append] = await serialInProcess(dir, sync);
      console.log(
        `  synchronous=${sync.padEnd(6)} create, 100 drawings ${create.toFixed(2)} ms; append, 1 drawing ${append.toFixed(2)} ms`,
      );
    }
  } finally {
    await echo.close();
    for (const t of targets) await t.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
