// Browser tokens across two server processes on one PostgreSQL (spec §5.1): a token issued by
// one instance is verified by the other without a shared cache (the secret comes from
// CHARTMARK_TOKEN_SECRET, the same on both), and revoking its key in the database ends it on
// both from the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../../src/server/auth/keys';
import { connectPostgres } from '../../../src/server/serve-postgres';
import { openPostgresStorage, type PostgresStorage } from '../../../src/server/storage/postgres/pg-storage';
import { type Instance, type SharedDatabase, sharedDatabase, startInstance } from './instances';

const C = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const CH = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const ENV = { CHARTMARK_TOKEN_SECRET: 'two-instances-share-this-secret-of-40-chars' };

let db: SharedDatabase;
let storage: PostgresStorage;
let a: Instance;
let b: Instance;
let apiKey: string;

beforeAll(async () => {
  db = await sharedDatabase();
  [a, b] = await Promise.all([startInstance(db, 'A', ENV), startInstance(db, 'B', ENV)]);
  storage = await openPostgresStorage(connectPostgres(db.url, 2, db.clientOptions));
  apiKey = (await createApiKey(storage, { communityId: C, permissions: ['analysis:read', 'analysis:write'] }))
    .key;
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await storage?.close();
  await db?.dispose();
});

const list = (base: string, bearer: string) =>
  fetch(`${base}/v1/analysis/${C}/channels/${CH}`, { headers: { authorization: `Bearer ${bearer}` } });

describe('tokens on two instances', () => {
  it('a token issued by A works on B, and fails on both once its key is revoked', async () => {
    const issued = await fetch(`${a.url}/v1/auth/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender: 'user@example.com', permissions: ['analysis:read'], channelIds: [CH] }),
    });
    expect(issued.status).toBe(201);
    const { token } = ((await issued.json()) as { data: { token: string } }).data;
    expect([(await list(a.url, token)).status, (await list(b.url, token)).status]).toEqual([200, 200]);
    expect(await revokeApiKey(storage, apiKey)).toBe(true);
    expect([(await list(a.url, token)).status, (await list(b.url, token)).status]).toEqual([401, 401]);
  });
});
