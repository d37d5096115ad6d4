// What the client puts on the wire and reads back, request by request, against a recording fetch:
// the exact URL, method, headers and body each operation sends (spec §2 and §1.2's headers), and
// how each part of an answer — ETag, Idempotent-Replayed, an unreadable or empty body — comes back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../src/sync/api-client';

const ID = '6502c9e514a3e564c5c09c0f';
const DELETED = JSON.stringify({ status: 'success', message: 'Deleted', data: { analysisId: ID } });

interface Sent {
  readonly url: string;
  readonly method: string | undefined;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** A client whose fetch records each request and answers with the next of `answers`. */
function recording(answers: (() => Response)[], baseUrl = 'https://api.example') {
  const sent: Sent[] = [];
  const client = createApiClient({
    baseUrl,
    apiKey: 'key-1',
    fetch: async (url, init) => {
      sent.push({
        url,
        method: init.method,
        headers: { ...(init.headers as Record<string, string>) },
        body: init.body,
      });
      const next = answers.shift();
      if (!next) throw new Error('no answer left');
      return next();
    },
  });
  return { client, sent };
}

const ok =
  (headers: Record<string, string> = {}) =>
  () =>
    new Response(DELETED, { headers });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createApiClient requests', () => {
  it('sends each operation with its method, path, JSON body and exactly its headers', async () => {
    const { client, sent } = recording([ok(), ok(), ok(), ok()]);
    const update = { sender: { id: 'u1', name: 'Ann' }, metadata: { title: 'é' } } as never;
    await client.update(ID, update, { ifMatch: 3 }).catch(() => undefined);
    await client
      .append(ID, { sender: { id: 'u1', name: 'Ann' }, drawings: [] } as never)
      .catch(() => undefined);
    await client.delete(ID, { ifMatch: 0 });
    await client.get(ID).catch(() => undefined);
    expect(sent.map((s) => [s.method, s.url])).toEqual([
      ['PATCH', `https://api.example/v1/analysis/${ID}`],
      ['POST', `https://api.example/v1/analysis/${ID}/drawings`],
      ['DELETE', `https://api.example/v1/analysis/${ID}`],
      ['GET', `https://api.example/v1/analysis/${ID}`],
    ]);
    expect(sent[0]!.headers).toEqual({
      authorization: 'Bearer key-1',
      accept: 'application/json',
      'content-type': 'application/json',
      'if-match': '"3"',
    });
    expect(sent[0]!.body).toBe('{"sender":{"id":"u1","name":"Ann"},"metadata":{"title":"é"}}');
    // No If-Match without the option; a body always says what it is.
    expect(sent[1]!.headers).toEqual({
      authorization: 'Bearer key-1',
      accept: 'application/json',
      'content-type': 'application/json',
    });
    // Version 0 is still a version; a request without a body has no content type.
    expect(sent[2]!.headers).toEqual({
      authorization: 'Bearer key-1',
      accept: 'application/json',
      'if-match': '"0"',
    });
    expect([sent[2]!.body, sent[3]!.body]).toEqual([undefined, undefined]);
    expect(sent[3]!.headers).toEqual({ authorization: 'Bearer key-1', accept: 'application/json' });
  });

  it('sends create to the channel path with the body as JSON', async () => {
    const { client, sent } = recording([ok()]);
    await client.create('c 1', 'ch/2', { drawings: [] } as never).catch(() => undefined);
    expect(sent.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', 'https://api.example/v1/analysis/c%201/channels/ch%2F2', '{"drawings":[]}'],
    ]);
  });

  it('encodes every path segment, so an id cannot reach another route', async () => {
    const { client, sent } = recording([ok(), ok(), ok()]);
    await client.get('../channels?x=1#y').catch(() => undefined);
    await client.append('a/b', {} as never).catch(() => undefined);
    await client.list('c?1', 'ch#2').catch(() => undefined);
    expect(sent.map((s) => s.url)).toEqual([
      'https://api.example/v1/analysis/..%2Fchannels%3Fx%3D1%23y',
      'https://api.example/v1/analysis/a%2Fb/drawings',
      'https://api.example/v1/analysis/c%3F1/channels/ch%232',
    ]);
  });

  it.each([
    ['https://api.example///', 'https://api.example/v1/analysis/'],
    ['https://api.example/apis/', 'https://api.example/apis/v1/analysis/'],
    ['', '/v1/analysis/'],
  ])('joins base URL %j without doubled slashes', async (base, prefix) => {
    const { client, sent } = recording([ok()], base);
    await client.get(ID).catch(() => undefined);
    expect(sent[0]!.url).toBe(`${prefix}${ID}`);
  });

  it('puts every given list filter in the query, in order, and leaves out the rest', async () => {
    const { client, sent } = recording([ok(), ok(), ok()]);
    await client.list('c1', 'ch1').catch(() => undefined);
    await client
      .list('c1', 'ch1', { page: 2, limit: 10, direction: 'BEARISH', status: 'EXPIRED', sender: 'u 1' })
      .catch(() => undefined);
    await client.list('c1', 'ch1', { page: undefined, symbol: 'BTC/USD' } as never).catch(() => undefined);
    expect(sent.map((s) => [s.method, s.url])).toEqual([
      ['GET', 'https://api.example/v1/analysis/c1/channels/ch1'],
      [
        'GET',
        'https://api.example/v1/analysis/c1/channels/ch1?page=2&limit=10&direction=BEARISH&status=EXPIRED&sender=u+1',
      ],
      ['GET', 'https://api.example/v1/analysis/c1/channels/ch1?symbol=BTC%2FUSD'],
    ]);
  });

  it('uses the global fetch when none is given', async () => {
    const fetch = vi.fn(async () => new Response(DELETED));
    vi.stubGlobal('fetch', fetch);
    const client = createApiClient({ baseUrl: 'https://g.example', apiKey: 'k' });
    await client.delete(ID);
    expect(fetch.mock.calls.map((c) => (c as unknown[])[0])).toEqual([`https://g.example/v1/analysis/${ID}`]);
  });
});

