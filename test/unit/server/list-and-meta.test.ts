// List Analyses over HTTP: paging, filters, newest first, status against the clock; plus the
// unauthenticated /health and /openapi.json.
import { afterEach, describe, expect, it } from 'vitest';
import { toOpenApi } from '../../../src/schema/openapi';
import { ListAnalysesResponse } from '../../../src/schema/responses';
import {
  CHANNEL,
  channelPath,
  COMMUNITY,
  createBody,
  createExample,
  data,
  type Harness,
  harness,
  T0,
} from './harness';

let h: Harness;
afterEach(async () => h.storage.close());

const HOUR = 3_600_000;

describe('list', () => {
  async function seed(): Promise<string[]> {
    const ids: string[] = [];
    const variants = [
      {
        symbol: 'GBP/USD',
        direction: 'BULLISH',
        sender: 'a@example.com',
        expiry: { type: 'HOURS', hours: 1 },
      },
      { symbol: 'EUR/USD', direction: 'BEARISH', sender: 'b@example.com', expiry: undefined },
      {
        symbol: 'GBP/USD',
        direction: 'BEARISH',
        sender: 'a@example.com',
        expiry: { type: 'HOURS', hours: 5 },
      },
    ];
    for (let i = 0; i < 5; i++) {
      h.setNow(T0 + i * 1000);
      const v = variants[i % 3]!;
      const base = createBody();
      const metadata = {
        ...(base.metadata as object),
        symbol: v.symbol,
        direction: v.direction,
        title: `n${i}`,
      } as Record<string, unknown>;
      if (v.expiry) metadata.expiry = v.expiry;
      else delete metadata.expiry;
      ids.push(await createExample(h, { sender: v.sender, metadata }));
    }
    return ids;
  }

  it('pages newest first with total, page and limit', async () => {
    h = await harness();
    const ids = await seed();
    const page = async (q: string) =>
      ListAnalysesResponse.parse(await (await h.call('GET', `${channelPath()}${q}`)).json()).data;
    const first = await page('?limit=2');
    expect([first.total, first.page, first.limit]).toEqual([5, 1, 2]);
    expect(first.analyses.map((a) => a.id)).toEqual([ids[4], ids[3]]);
    expect((await page('?limit=2&page=3')).analyses.map((a) => a.id)).toEqual([ids[0]]);
    expect((await page('?limit=2&page=4')).analyses).toEqual([]);
    const all = await page('');
    expect([all.limit, all.analyses.length]).toEqual([20, 5]);
    expect(all.analyses[0]).toEqual({
      id: ids[4],
      communityId: COMMUNITY,
      channelId: CHANNEL,
      sender: 'b@example.com',
      analysisType: 'bearish_breakout',
      status: 'ACTIVE',
      title: 'n4',
      symbol: 'EUR/USD',
      timeframe: 'H1',
      direction: 'BEARISH',
      entryPlacement: 'BELOW_CURRENT',
      drawingCount: 3,
      expiresAt: null,
      createdAt: '2026-01-08T12:00:04Z',
      updatedAt: '2026-01-08T12:00:04Z',
      version: 1,
    });
  });

  it('filters by symbol, direction, sender and status, and the status follows the clock', async () => {
    h = await harness();
    const ids = await seed();
    const list = async (q: string) =>
      await data<{ total: number; analyses: { id: string; status: string }[] }>(
        await h.call('GET', `${channelPath()}?${q}`),
      );
    expect((await list('symbol=GBP/USD')).analyses.map((a) => a.id)).toEqual([ids[3], ids[2], ids[0]]);
    expect((await list('direction=BEARISH&sender=a@example.com')).analyses.map((a) => a.id)).toEqual([
      ids[2],
    ]);
    expect((await list('status=EXPIRED')).total).toBe(0);
    // ids[0] and ids[3] expire one hour after their creation (T0 and T0 + 3 s).
    h.setNow(T0 + HOUR + 3000);
    expect((await list('status=EXPIRED')).analyses.map((a) => a.id)).toEqual([ids[3], ids[0]]);
    expect((await list('status=ACTIVE')).analyses.map((a) => a.id)).toEqual([ids[4], ids[2], ids[1]]);
    h.setNow(T0 + HOUR + 2999);
    expect((await list('status=EXPIRED')).analyses.map((a) => a.id)).toEqual([ids[0]]);
    const one = await data(await h.call('GET', `/v1/analysis/${ids[3]}`));
    expect([one.status, one.expiresAt]).toEqual(['ACTIVE', '2026-01-08T13:00:03Z']);
    h.setNow(T0 + HOUR + 3000);
    expect((await data(await h.call('GET', `/v1/analysis/${ids[3]}`))).status).toBe('EXPIRED');
  });

  it('HOURS expiry keeps counting from createdAt after a later change', async () => {
    h = await harness();
    const id = await createExample(h);
    h.setNow(T0 + 10 * HOUR);
    await h.call('PATCH', `/v1/analysis/${id}`, {
      body: { sender: 'x@example.com', metadata: { expiry: { type: 'HOURS', hours: 2 } } },
    });
    const d = await data(await h.call('GET', `/v1/analysis/${id}`));
    expect([d.expiresAt, d.status]).toEqual(['2026-01-08T14:00:00Z', 'EXPIRED']);
  });

  it('lists only the analyses of the path channel', async () => {
    h = await harness();
    await createExample(h);
    const res = await h.call('GET', channelPath(COMMUNITY, '6502c9e514a3e564c5c09c0c'));
    expect((await data<{ total: number }>(res)).total).toBe(0);
  });
});

describe('health and OpenAPI', () => {
  it('answers /health without a key', async () => {
    h = await harness();
    const res = await h.call('GET', '/health', { key: null });
    expect([res.status, await res.json()]).toEqual([
      200,
      { status: 'success', message: 'Server is up', data: { ok: true } },
    ]);
  });

  it('serves the OpenAPI document of the schemas without a key', async () => {
    h = await harness();
    const res = await h.call('GET', '/openapi.json', { key: null });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    expect(doc).toEqual(JSON.parse(JSON.stringify(toOpenApi())));
    const ops = Object.values(doc.paths).flatMap((p) =>
      Object.values(p)
        .map((o) => o.operationId)
        .filter(Boolean),
    );
    expect(ops).toEqual(expect.arrayContaining(['createAnalysis', 'listAnalyses']));
  });
});
