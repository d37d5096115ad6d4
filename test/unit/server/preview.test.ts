import { beforeAll, describe, expect, it } from 'vitest';
import { findAll, parseXml, textOf } from '../svg/xml';
import { createExample, type Harness, harness, T0 } from './harness';

let h: Harness;
let id: string;
const path = (q = '') => `/v1/analysis/${id}/preview.svg${q}`;
const issues = async (res: Response) =>
  ((await res.json()) as { code: string; errors: { path: unknown[]; code: string }[] }).errors.map((e) => [
    e.path,
    e.code,
  ]);

beforeAll(async () => {
  h = await harness();
  id = await createExample(h);
});

describe('GET /v1/analysis/{id}/preview.svg', () => {
  it('answers the analysis as SVG with safe headers and the ETag', async () => {
    const res = await h.call('GET', path());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('etag')).toMatch(/^"1-[\w-]{16}"$/);
    expect(res.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate');
    const root = parseXml(await res.text());
    expect([root.attrs.width, root.attrs.height]).toEqual(['800', '450']);
    expect(textOf(findAll(root, 'title')[0]!)).toBe('GBPUSD Bullish Bounce from Support');
    expect(findAll(root, 'g', { class: 'cm-drawing' }).map((g) => g.attrs['data-kind'])).toEqual([
      'RECTANGLE',
      'LINE',
      'HORIZONTAL_LINE',
    ]);
    expect(findAll(root, 'g', { class: 'cm-level' })).toHaveLength(3);
    expect(findAll(findAll(root, 'g', { class: 'cm-candles' })[0]!, 'rect')).toHaveLength(0);
    expect(textOf(findAll(root, 'text', { class: 'cm-status' })[0]!)).toBe('ACTIVE');
    // The long description: the documented example's levels and drawings in words (issue 17 item 9).
    expect(textOf(findAll(root, 'desc')[0]!)).toBe(
      'Support at 1.34100. Pivot at 1.34500. Resistance at 1.35000. ' +
        'Rectangle from 1.33800 on 8 Jan 00:00 to 1.34700 on 9 Jan 00:00. ' +
        'Line from 1.34850 on 8 Jan 00:00 to 1.35050 on 9 Jan 00:00. Horizontal line at 1.35500',
    );
  });

  it('takes width, height, theme and candles from the query, also under /apis', async () => {
    const t = Date.UTC(2026, 0, 8, 10) / 1000;
    const bars = [
      [t, 1.342, 1.344, 1.341, 1.343],
      [t + 3600, 1.343, 1.346, 1.342, 1.345],
      [t + 7200, 1.345, 1.345, 1.34, 1.341],
    ];
    const q = `?width=400&height=300&theme=dark&candles=${encodeURIComponent(JSON.stringify(bars))}`;
    const res = await h.call('GET', `/apis${path(q)}`);
    expect(res.status).toBe(200);
    const root = parseXml(await res.text());
    expect([root.attrs.width, root.attrs.height]).toEqual(['400', '300']);
    expect(findAll(root, 'rect', { class: 'cm-background' })[0]!.attrs.fill).toBe('#131722');
    expect(findAll(findAll(root, 'g', { class: 'cm-candles' })[0]!, 'line')).toHaveLength(3);
  });

  it('says EXPIRED once the server clock passes expiresAt', async () => {
    h.setNow(T0 + 48 * 3600_000);
    const root = parseXml(await (await h.call('GET', path())).text());
    h.setNow(T0);
    expect(textOf(findAll(root, 'text', { class: 'cm-status' })[0]!)).toBe('EXPIRED');
  });

  it('is authorised like Get: 401 without a key, 200 for a read-only key, the same 404 for another community', async () => {
    expect((await h.call('GET', path(), { key: null })).status).toBe(401);
    expect((await h.call('GET', path(), { key: h.keys.reader })).status).toBe(200);
    const other = await h.call('GET', path(), { key: h.keys.otherCommunity });
    const missing = await h.call('GET', '/v1/analysis/6502c9e514a3e564c5c0ffff/preview.svg');
    expect([other.status, missing.status]).toEqual([404, 404]);
    expect(await other.text()).toBe(await missing.text());
    expect((await h.call('GET', '/v1/analysis/nope/preview.svg')).status).toBe(400);
  });

  it('rejects a bad query with 400 invalid_query and one issue per key', async () => {
    const res = await h.call('GET', path('?width=abc&height=9&theme=blue&foo=1'));
    expect(res.status).toBe(400);
    expect(await issues(res)).toEqual([
      [['foo'], 'unrecognized_keys'],
      [['width'], 'invalid_type'],
      [['height'], 'invalid_type'],
      [['theme'], 'invalid_value'],
    ]);
  });

  it('rejects candles that are not increasing bars', async () => {
    const bad = encodeURIComponent(
      JSON.stringify([
        [10, 1, 2, 0.5, 1.5],
        [5, 1, 2, 0.5, 1.5],
      ]),
    );
    expect(await issues(await h.call('GET', path(`?candles=${bad}`)))).toEqual([
      [['candles', 1, 0], 'invalid_type'],
    ]);
    const shape = encodeURIComponent(JSON.stringify([[10, 1, 2, 0.5]]));
    expect(await issues(await h.call('GET', path(`?candles=${shape}`)))).toEqual([
      [['candles', 0], 'invalid_type'],
    ]);
    expect(await issues(await h.call('GET', path('?candles=[[1,')))).toEqual([[['candles'], 'invalid_type']]);
  });
});
