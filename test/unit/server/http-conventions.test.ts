// HTTP conventions and cost rules of spec §5.3/§5.4 (issue 14 items 1, 4, 5, 8): replays checked
// against the caller's scope, the Idempotency-Key header, 405 + Allow, conditional GET, RateLimit
// headers, nosniff, /health and /ready, unknown query keys, preview sizes and extreme prices.
import { afterEach, describe, expect, it } from 'vitest';
import { COMMUNITY, channelPath, createBody, createExample, type Harness, harness } from './harness';

let h: Harness;
afterEach(async () => h?.storage.close());

const line = (id: string, price: number) => ({
  type: 'HORIZONTAL_LINE',
  clientObjectId: id,
  points: [{ time: '2026-01-08T10:00:00Z', price }],
});
const code = async (res: Response) => ((await res.json()) as { code: string }).code;

describe('replays are checked against the caller scope first (item 1)', () => {
  it('a key restricted to another channel replaying an append gets 403, not the stored response', async () => {
    h = await harness();
    const id = await createExample(h); // in CHANNEL
    const body = { sender: 'a@example.com', drawings: [line('h_1', 1.3)], idempotencyKey: 'append-1' };
    const first = await h.call('POST', `/v1/analysis/${id}/drawings`, { body });
    expect(first.status).toBe(200);
    const replay = await h.call('POST', `/v1/analysis/${id}/drawings`, { key: h.keys.otherChannel, body });
    expect(replay.status).toBe(403);
    expect(replay.headers.get('idempotent-replayed')).toBeNull();
    expect(await code(replay)).toBe('forbidden');
    // The key that may act there still gets its replay.
    const again = await h.call('POST', `/v1/analysis/${id}/drawings`, { body });
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
  });

  it('after a delete, a channel-restricted key gets 404 while a community-wide key still replays', async () => {
    h = await harness();
    const id = await createExample(h);
    const body = { sender: 'a@example.com', drawings: [line('h_1', 1.3)], idempotencyKey: 'append-2' };
    expect((await h.call('POST', `/v1/analysis/${id}/drawings`, { body })).status).toBe(200);
    expect((await h.call('DELETE', `/v1/analysis/${id}`)).status).toBe(200);
    const narrow = await h.call('POST', `/v1/analysis/${id}/drawings`, { key: h.keys.otherChannel, body });
    expect(narrow.status).toBe(404);
    const wide = await h.call('POST', `/v1/analysis/${id}/drawings`, { body });
    expect([wide.status, wide.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
  });
});

describe('Idempotency-Key header (§5.3)', () => {
  it('is the same thing as the body key: a retry with the header replays', async () => {
    h = await harness();
    const headers = { 'idempotency-key': 'hdr-1' };
    const first = await h.call('POST', channelPath(), { body: createBody(), headers });
    const second = await h.call('POST', channelPath(), { body: createBody(), headers });
    expect([first.status, second.status, second.headers.get('idempotent-replayed')]).toEqual([
      201,
      201,
      'true',
    ]);
    expect(await second.text()).toBe(await first.text());
    const viaBody = await h.call('POST', channelPath(), { body: createBody({ idempotencyKey: 'hdr-1' }) });
    // The body now carries the key too, so the canonical body differs: the key was used for another body.
    expect(viaBody.status).toBe(422);
  });

  it('header and body key that differ → 400 idempotency_key_conflict; a bad header → 400', async () => {
    h = await harness();
    const res = await h.call('POST', channelPath(), {
      body: createBody({ idempotencyKey: 'body-key' }),
      headers: { 'idempotency-key': 'header-key' },
    });
    expect([res.status, await code(res)]).toEqual([400, 'idempotency_key_conflict']);
    const bad = await h.call('POST', channelPath(), {
      body: createBody(),
      headers: { 'idempotency-key': 'x'.repeat(256) },
    });
    expect([bad.status, await code(bad)]).toEqual([400, 'validation_failed']);
  });
});

describe('methods, conditional GET, headers (§5.3)', () => {
  it('405 with Allow for a known path and another method, under both prefixes', async () => {
    h = await harness();
    for (const [method, path, allow] of [
      ['PUT', `/v1/analysis/${COMMUNITY}`, 'GET, HEAD, PATCH, DELETE'],
      ['DELETE', channelPath(), 'POST, GET, HEAD'],
      ['GET', `/apis/v1/analysis/${COMMUNITY}/drawings`, 'POST'],
      ['POST', `/v1/analysis/${COMMUNITY}/preview.svg`, 'GET, HEAD'],
      ['GET', '/v1/auth/tokens', 'POST'],
    ] as const) {
      const res = await h.call(method, path);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      expect(await res.json()).toMatchObject({ status: 'error', code: 'method_not_allowed' });
    }
  });

  it('Get and preview.svg answer 304 to a matching If-None-Match, with the ETag', async () => {
    h = await harness();
    const id = await createExample(h);
    const get = await h.call('GET', `/v1/analysis/${id}`, { headers: { 'if-none-match': 'W/"1"' } });
    expect([get.status, get.headers.get('etag'), await get.text()]).toEqual([304, '"1"', '']);
    expect((await h.call('GET', `/v1/analysis/${id}`, { headers: { 'if-none-match': '"2"' } })).status).toBe(
      200,
    );
    const svg = await h.call('GET', `/v1/analysis/${id}/preview.svg?width=400`);
    const tag = svg.headers.get('etag')!;
    const again = await h.call('GET', `/v1/analysis/${id}/preview.svg?width=400`, {
      headers: { 'if-none-match': tag },
    });
    expect([again.status, again.headers.get('etag'), again.headers.get('cache-control')]).toEqual([
      304,
      tag,
      'private, max-age=0, must-revalidate',
    ]);
    // Another size is another image.
    const other = await h.call('GET', `/v1/analysis/${id}/preview.svg?width=500`, {
      headers: { 'if-none-match': tag },
    });
    expect(other.status).toBe(200);
    // An edit is another image.
    await h.call('PATCH', `/v1/analysis/${id}`, {
      body: { sender: 'a@example.com', metadata: { title: 'New' } },
    });
    const edited = await h.call('GET', `/v1/analysis/${id}/preview.svg?width=400`, {
      headers: { 'if-none-match': tag },
    });
    expect(edited.status).toBe(200);
  });

  it('RateLimit and RateLimit-Policy on every answer of a limited route, Retry-After on 429', async () => {
    h = await harness({ rateLimit: { capacity: 2, refillPerSecond: 1 } });
    const first = await h.call('POST', channelPath(), { body: createBody() });
    expect([first.headers.get('ratelimit-policy'), first.headers.get('ratelimit')]).toEqual([
      '"writes";q=2;w=2',
      '"writes";r=1;t=1',
    ]);
    const bad = await h.call('POST', channelPath(), { raw: '{' });
    expect([bad.status, bad.headers.get('ratelimit')]).toEqual([400, '"writes";r=0;t=2']);
    const limited = await h.call('GET', `/v1/analysis/${COMMUNITY}/preview.svg`);
    expect([limited.status, limited.headers.get('retry-after'), limited.headers.get('ratelimit')]).toEqual([
      429,
      '1',
      '"writes";r=0;t=2',
    ]);
    // Reads are not limited and carry no RateLimit header.
    const read = await h.call('GET', channelPath());
    expect([read.status, read.headers.get('ratelimit')]).toEqual([200, null]);
  });

  it('nosniff on every answer, JSON, SVG, errors and 405 alike', async () => {
    h = await harness();
    const id = await createExample(h);
    for (const [method, path] of [
      ['GET', `/v1/analysis/${id}`],
      ['GET', `/v1/analysis/${id}/preview.svg`],
      ['GET', '/nope'],
      ['PUT', channelPath()],
      ['GET', '/health'],
    ] as const)
      expect((await h.call(method, path)).headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('/health and /ready answer the envelope with a message; /ready is 503 when the database fails', async () => {
    h = await harness();
    expect(await (await h.call('GET', '/ready', { key: null })).json()).toEqual({
      status: 'success',
      message: 'Database is reachable',
      data: { ok: true },
    });
    const { createApp } = await import('../../../src/server/app');
    const broken = createApp({
      storage: { ...h.storage, getAnalysis: () => Promise.reject(new Error('down')) },
    });
    const res = await broken.request('/ready');
    expect([res.status, await res.json()]).toEqual([
      503,
      { status: 'error', code: 'unavailable', message: 'Database is not reachable' },
    ]);
  });

  it('unknown query keys, __proto__ included, are a 400 on List', async () => {
    h = await harness();
    for (const q of ['__proto__=1', 'constructor=1', 'toString=x', '__proto__[limit]=1']) {
      const res = await h.call('GET', `${channelPath()}?${q}`);
      expect([q, res.status, await code(res)]).toEqual([q, 400, 'invalid_query']);
    }
  });
});

describe('preview cost limits (§5.4, items 4 and 5)', () => {
  it('takes width 200–2048 and height 150–2048 only', async () => {
    h = await harness();
    const id = await createExample(h);
    const status = async (q: string) => (await h.call('GET', `/v1/analysis/${id}/preview.svg?${q}`)).status;
    expect(
      await Promise.all(['width=199', 'width=2049', 'height=149', 'height=2049', 'width=4096'].map(status)),
    ).toEqual([400, 400, 400, 400, 400]);
    expect(await Promise.all(['width=200&height=150', 'width=2048&height=2048'].map(status))).toEqual([
      200, 200,
    ]);
  });

  it('draws horizontal lines at ±1e308 and ±Number.MAX_VALUE without a 500', async () => {
    h = await harness();
    const metadata = { ...(createBody().metadata as Record<string, unknown>), preferenceText: 'Extremes' };
    const id = await createExample(h, {
      metadata,
      drawings: [
        line('top', 1e308),
        line('bottom', -1e308),
        line('max', Number.MAX_VALUE),
        line('min', -Number.MAX_VALUE),
      ],
      levels: undefined,
    });
    const res = await h.call('GET', `/v1/analysis/${id}/preview.svg`);
    expect(res.status).toBe(200);
    const svg = await res.text();
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(h.logs).toEqual([]);
  });
});

describe('API reference at /docs', () => {
  it('serves Swagger UI under the strict HTML CSP, with no inline script or style', async () => {
    h = await harness();
    expect((await h.call('GET', '/docs', { key: null })).status).toBe(301);
    const page = await h.call('GET', '/docs/', { key: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(
      /^default-src 'self'; script-src 'self'; style-src 'self';/,
    );
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son\w+=/);
    const srcs = [...html.matchAll(/(?:src|href)="(\/docs\/[^"]+)"/g)].map((m) => m[1]!);
    expect(srcs).toEqual(['/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js', '/docs/init.js']);
    for (const src of srcs) {
      const res = await h.call('GET', src, { key: null });
      expect([src, res.status]).toEqual([src, 200]);
    }
  });
});
