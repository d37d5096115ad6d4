// The attacker of bench/hostile-bodies.bench.ts in its own process: one write key posting the 60
// hostile 1 MiB bodies over 4 connections to URL (env URL, KEY, TARGET_PATH). Prints `{"ready":true}`
// once the bodies are built, attacks on the line "go", then prints the statuses and the time.
import { createInterface } from 'node:readline';
import { hostileBodies } from '../test/unit/server/hostile-bodies';

const bodies = hostileBodies();
const lines = createInterface({ input: process.stdin });
process.stdout.write('{"ready":true}\n');
await new Promise<void>((go) => lines.once('line', () => go()));
const statuses: Record<string, number> = {};
const t0 = performance.now();
await Promise.all(
  [0, 1, 2, 3].map(async (lane) => {
    for (let i = lane; i < bodies.length; i += 4) {
      const res = await fetch(`${process.env.URL}${process.env.TARGET_PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${process.env.KEY}`, 'content-type': 'application/json' },
        body: bodies[i],
      });
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  }),
);
process.stdout.write(`${JSON.stringify({ attackMs: performance.now() - t0, statuses })}\n`);
lines.close();
process.exit(0);
