// The server's create throughput with the load generator in a process of its own: the same
// contenders as bench/server.bench.ts's create scenario (the bare Hono echo and the reference
// server on its default storage, both in this process), but the 8 clients' `fetch` calls run in
// bench/load-child.ts, so the servers' event loop serves requests only. server.bench.ts keeps its
// clients in the servers' process (its figures stay comparable across rounds); there, whatever
// leaves the event loop also makes room for the clients, which flatters moving work to threads.
//   npx tsx bench/server-alone.bench.ts [seconds per contender, default 5]
// Prints each contender's throughput and p50/p95 at 8 clients and at 1, and the ratio to the echo.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey } from '../src/server/auth/keys';
import { startServer } from '../src/server/serve';
import { startBenchChild } from './child';
import { quantile, startEcho } from './loopback';
import { BENCH_CHANNEL as CHANNEL, BENCH_COMMUNITY as COMMUNITY, createAnalysisBody } from './server-bodies';

const SECONDS = Number(process.argv[2] ?? 5);
const SLICES = 10;

interface Outcome {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly latencies: number[];
}

interface Contender {
  readonly label: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly expected: number;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cm-alone-'));
  const echo = await startEcho();
  const server = await startServer({
    port: 0,
    database: join(dir, 'bench.sqlite'),
    rateLimit: false,
    log: () => {},
  });
  const load = await startBenchChild<{ ready: boolean }>('load-child.ts', {});
  try {
    const { key } = await createApiKey(server.storage, {
      communityId: COMMUNITY,
      permissions: ['analysis:write'],
    });
    const contenders: Contender[] = [
      {
        label: 'bare Hono echo',
        url: `${echo.url}/create`,
        headers: {},
        expected: 200,
      },
      {
        label: 'chartmark (default storage)',
        url: `${server.url}/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`,
        headers: { authorization: `Bearer ${key}` },
        expected: 201,
      },
    ];
    const body = createAnalysisBody(100);
    const runOnce = async (c: Contender, clients: number, ms: number): Promise<Outcome> => {
      load.send(JSON.stringify({ url: c.url, headers: c.headers, body, expected: c.expected, clients, ms }));
      return load.next<Outcome>();
    };
    // Warm up both (JIT on either side, SQLite's page cache).
    for (const c of contenders) await runOnce(c, 8, 1000);
    console.log(
      `server-alone bench: create, 100 drawings (${body.length} bytes); ${SECONDS} s per contender and ` +
        `concurrency in ${SLICES} interleaved slices; load generator in its own process; Node ${process.version}`,
    );
    for (const clients of [8, 1]) {
      const totals = contenders.map(() => ({
        requests: 0,
        errors: 0,
        seconds: 0,
        latencies: [] as number[],
      }));
      for (let i = 0; i < SLICES; i++) {
        for (const [k, c] of contenders.entries()) {
          const o = await runOnce(c, clients, (SECONDS * 1000) / SLICES);
          const t = totals[k]!;
          t.requests += o.requests;
          t.errors += o.errors;
          t.seconds += o.seconds;
          t.latencies.push(...o.latencies);
        }
      }
      const rate = (t: (typeof totals)[number]) => t.requests / t.seconds;
      for (const [k, c] of contenders.entries()) {
        const t = totals[k]!;
        const sorted = t.latencies.sort((a, b) => a - b);
        console.log(
          `  ${c.label.padEnd(30)} c=${clients} ${rate(t).toFixed(0).padStart(6)} req/s  p50 ${quantile(sorted, 0.5).toFixed(2)} ms  ` +
            `p95 ${quantile(sorted, 0.95).toFixed(2)} ms  (${t.requests} requests${t.errors ? `, ${t.errors} unexpected statuses` : ''})`,
        );
      }
      console.log(
        `  ${''.padEnd(30)} c=${clients} ratio ${((rate(totals[1]!) / rate(totals[0]!)) * 100).toFixed(1)} % of echo`,
      );
    }
  } finally {
    await load.stop();
    await server.close();
    await echo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
