// CORS per spec §5.2: exact configured origins; preflight 204 with the allowed methods, headers
// and max-age; every answer to a listed origin carries Allow-Origin, Vary and Expose-Headers;
// an unlisted origin gets no CORS header at all.
import { afterEach, describe, expect, it } from 'vitest';
import { parseCorsOrigins } from '../../../src/server/cors';
import { channelPath, createExample, type Harness, harness } from './harness';

const PAGE = 'https://community.example';
let h: Harness;
afterEach(async () => h?.storage.close());

const corsHeaders = (res: Response) =>
  Object.fromEntries(
    [...res.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'),
  );

describe('CORS', () => {
  it('answers a preflight from a listed origin with 204 and the spec headers, without a key', async () => {
    h = await harness({ corsOrigins: [PAGE, 'http://127.0.0.1:5221'] });
    const res = await h.call('OPTIONS', channelPath(), {
      key: null,
      headers: {
        origin: PAGE,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'if-match',
      },
    });
    expect(res.status).toBe(204);
    expect(corsHeaders(res)).toEqual({
      'access-control-allow-origin': PAGE,
      'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
      'access-control-allow-headers': 'Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });

  it('every answer to a listed origin carries Allow-Origin, Vary and Expose-Headers (errors too)', async () => {
    h = await harness({ corsOrigins: [PAGE] });
    const id = await createExample(h);
    for (const [path, key, status] of [
      [`/v1/analysis/${id}`, undefined, 200],
      [`/v1/analysis/${id}`, null, 401],
      ['/nope', undefined, 404],
    ] as const) {
      const res = await h.call('GET', path, { key, headers: { origin: PAGE } });
      expect(res.status).toBe(status);
      expect(corsHeaders(res)).toEqual({
        'access-control-allow-origin': PAGE,
        'access-control-expose-headers':
          'ETag, Idempotent-Replayed, Retry-After, RateLimit, RateLimit-Policy',
        vary: 'Origin',
      });
    }
  });

  it('an unlisted origin, or no configuration, gets no CORS header (the browser blocks it)', async () => {
    h = await harness({ corsOrigins: [PAGE] });
    const other = await h.call('GET', channelPath(), { headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(corsHeaders(other)).toEqual({ vary: 'Origin' });
    const preflight = await h.call('OPTIONS', channelPath(), {
      key: null,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    await h.storage.close();
    h = await harness({ corsOrigins: [] });
    const none = await h.call('GET', channelPath(), { headers: { origin: PAGE } });
    expect(corsHeaders(none)).toEqual({});
  });

  it('reads exact origins from the comma list and refuses anything else', () => {
    expect(parseCorsOrigins(undefined)).toEqual([]);
    expect(parseCorsOrigins(' https://a.example , http://127.0.0.1:5221 ')).toEqual([
      'https://a.example',
      'http://127.0.0.1:5221',
    ]);
    for (const bad of ['https://a.example/', 'https://a.example/path', '*', 'a.example'])
      expect(() => parseCorsOrigins(bad)).toThrow(`CHARTMARK_CORS_ORIGINS: "${bad}" is not an exact origin`);
  });
});
