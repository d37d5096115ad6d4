// A load generator in its own process (bench/child.ts starts it), so that the clients' work does
// not run on the event loop of the servers it measures. Each stdin line is one run:
// `{ url, headers, body, expected, clients, ms }` — `clients` loops POST `body` to `url` for `ms`;
// it answers one line: `{ requests, errors, seconds, latencies }` (latencies in ms, unsorted).
import { createInterface } from 'node:readline';

interface Run {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly expected: number;
  readonly clients: number;
  readonly ms: number;
}

async function run(r: Run) {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + r.ms;
  await Promise.all(
    Array.from({ length: r.clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const res = await fetch(r.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...r.headers },
          body: r.body,
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (res.status !== r.expected) errors++;
      }
    }),
  );
  return { requests: latencies.length, errors, seconds: (performance.now() - start) / 1000, latencies };
}

process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
// One run at a time, in the order asked: the parent waits for each answer before the next.
for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(`${JSON.stringify(await run(JSON.parse(line) as Run))}\n`);
}
