// Throughput of one server instance and of two instances on the same PostgreSQL, same run.
// Usage: npx tsx bench/scale.bench.ts [requests=600] [concurrency=16] [runs=3]
// Database: TEST_DATABASE_URL (a fresh schema, dropped afterwards), else PGlite behind its socket
// server (one backend, so two instances cannot scale there; printed as such).
// Workload per request cycle: create an analysis (the spec example: 3 levels, 3 drawings), PATCH its title with
// If-Match, GET it — 3 HTTP requests, all through real sockets. Instances run in child processes
// with the rate limit off; the load generator runs in this process.
import { readFileSync } from 'node:fs';
import { createApiKey } from '../src/server/auth/keys';
import { connectPostgres } from '../src/server/serve-postgres';
import { openPostgresStorage } from '../src/server/storage/postgres/pg-storage';
import { type Instance, sharedDatabase, startInstance } from '../test/unit/server/instances';
import { namedCpu, treeCpu } from './proc-cpu';

const [requests = 600, concurrency = 16, runs = 3] = process.argv.slice(2).map(Number);
const C = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const CH = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const SAMPLE = JSON.parse(
  readFileSync(
    new URL('../test/fixtures/spec-examples/create-analysis.request.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

const db = await sharedDatabase();
const instances: Instance[] = [];
try {
  const env = { RATE_LIMIT: 'off', WEBHOOK_INTERVAL_MS: '1000' };
  instances.push(await startInstance(db, 'A', env));
  instances.push(await startInstance(db, 'B', env));
  const storage = await openPostgresStorage(connectPostgres(db.url, 1, db.clientOptions));
  const { key } = await createApiKey(storage, {
    communityId: C,
    permissions: ['analysis:read', 'analysis:write'],
  });
  await storage.close();
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

  let failures = 0;
  async function cycle(base: string, i: number): Promise<void> {
    const made = await fetch(`${base}/v1/analysis/${C}/channels/${CH}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...SAMPLE, idempotencyKey: `bench-${process.pid}-${Date.now()}-${i}` }),
    });
    const id = ((await made.json()) as { data: { id: string } }).data.id;
    const patched = await fetch(`${base}/v1/analysis/${id}`, {
      method: 'PATCH',
      headers: { ...headers, 'if-match': '"1"' },
      body: JSON.stringify({ sender: 'a@example.com', metadata: { title: `bench ${i}` } }),
    });
    await patched.arrayBuffer();
    const got = await fetch(`${base}/v1/analysis/${id}`, { headers });
    await got.arrayBuffer();
    if (made.status !== 201 || patched.status !== 200 || got.status !== 200) failures++;
  }

  // CPU seconds per second of wall time, by role, summed over the measured runs.
  const cpu = {
    one: { client: 0, servers: 0, postgres: 0, wall: 0 },
    two: { client: 0, servers: 0, postgres: 0, wall: 0 },
  };
  const sample = () => ({
    client: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    servers: instances.reduce((s, i) => s + treeCpu(i.pid), 0),
    postgres: namedCpu('postgres'),
  });

  /** Requests per second with `targets` served round-robin by `concurrency` workers. */
  async function measure(targets: readonly Instance[], into?: typeof cpu.one): Promise<number> {
    const cycles = Math.ceil(requests / 3);
    let next = 0;
    const before = sample();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < cycles) {
          const i = next++;
          await cycle(targets[i % targets.length]!.url, i);
        }
      }),
    );
    const wall = (performance.now() - started) / 1000;
    const after = sample();
    if (into) {
      into.wall += wall;
      into.client += after.client - before.client;
      into.servers += after.servers - before.servers;
      into.postgres += after.postgres - before.postgres;
    }
    return (cycles * 3) / wall;
  }

  await measure(instances); // warm-up: JIT, pools, caches of both
  const one: number[] = [];
  const two: number[] = [];
  for (let r = 0; r < runs; r++) {
    one.push(await measure(instances.slice(0, 1), cpu.one));
    two.push(await measure(instances, cpu.two));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `database: ${db.kind}; ${Math.ceil(requests / 3) * 3} requests per run, ${concurrency} in flight`,
  );
  console.log(
    `one instance:  ${one.map((x) => x.toFixed(0)).join(', ')} req/s, median ${median(one).toFixed(0)}`,
  );
  console.log(
    `two instances: ${two.map((x) => x.toFixed(0)).join(', ')} req/s, median ${median(two).toFixed(0)}`,
  );
  for (const [name, c] of Object.entries(cpu))
    console.log(
      `cores busy (${name}): load generator ${(c.client / c.wall).toFixed(2)}, server processes ${(c.servers / c.wall).toFixed(2)}, postgres ${(c.postgres / c.wall).toFixed(2)}`,
    );
  console.log(`ratio two/one: ${(median(two) / median(one)).toFixed(2)}; failed cycles: ${failures}`);
} finally {
  await Promise.all(instances.map((i) => i.stop()));
  await db.dispose();
}
