import { describe, expect, it } from 'vitest';
import { API_BASE_URLS, createApiClient } from '../../../src/sync/api-client';
import { ApiError, parseRetryAfter } from '../../../src/sync/api-error';
import { CHANNEL, COMMUNITY, type FetchFn, SENDER, T0_MS, testServer } from './harness';

const BODY = {
  sender: SENDER,
  metadata: {
    direction: 'BULLISH' as const,
    entryPlacement: 'BELOW_CURRENT' as const,
    title: 'Client test',
    timeframe: 'H1' as const,
    symbol: 'EUR/USD',
  },
  drawings: [
    {
      type: 'HORIZONTAL_LINE' as const,
      clientObjectId: 'h1',
      points: [{ time: '2026-01-08T10:00:00Z', price: 1.1 }],
    },
  ],
};

/** Routes a documented host to the in-process server, recording the URL as the client built it. */
async function viaHost(host: string) {
  const server = await testServer(() => T0_MS);
  const urls: string[] = [];
  const fetch: FetchFn = (input, init) => {
    urls.push(input);
    const u = new URL(input);
    return server.fetch(`http://local${u.pathname}${u.search}`, init);
  };
  return { server, urls, client: createApiClient({ baseUrl: host, apiKey: server.apiKey, fetch }) };
}

describe('createApiClient', () => {
  it.each([
    [API_BASE_URLS.current, 'https://api.returning.ai/v1/analysis'],
    [API_BASE_URLS.integration, 'https://integration.returning.ai/apis/v1/analysis'],
    [`${API_BASE_URLS.integration}/`, 'https://integration.returning.ai/apis/v1/analysis'],
  ])('runs all six operations under %s', async (host, prefix) => {
    const { client, urls } = await viaHost(host);
    const created = await client.create(COMMUNITY, CHANNEL, { ...BODY, idempotencyKey: 'k-1' });
    const id = created.data.id;
    expect(created.version).toBe(1);
    expect(created.replayed).toBe(false);
    const again = await client.create(COMMUNITY, CHANNEL, { ...BODY, idempotencyKey: 'k-1' });
    expect([again.data.id, again.replayed]).toEqual([id, true]);
    const appended = await client.append(id, {
      sender: SENDER,
      drawings: [
        {
          type: 'HORIZONTAL_LINE',
          clientObjectId: 'h2',
          points: [{ time: '2026-01-08T11:00:00Z', price: 1.2 }],
        },
      ],
    });
    expect([appended.data.totalDrawings, appended.data.version]).toEqual([2, 2]);
    const updated = await client.update(
      id,
      { sender: SENDER, metadata: { title: 'Renamed' } },
      { ifMatch: 2 },
    );
    expect([updated.data.updatedFields, updated.data.version, updated.version]).toEqual([['title'], 3, 3]);
    const got = await client.get(id);
    expect([got.data.metadata.title, got.data.drawings.length, got.version]).toEqual(['Renamed', 2, 3]);
    const list = await client.list(COMMUNITY, CHANNEL, { limit: 5, symbol: 'EUR/USD' });
    expect([list.data.total, list.data.limit, list.data.analyses[0]!.id]).toEqual([1, 5, id]);
    const deleted = await client.delete(id, { ifMatch: 3 });
    expect(deleted.data.analysisId).toBe(id);
    expect(urls.map((u) => u.slice(0, prefix.length))).toEqual(Array(urls.length).fill(prefix));
    expect(urls.at(-2)).toBe(`${prefix}/${COMMUNITY}/channels/${CHANNEL}?limit=5&symbol=EUR%2FUSD`);
  });

  it('turns a 412 into an ApiError with status, code and currentVersion, retryable and a conflict', async () => {
    const { client } = await viaHost(API_BASE_URLS.current);
    const id = (await client.create(COMMUNITY, CHANNEL, BODY)).data.id;
    const err = await client
      .update(id, { sender: SENDER, metadata: { title: 'x' } }, { ifMatch: 7 })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect([err.status, err.code, err.data, err.retryable, err.conflict]).toEqual([
      412,
      'version_mismatch',
      { currentVersion: 1 },
      true,
      true,
    ]);
  });

  it('carries the issue list of a 400 and does not call it retryable', async () => {
    const { client } = await viaHost(API_BASE_URLS.current);
    const err = await client
      .create(COMMUNITY, CHANNEL, { ...BODY, metadata: { ...BODY.metadata, title: '' } })
      .catch((e) => e);
    expect([err.status, err.code, err.retryable]).toEqual([400, 'validation_failed', false]);
    expect(err.issues.map((i: { path: unknown[] }) => i.path)).toEqual([['metadata', 'title']]);
  });

  it('reports a 401 for a bad key and a network failure as status 0', async () => {
    const server = await testServer(() => T0_MS);
    const bad = createApiClient({ baseUrl: 'http://local', apiKey: 'nope', fetch: server.fetch });
    const e401 = await bad.get('6502c9e514a3e564c5c09c0f').catch((e) => e);
    expect([e401.status, e401.code, e401.retryable]).toEqual([401, 'unauthorized', false]);
    const down = createApiClient({
      baseUrl: 'http://local',
      apiKey: 'k',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    const e0 = await down.get('6502c9e514a3e564c5c09c0f').catch((e) => e);
    expect([e0.status, e0.code, e0.retryable, e0.message]).toEqual([
      0,
      'network_error',
      true,
      'GET /6502c9e514a3e564c5c09c0f: network failure (fetch failed)',
    ]);
  });

  it('reads Retry-After from a 429 and names a non-envelope 503 by its status', async () => {
    const answers = [
      new Response('{"status":"error","message":"slow down","code":"rate_limited"}', {
        status: 429,
        headers: { 'retry-after': '12' },
      }),
      new Response('<html>bad gateway</html>', { status: 503 }),
    ];
    const client = createApiClient({ baseUrl: 'http://x', apiKey: 'k', fetch: async () => answers.shift()! });
    const e429 = await client.get('6502c9e514a3e564c5c09c0f').catch((e) => e);
    expect([e429.status, e429.code, e429.retryAfter, e429.retryable]).toEqual([
      429,
      'rate_limited',
      12,
      true,
    ]);
    const e503 = await client.get('6502c9e514a3e564c5c09c0f').catch((e) => e);
    expect([e503.status, e503.code, e503.retryAfter, e503.retryable]).toEqual([
      503,
      'http_503',
      undefined,
      true,
    ]);
  });

  it('rejects a 200 whose body does not match the schema as invalid_response', async () => {
    const client = createApiClient({
      baseUrl: 'http://x',
      apiKey: 'k',
      fetch: async () => new Response('{"status":"success","message":"ok","data":{"id":"nope"}}'),
    });
    const err = await client.get('6502c9e514a3e564c5c09c0f').catch((e) => e);
    expect([err.status, err.code, err.retryable]).toEqual([200, 'invalid_response', false]);
    expect(err.message).toMatch(/^GET \/6502c9e514a3e564c5c09c0f: response data\.id: /);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.UTC(2026, 0, 8, 12);
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Thu, 08 Jan 2026 12:00:45 GMT', now)).toBe(45);
    expect(parseRetryAfter('Thu, 08 Jan 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
