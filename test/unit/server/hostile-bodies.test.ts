// Issue 14 item 2 (spec §5.4): one write key sends sixty hostile 1 MiB bodies of tiny JSON tokens
// while a reader keeps reading over real HTTP. Each body is refused with 400 body_too_complex by
// the structure scan — JSON.parse never sees it — and the reader's requests keep succeeding.
// bench/hostile-bodies.bench.ts prints the reader's p50 quiet and under attack.
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelPath, createExample, type Harness, harness } from './harness';
import { hostileBodies } from './hostile-bodies';

let h: Harness;
let base: string;
let server: ReturnType<typeof createAdaptorServer>;
let id: string;

beforeAll(async () => {
  h = await harness({ rateLimit: false, now: Date.now });
  id = await createExample(h);
  server = createAdaptorServer({ fetch: h.app.fetch });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  await h.storage.close();
});

describe('hostile 1 MiB bodies while a reader runs', () => {
  it('refuses every body before a full parse and keeps answering the reader', async () => {
    const parse = JSON.parse;
    let largestParsed = 0;
    const spy = vi
      .spyOn(JSON, 'parse')
      .mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
        largestParsed = Math.max(largestParsed, text.length);
        return parse(text, reviver);
      });
    const auth = { authorization: `Bearer ${h.keys.writer}` };
    let attacking = true;
    const reads: number[] = [];
    const reader = (async () => {
      while (attacking) reads.push((await fetch(`${base}/v1/analysis/${id}`, { headers: auth })).status);
    })();
    const answers: [number, string][] = [];
    const bodies = hostileBodies();
    // Four connections of the one write key, as an attacker would open.
    await Promise.all(
      [0, 1, 2, 3].map(async (lane) => {
        for (let i = lane; i < bodies.length; i += 4) {
          const res = await fetch(`${base}${channelPath()}`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: bodies[i],
          });
          answers.push([res.status, ((await res.json()) as { code: string }).code]);
        }
      }),
    );
    const readsDuringAttack = reads.length;
    attacking = false;
    await reader;
    spy.mockRestore();
    expect(answers).toHaveLength(60);
    expect(new Set(answers.map(([status, code]) => `${status} ${code}`))).toEqual(
      new Set(['400 body_too_complex']),
    );
    // No hostile body reached JSON.parse (the reader's own answers are ~2 KB).
    expect(largestParsed).toBeLessThan(64 * 1024);
    // The reader was answered throughout, every time.
    expect(readsDuringAttack).toBeGreaterThan(0);
    expect(new Set(reads)).toEqual(new Set([200]));
  }, 60_000);
});
