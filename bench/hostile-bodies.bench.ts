// Issue 14 item 2: a reader's GET latency over real HTTP while one write key posts sixty hostile
// 1 MiB bodies of tiny JSON tokens (4 connections), against the same reader on a quiet server.
// Also, per body, what the structure scan costs to refuse it against what JSON.parse (the peer:
// the server before the scan) costs to parse it. Goal: the reader's p50 within 3× quiet.
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from '../src/server/app';
import { createApiKey } from '../src/server/auth/keys';
import { checkJsonStructure } from '../src/server/json-structure';
import { openStorage } from '../src/server/storage/open';
import { hostileBodies } from '../test/unit/server/hostile-bodies';

const C = '6502c9e514a3e564c5c09c0a';
const CH = '6502c9e514a3e564c5c09c0b';
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const storage = await openStorage(':memory:');
const app = createApp({ storage, rateLimit: false });
const { key } = await createApiKey(storage, {
  communityId: C,
  permissions: ['analysis:read', 'analysis:write'],
});
const auth = { authorization: `Bearer ${key}` };
const sample = JSON.parse(
  await (await import('node:fs/promises')).readFile('demo/sample-analysis.json', 'utf8'),
);
const created = await app.request(`/v1/analysis/${C}/channels/${CH}`, {
  method: 'POST',
  headers: { ...auth, 'content-type': 'application/json' },
  body: JSON.stringify(sample),
});
const id = ((await created.json()) as { data: { id: string } }).data.id;
const server = createAdaptorServer({ fetch: app.fetch });
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function read(durationMs: number | (() => boolean)): Promise<number[]> {
  const times: number[] = [];
  const until = typeof durationMs === 'number' ? performance.now() + durationMs : 0;
  const more = typeof durationMs === 'number' ? () => performance.now() < until : durationMs;
  while (more()) {
    const t = performance.now();
    await (await fetch(`${base}/v1/analysis/${id}`, { headers: auth })).arrayBuffer();
    times.push(performance.now() - t);
  }
  return times;
}

await read(500); // warm up
const quiet = await read(3000);
const bodies = hostileBodies();
let attacking = true;
const during = read(() => attacking);
const t0 = performance.now();
await Promise.all(
  [0, 1, 2, 3].map(async (lane) => {
    for (let i = lane; i < bodies.length; i += 4)
      await (
        await fetch(`${base}/v1/analysis/${C}/channels/${CH}`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: bodies[i],
        })
      ).arrayBuffer();
  }),
);
const attackMs = performance.now() - t0;
attacking = false;
const loud = await during;

const scanMs: number[] = [];
const parseMs: number[] = [];
for (const body of bodies.slice(0, 3)) {
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
await new Promise<void>((done) => server.close(() => done()));
await storage.close();

const q = p50(quiet);
const l = p50(loud);
console.log(`reader GET p50 quiet ${q.toFixed(2)} ms (${quiet.length} reads)`);
console.log(
  `reader GET p50 under attack ${l.toFixed(2)} ms (${loud.length} reads; 60 bodies refused in ${attackMs.toFixed(0)} ms)`,
);
console.log(`ratio under attack / quiet: ${(l / q).toFixed(2)}× (goal ≤ 3×)`);
console.log(
  `per hostile body: structure scan p50 ${p50(scanMs).toFixed(2)} ms vs JSON.parse (peer) p50 ${p50(parseMs).toFixed(2)} ms — ${(p50(parseMs) / p50(scanMs)).toFixed(1)}× cheaper`,
);
