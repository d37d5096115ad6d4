// Issue 18 item 5: truly concurrent writers through two server processes, each with its own
// connection pool, on a real PostgreSQL (a single PGlite runs one transaction at a time, so it
// cannot show a race; this suite needs TEST_DATABASE_URL, which CI sets). The database decides:
// no lost update under If-Match, every idempotent append applied exactly once.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../src/server/auth/keys';
import { connectPostgres } from '../../../src/server/serve-postgres';
import { openPostgresStorage, type PostgresStorage } from '../../../src/server/storage/postgres/pg-storage';
import { type Instance, type SharedDatabase, sharedDatabase, startInstance } from './instances';
import { TEST_DATABASE_URL } from './storage-backends';

const C = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const CH = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const WRITERS_PER_INSTANCE = 20;
const POOL_SIZE = 8;
const SAMPLE = JSON.parse(
  readFileSync(new URL('../../fixtures/spec-examples/create-analysis.request.json', import.meta.url), 'utf8'),
) as { metadata: Record<string, unknown> };

interface Answer {
  status: number;
  headers: Headers;
  body: { code?: string; data: Record<string, unknown> };
}
interface WireLine {
  type: string;
  clientObjectId: string;
  points: unknown[];
}

let db: SharedDatabase;
let storage: PostgresStorage;
let instances: Instance[];
let apiKey: string;

const line = (clientObjectId: string, price: number): WireLine => ({
  type: 'HORIZONTAL_LINE',
  clientObjectId,
  points: [{ time: '2026-01-08T12:00:00Z', price }],
});

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers = {},
): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

async function createAnalysis(title: string): Promise<string> {
  const made = await call(instances[0]!.url, 'POST', `/v1/analysis/${C}/channels/${CH}`, {
    sender: 'a@example.com',
    metadata: { ...SAMPLE.metadata, title, preferenceText: 'plain', alternativeText: 'plain' },
  });
  expect(made.status).toBe(201);
  return made.body.data.id as string;
}

/** Each writer's instance: the first half of the writers on one process, the rest on the other. */
const instanceOf = (writer: number) => instances[writer < WRITERS_PER_INSTANCE ? 0 : 1]!;

