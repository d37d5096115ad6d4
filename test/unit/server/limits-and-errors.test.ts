// Limits applied before parsing (413, 415, 400 invalid_json), path and query errors, the 404
// envelope for unknown routes, 500 without a stack, and the per-key write rate limit.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import type { Storage } from '../../../src/server/storage/storage';
import { channelPath, createBody, createExample, type Harness, harness, T0 } from './harness';

let h: Harness;
afterEach(async () => h.storage.close());

const MIB = 1024 * 1024;
const errorOf = async (res: Response) =>
  (await res.json()) as { status: string; code: string; message: string; errors?: unknown[] };

/** A body stream of `chunks` × 64 KiB that counts how many chunks were pulled. */
function countingStream(chunks: number): {
  stream: ReadableStream<Uint8Array>;
  pulled: () => number;
  cancelled: () => boolean;
} {
  let pulled = 0;
  let cancelled = false;
  const chunk = new TextEncoder().encode(`${'x'.repeat(64 * 1024 - 1)} `);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled === chunks) return controller.close();
        pulled++;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

function post(body: BodyInit, headers: Record<string, string>): Request {
  return new Request(`http://x${channelPath()}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.keys.writer}`, 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('body limits', () => {
  it('413 from Content-Length alone, without reading the body', async () => {
    h = await harness();
    const s = countingStream(100);
    const res = await h.app.request(post(s.stream, { 'content-length': String(100 * 64 * 1024) }));
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toEqual({
      status: 'error',
      message: `Request body exceeds ${MIB} bytes`,
      code: 'payload_too_large',
    });
    expect(s.pulled()).toBe(0);
  });

  it('413 while streaming a body without Content-Length: stops just past 1 MiB and cancels the rest', async () => {
    h = await harness();
    const s = countingStream(100);
    const res = await h.app.request(post(s.stream, {}));
    expect(res.status).toBe(413);
    // 16 chunks are exactly 1 MiB; the 17th crosses the limit and reading stops there.
    expect(s.pulled()).toBe(17);
    expect(s.cancelled()).toBe(true);
  });

  it('accepts a body of exactly 1 MiB (then judges it as JSON)', async () => {
    h = await harness();
    const text = JSON.stringify({ ...createBody(), pad: 'x' });
    const padded = text.slice(0, -1) + ' '.repeat(MIB - Buffer.byteLength(text)) + '}';
    expect(Buffer.byteLength(padded)).toBe(MIB);
    const res = await h.call('POST', channelPath(), { raw: padded });
    expect([res.status, (await errorOf(res)).code]).toEqual([400, 'validation_failed']);
  });

  it('415 for a body that is not application/json; a charset parameter is fine', async () => {
    h = await harness();
    const raw = JSON.stringify(createBody());
    const plain = await h.call('POST', channelPath(), { raw, headers: { 'content-type': 'text/plain' } });
    expect([plain.status, (await errorOf(plain)).code]).toEqual([415, 'unsupported_media_type']);
    const form = await h.call('PATCH', '/v1/analysis/aaaaaaaaaaaaaaaaaaaaaaaa', {
      raw,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const missing = await h.app.request(channelPath(), {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.writer}` },
      body: raw,
    });
    // Without a type header fetch labels a string body text/plain.
    expect(missing.status).toBe(415);
    const charset = await h.call('POST', channelPath(), {
      raw,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(charset.status).toBe(201);
  });

  it('400 invalid_json for malformed JSON, an empty body and invalid UTF-8', async () => {
    h = await harness();
    for (const raw of ['{"sender": ', '', '{"a":1}{']) {
      const res = await h.call('POST', channelPath(), { raw });
      expect([res.status, (await errorOf(res)).code]).toEqual([400, 'invalid_json']);
    }
    const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]);
    const res = await h.app.request(post(bytes, {}));
    expect([res.status, (await errorOf(res)).message]).toEqual([400, 'Request body is not valid UTF-8']);
  });
});

describe('hostile shapes', () => {
  it('deeply nested JSON just under 1 MiB answers 400, never 500', async () => {
    h = await harness();
    const deep = (open: string, close: string, n: number, inner = '') =>
      open.repeat(n) + inner + close.repeat(n);
    const cases: [string, string][] = [
      // Refused by the structure limits (spec §5.4) before any parse.
      [deep('[', ']', 500_000), 'body_too_complex'],
      [`{"sender":${deep('[', ']', 400_000)}}`, 'body_too_complex'],
      [`{"metadata":${deep('{"a":', '}', 100_000, '1')}}`, 'body_too_complex'],
    ];
    for (const [raw, code] of cases) {
      const res = await h.call('POST', channelPath(), { raw });
      expect([res.status, (await errorOf(res)).code]).toEqual([400, code]);
    }
    expect(h.logs).toEqual([]);
  });
});

describe('paths, queries and routes', () => {
  it('400 invalid_id for a malformed id in any path', async () => {
    h = await harness();
    const cases: [string, string][] = [
      ['GET', '/v1/analysis/not-an-id'],
      ['GET', '/v1/analysis/6502C9E514A3E564C5C09C0A'],
      ['DELETE', '/v1/analysis/6502c9e514a3e564c5c09c0'],
      ['GET', '/v1/analysis/6502c9e514a3e564c5c09c0a/channels/zz'],
      ['POST', '/apis/v1/analysis/xyz/drawings'],
    ];
    for (const [method, path] of cases) {
      const res = await h.call(method, path, method === 'POST' ? { body: {} } : {});
      expect([path, res.status, (await errorOf(res)).code]).toEqual([path, 400, 'invalid_id']);
    }
  });

  it('400 invalid_query for unknown keys, repeated keys and bad values, with the issue paths', async () => {
    h = await harness();
    const cases: [string, unknown[]][] = [
      ['?sort=asc', [[]]],
      ['?page=2&page=3', [['page']]],
      ['?limit=0', [['limit']]],
      ['?limit=101', [['limit']]],
      ['?page=x', [['page']]],
      ['?status=GONE', [['status']]],
    ];
    for (const [q, paths] of cases) {
      const res = await h.call('GET', `${channelPath()}${q}`);
      const body = (await errorOf(res)) as { code: string; errors: { path: unknown[] }[] };
      expect([q, res.status, body.code, body.errors.map((e) => e.path)]).toEqual([
        q,
        400,
        'invalid_query',
        paths,
      ]);
    }
  });

  it('unknown routes answer 404 in the envelope', async () => {
    h = await harness();
    for (const [method, path] of [
      ['GET', '/nope'],
      ['PUT', '/v1/analysis/6502c9e514a3e564c5c09c0a/nope'],
      ['GET', '/apis/nope'],
    ]) {
      const res = await h.call(method!, path!);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await res.json()).toEqual({ status: 'error', message: 'Route not found', code: 'not_found' });
    }
  });
});

describe('unexpected errors', () => {
  it('500 internal_error without a stack in the body; the stack goes to the log', async () => {
    h = await harness();
    const failing: Storage = {
      ...h.storage,
      getAnalysis: () => Promise.reject(new Error('disk on fire')),
    };
    const logs: string[] = [];
    const app = createApp({ storage: failing, now: () => T0, logger: (l) => logs.push(l) });
    const res = await app.request('/v1/analysis/6502c9e514a3e564c5c09c0a', {
      headers: { authorization: `Bearer ${h.keys.writer}` },
    });
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ status: 'error', message: 'Internal error', code: 'internal_error' });
    expect(text).not.toMatch(/disk on fire|at .*\.ts/);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^internal_error GET \/v1\/analysis\/6502c9e514a3e564c5c09c0a: Error: disk on fire\n\s+at /,
    );
  });
});

describe('write rate limit', () => {
  it('429 rate_limited with Retry-After once the bucket is empty; reads are not limited; tokens refill', async () => {
    h = await harness({ rateLimit: { capacity: 3, refillPerSecond: 0.5 } });
    const id = await createExample(h);
    const patch = () =>
      h.call('PATCH', `/v1/analysis/${id}`, {
        body: { sender: 'x@example.com', metadata: { title: String(Math.random()) } },
      });
    expect([(await patch()).status, (await patch()).status]).toEqual([200, 200]);
    const limited = await patch();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await errorOf(limited)).code).toBe('rate_limited');
    expect((await h.call('GET', `/v1/analysis/${id}`)).status).toBe(200);
    // Another key has its own bucket.
    const other = await h.call('PATCH', `/v1/analysis/${id}`, {
      key: h.keys.otherChannel,
      body: { sender: 'x@example.com', metadata: { title: 'o' } },
    });
    expect(other.status).toBe(403);
    h.setNow(T0 + 2000);
    expect((await patch()).status).toBe(200);
    expect((await patch()).status).toBe(429);
  });
});