describe('createApiClient answers', () => {
  it.each([
    ['"7"', 7],
    ['W/"12"', 12],
    ['  "5"  ', 5],
    ['"0"', 0],
    ['"7', undefined],
    ['7', undefined],
    ['"abc"', undefined],
    ['x"7"', undefined],
    ['"7"x', undefined],
    ['"-1"', undefined],
  ])('reads the version of ETag %j as %j', async (etag, version) => {
    const { client } = recording([ok({ etag })]);
    expect((await client.delete(ID)).version).toBe(version);
  });

  it('has no version without an ETag', async () => {
    const { client } = recording([ok()]);
    expect((await client.delete(ID)).version).toBeUndefined();
  });

  it.each([
    ['true', true],
    ['false', false],
    ['TRUE', false],
    ['1', false],
  ])('takes Idempotent-Replayed %j as %j', async (value, replayed) => {
    const { client } = recording([ok({ 'idempotent-replayed': value })]);
    expect((await client.delete(ID)).replayed).toBe(replayed);
  });

  it('returns the envelope data, no replay and 0 request bytes for a request without a body', async () => {
    const { client } = recording([ok()]);
    const deleted = await client.delete(ID);
    expect([deleted.data, deleted.replayed, deleted.requestBytes]).toEqual([{ analysisId: ID }, false, 0]);
  });

  it('counts the bytes of the body it sent as UTF-8, not as UTF-16 code units', async () => {
    const appended = JSON.stringify({
      status: 'success',
      message: 'Appended',
      data: { analysisId: ID, drawings: [], totalDrawings: 3, version: 4 },
    });
    const { client } = recording([() => new Response(appended)]);
    const body = { sender: { id: 'u', name: 'Zoë 📈' }, drawings: [] } as never;
    const result = await client.append(ID, body);
    // 'ë' is 2 bytes for 1 code unit, '📈' 4 bytes for 2: 3 bytes more than the string's length.
    expect(result.requestBytes).toBe(JSON.stringify(body).length + 3);
    expect([result.data.totalDrawings, result.data.version]).toEqual([3, 4]);
  });

  it('names a 200 that is not JSON at the root of the response', async () => {
    const { client } = recording([() => new Response('<html>hello</html>')]);
    const err = await client.delete(ID).catch((e) => e);
    expect([err.status, err.code]).toEqual([200, 'invalid_response']);
    expect(err.message).toMatch(new RegExp(`^DELETE /${ID}: response \\(root\\): `));
  });

  it('reads an empty or unreadable error body as no envelope', async () => {
    const broken = new Response('{}', { status: 502 });
    Object.defineProperty(broken, 'text', { value: () => Promise.reject(new Error('reset')) });
    const { client } = recording([() => new Response('', { status: 500 }), () => broken]);
    const e500 = await client.get(ID).catch((e) => e);
    expect([e500.status, e500.code, e500.message, e500.issues]).toEqual([
      500,
      'http_500',
      `GET /${ID}: HTTP 500`,
      [],
    ]);
    const e502 = await client.get(ID).catch((e) => e);
    expect([e502.status, e502.code, e502.message]).toEqual([502, 'http_502', `GET /${ID}: HTTP 502`]);
  });

  it('keeps Retry-After of an answer that is no envelope (a proxy’s 503 page)', async () => {
    const { client } = recording([
      () => new Response('<html>maintenance</html>', { status: 503, headers: { 'retry-after': '5' } }),
    ]);
    const err = await client.get(ID).catch((e) => e);
    expect([err.status, err.code, err.retryAfter]).toEqual([503, 'http_503', 5]);
  });

  it('carries an error envelope whole: code, message, issues, data and Retry-After', async () => {
    const envelope = {
      status: 'error',
      message: 'drawings[0].points: LINE needs exactly 2 points',
      code: 'validation_failed',
      errors: [
        { path: ['drawings', 0, 'points'], code: 'too_small', message: 'LINE needs exactly 2 points' },
      ],
      data: { hint: 1 },
    };
    const { client } = recording([
      () => new Response(JSON.stringify(envelope), { status: 400, headers: { 'retry-after': '3' } }),
    ]);
    const err = await client.delete(ID).catch((e) => e);
    expect([err.status, err.code, err.message, err.issues, err.data, err.retryAfter]).toEqual([
      400,
      'validation_failed',
      envelope.message,
      envelope.errors,
      { hint: 1 },
      3,
    ]);
  });

  it('names a network failure that is not an Error by its value', async () => {
    const client = createApiClient({
      baseUrl: 'https://x',
      apiKey: 'k',
      fetch: () => Promise.reject('offline'),
    });
    const err = await client.delete(ID).catch((e) => e);
    expect([err.status, err.code, err.message]).toEqual([
      0,
      'network_error',
      `DELETE /${ID}: network failure (offline)`,
    ]);
  });
});