describe.skipIf(!TEST_DATABASE_URL)('concurrent writers through two server processes on PostgreSQL', () => {
  beforeAll(async () => {
    db = await sharedDatabase();
    expect(db.kind).toBe('postgres');
    // Rate limit off: 40 writers of one key would otherwise be a 429 test.
    const env = { RATE_LIMIT: 'off', POOL_SIZE: String(POOL_SIZE) };
    instances = await Promise.all([startInstance(db, 'A', env), startInstance(db, 'B', env)]);
    storage = await openPostgresStorage(connectPostgres(db.url, 2, db.clientOptions));
    apiKey = (
      await createApiKey(storage, { communityId: C, permissions: ['analysis:read', 'analysis:write'] })
    ).key;
  }, 60_000);

  afterAll(async () => {
    await Promise.all((instances ?? []).map((i) => i.stop()));
    await storage?.close();
    await db?.dispose();
  });

  it('40 PATCHes sent at once with the same If-Match, 20 through each process: one 200, 39 × 412', async () => {
    const id = await createAnalysis('one winner');
    const answers = await Promise.all(
      Array.from({ length: 2 * WRITERS_PER_INSTANCE }, (_, w) =>
        call(
          instanceOf(w).url,
          'PATCH',
          `/v1/analysis/${id}`,
          { sender: 'a@example.com', metadata: { title: `writer ${w}` } },
          { 'if-match': '"1"' },
        ),
      ),
    );
    const winners = answers.filter((a) => a.status === 200);
    expect(winners).toHaveLength(1);
    const losers = answers.filter((a) => a.status === 412);
    expect(losers).toHaveLength(2 * WRITERS_PER_INSTANCE - 1);
    for (const l of losers)
      expect(l.body).toMatchObject({ code: 'version_mismatch', data: { currentVersion: 2 } });
    const got = await call(instances[1]!.url, 'GET', `/v1/analysis/${id}`);
    expect(got.body.data.version).toBe(2);
    expect(got.body.data.metadata).toMatchObject({ title: `writer ${answers.indexOf(winners[0]!)}` });
  }, 60_000);

  it('2 × 20 writers read, add their drawing and PATCH with If-Match, retrying on 412: no update lost', async () => {
    const id = await createAnalysis('read-modify-write');
    const committed: number[] = [];
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: 2 * WRITERS_PER_INSTANCE }, async (_, w) => {
        const base = instanceOf(w).url;
        for (let attempt = 0; attempt < 200; attempt++) {
          const got = await call(base, 'GET', `/v1/analysis/${id}`);
          const version = got.body.data.version as number;
          const drawings = (got.body.data.drawings as WireLine[]).map((d) => line(d.clientObjectId, 1.3));
          const put = await call(
            base,
            'PATCH',
            `/v1/analysis/${id}`,
            { sender: 'a@example.com', drawings: [...drawings, line(`w_${w}`, 1.3)] },
            { 'if-match': `"${version}"` },
          );
          if (put.status === 200) {
            committed.push(put.body.data.version as number);
            return;
          }
          expect(put.status).toBe(412);
          conflicts++;
        }
        throw new Error(`writer ${w} never got its update through`);
      }),
    );
    // Every writer committed once, each on its own version: 2 … 41.
    const writers = 2 * WRITERS_PER_INSTANCE;
    expect([...committed].sort((a, b) => a - b)).toEqual(Array.from({ length: writers }, (_, i) => i + 2));
    const final = await call(instances[0]!.url, 'GET', `/v1/analysis/${id}`);
    expect(final.body.data.version).toBe(writers + 1);
    const ids = (final.body.data.drawings as WireLine[]).map((d) => d.clientObjectId).sort();
    expect(ids).toEqual(Array.from({ length: writers }, (_, w) => `w_${w}`).sort());
    // The race was real: writers collided and had to retry.
    expect(conflicts).toBeGreaterThan(0);
    console.log(`read-modify-write: ${writers} writers, ${conflicts} conflicts (412) retried`);
  }, 120_000);

  it('2 × 20 idempotent appends (each key sent to both processes at once): every drawing exactly once', async () => {
    const id = await createAnalysis('idempotent appends');
    const keys = WRITERS_PER_INSTANCE;
    const answers = await Promise.all(
      Array.from({ length: 2 * keys }, (_, w) => {
        const k = w % keys;
        return call(
          instanceOf(w).url,
          'POST',
          `/v1/analysis/${id}/drawings`,
          { sender: 'a@example.com', drawings: [line(`k_${k}`, 1.2 + k / 100)] },
          { 'idempotency-key': `append-${k}` },
        ).then((a) => ({ k, a }));
      }),
    );
    for (let k = 0; k < keys; k++) {
      const pair = answers.filter((x) => x.k === k).map((x) => x.a);
      const statuses = pair.map((a) => a.status).sort();
      // The second copy arrives while the first runs (409 in flight) or after it (replayed 200).
      expect([
        [200, 200],
        [200, 409],
      ]).toContainEqual(statuses);
      const ok = pair.filter((a) => a.status === 200);
      if (ok.length === 2) {
        expect(ok.map((a) => a.headers.get('idempotent-replayed')).sort()).toEqual(['true', null].sort());
        expect(ok[0]!.body.data.drawings).toEqual(ok[1]!.body.data.drawings);
      } else {
        expect(pair.find((a) => a.status === 409)!.body.code).toBe('idempotency_key_in_flight');
      }
    }
    const final = await call(instances[1]!.url, 'GET', `/v1/analysis/${id}`);
    const ids = (final.body.data.drawings as WireLine[]).map((d) => d.clientObjectId).sort();
    expect(ids).toEqual(Array.from({ length: keys }, (_, k) => `k_${k}`).sort());
    // One version per applied append, none for a replay or a refused copy.
    expect(final.body.data.version).toBe(1 + keys);
  }, 60_000);
});
