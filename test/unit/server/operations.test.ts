// The six operations' success paths over HTTP (Hono app.request, :memory: database), the
// documented examples, list paging and filters, expiry against the clock, links remapping.
import { afterEach, describe, expect, it } from 'vitest';
import { toOpenApi } from '../../../src/schema/openapi';
import {
  AppendDrawingsResponse,
  CreateAnalysisResponse,
  DeleteAnalysisResponse,
  GetAnalysisResponse,
  ListAnalysesResponse,
  UpdateAnalysisResponse,
} from '../../../src/schema/responses';
import {
  CHANNEL,
  COMMUNITY,
  channelPath,
  createBody,
  createExample,
  example,
  type Harness,
  harness,
  T0,
} from './harness';

let h: Harness;
afterEach(async () => h.storage.close());

const HOUR = 3_600_000;
type Detail = { id: string; drawings: { id: string; clientObjectId: string }[]; [k: string]: unknown };
const data = async <T = Detail>(res: Response): Promise<T> => ((await res.json()) as { data: T }).data;

describe('create and get', () => {
  it('creates the documented example: 201, envelope, ETag "1", derived fields and links', async () => {
    h = await harness();
    const res = await h.call('POST', channelPath(), { body: example('create-analysis.request.json') });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    const body = CreateAnalysisResponse.parse(await res.json());
    expect(body.status).toBe('success');
    expect(body.message).toBe('Analysis created successfully');
    const d = body.data;
    expect(d.id).toMatch(/^[0-9a-f]{24}$/);
    expect([d.communityId, d.channelId, d.sender]).toEqual([COMMUNITY, CHANNEL, 'pangray2025+t5@gmail.com']);
    expect([d.analysisType, d.status, d.version]).toEqual(['bullish_bounce', 'ACTIVE', 1]);
    expect([d.createdAt, d.updatedAt, d.expiresAt]).toEqual([
      '2026-01-08T12:00:00Z',
      '2026-01-08T12:00:00Z',
      '2026-01-09T12:00:00Z',
    ]);
    expect(d.drawings.map((x) => x.clientObjectId)).toEqual(['support_zone', 'entry_line', 'target']);
    expect(Object.keys(d.levels)).toEqual(['support', 'pivot', 'resistance']);
    expect(d.links).toEqual([
      {
        field: 'preferenceText',
        key: 'support_zone',
        text: 'demand zone',
        targetType: 'DRAWING',
        targetId: d.drawings[0]!.id,
      },
      {
        field: 'preferenceText',
        key: 'entry_line',
        text: 'breakout level',
        targetType: 'DRAWING',
        targetId: d.drawings[1]!.id,
      },
      {
        field: 'preferenceText',
        key: 'target',
        text: 'resistance',
        targetType: 'DRAWING',
        targetId: d.drawings[2]!.id,
      },
    ]);
    // Every persisted id is distinct.
    const ids = [d.id, ...d.drawings.map((x) => x.id), ...Object.values(d.levels).map((l) => l!.id)];
    expect(new Set(ids).size).toBe(7);
  });

  it('round-trips the example: Get returns the same detail as Create, under / and /apis', async () => {
    h = await harness();
    const created = await h.call('POST', channelPath(), { body: createBody() });
    const detail = await data(created);
    for (const prefix of ['', '/apis']) {
      const res = await h.call('GET', `${prefix}/v1/analysis/${detail.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"1"');
      const body = GetAnalysisResponse.parse(await res.json());
      expect(body.message).toBe('Analysis retrieved successfully');
      expect(body.data).toEqual(detail);
    }
  });

  it('writes the create_analysis outbox row with the detail in the same write', async () => {
    h = await harness();
    const detail = await data(await h.call('POST', channelPath(), { body: createBody() }));
    const events = await h.storage.readOutbox(0, 10);
    expect(events).toEqual([
      {
        seq: 1,
        communityId: COMMUNITY,
        analysisId: detail.id,
        event: 'create_analysis',
        updatedFields: [],
        data: detail,
        occurredAt: T0,
      },
    ]);
  });
});

describe('update', () => {
  it('answers the documented update example with the documented shape and only what changed', async () => {
    h = await harness();
    const id = await createExample(h);
    h.setNow(T0 + 60_000);
    const res = await h.call('PATCH', `/v1/analysis/${id}`, {
      body: example('update-analysis.request.json'),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const body = UpdateAnalysisResponse.parse(await res.json());
    const documented = example('update-analysis.response.json') as {
      status: string;
      message: string;
      data: object;
    };
    expect(Object.keys(body)).toEqual(Object.keys(documented));
    expect([body.status, body.message]).toEqual([documented.status, documented.message]);
    // The documented response lists title, preferenceText, expiry; this body changes the title only.
    expect(body.data).toEqual({ analysisId: id, updatedFields: ['title'], version: 2 });
    const after = await data(await h.call('GET', `/v1/analysis/${id}`));
    expect((after.metadata as { title: string }).title).toBe('EURUSD Updated Analysis');
    expect([after.version, after.updatedAt, after.createdAt]).toEqual([
      2,
      '2026-01-08T12:01:00Z',
      '2026-01-08T12:00:00Z',
    ]);
  });

  it('reports every changed field in the fixed order and clears texts and expiry with null', async () => {
    h = await harness();
    const id = await createExample(h);
    const res = await h.call('PATCH', `/v1/analysis/${id}`, {
      body: {
        sender: 'x@example.com',
        metadata: {
          preferenceText: null,
          comments: 'new',
          expiry: null,
          title: 'GBPUSD Bullish Bounce from Support',
        },
        levels: { pivot: null },
      },
    });
    expect(await data(res)).toEqual({
      analysisId: id,
      updatedFields: ['preferenceText', 'comments', 'expiry', 'levels', 'links'],
      version: 2,
    });
    const after = await data(await h.call('GET', `/v1/analysis/${id}`));
    expect(after.metadata).not.toHaveProperty('preferenceText');
    expect(after.metadata).not.toHaveProperty('expiry');
    expect([after.expiresAt, after.links, Object.keys(after.levels as object)]).toEqual([
      null,
      [],
      ['support', 'resistance'],
    ]);
    expect(after.sender).toBe('pangray2025+t5@gmail.com');
  });

  it('replacing drawings keeps the persisted id of a clientObjectId sent again and remaps links', async () => {
    h = await harness();
    const before = await data(await h.call('POST', channelPath(), { body: createBody() }));
    const [zone, line] = (createBody().drawings as Record<string, unknown>[]).slice(0, 2);
    const res = await h.call('PATCH', `/v1/analysis/${before.id}`, {
      body: {
        sender: 'x@example.com',
        metadata: {
          preferenceText: 'Only [[entry_line:the line]] and [[pivot_main:pivot]] and [[support_zone:zone]]',
        },
        drawings: [line, { ...zone, style: { fillColor: '#112233' } }],
      },
    });
    expect((await data<{ updatedFields: string[] }>(res)).updatedFields).toEqual([
      'preferenceText',
      'drawings',
      'links',
    ]);
    const after = await data(await h.call('GET', `/v1/analysis/${before.id}`));
    const byKey = (d: Detail, k: string) => d.drawings.find((x) => x.clientObjectId === k)!.id;
    expect(byKey(after, 'entry_line')).toBe(byKey(before, 'entry_line'));
    expect(byKey(after, 'support_zone')).toBe(byKey(before, 'support_zone'));
    const pivot = (before.levels as { pivot: { id: string } }).pivot.id;
    expect(after.links).toEqual([
      {
        field: 'preferenceText',
        key: 'entry_line',
        text: 'the line',
        targetType: 'DRAWING',
        targetId: byKey(before, 'entry_line'),
      },
      { field: 'preferenceText', key: 'pivot_main', text: 'pivot', targetType: 'LEVEL', targetId: pivot },
      {
        field: 'preferenceText',
        key: 'support_zone',
        text: 'zone',
        targetType: 'DRAWING',
        targetId: byKey(before, 'support_zone'),
      },
    ]);
  });

  it('an update that changes nothing answers 200 with no fields, keeps the version and writes no event', async () => {
    h = await harness();
    const id = await createExample(h);
    const res = await h.call('PATCH', `/v1/analysis/${id}`, {
      body: { sender: 'x@example.com', metadata: { comments: 'Watch for volume confirmation' } },
    });
    expect(await data(res)).toEqual({ analysisId: id, updatedFields: [], version: 1 });
    expect((await h.storage.readOutbox(0, 10)).map((e) => e.event)).toEqual(['create_analysis']);
  });

  it('writes an update_analysis outbox event carrying the detail after the change', async () => {
    h = await harness();
    const id = await createExample(h);
    await h.call('PATCH', `/v1/analysis/${id}`, {
      body: { sender: 'x@example.com', metadata: { title: 'T2' } },
    });
    const [, event] = await h.storage.readOutbox(0, 10);
    expect(event).toMatchObject({
      seq: 2,
      analysisId: id,
      event: 'update_analysis',
      updatedFields: ['title'],
    });
    expect((event!.data as { version: number; metadata: { title: string } }).metadata.title).toBe('T2');
    expect((event!.data as { version: number }).version).toBe(2);
  });
});

describe('append and delete', () => {
  it('appends drawings after the existing ones with fresh ids, bumps the version, emits drawings', async () => {
    h = await harness();
    const id = await createExample(h);
    const drawing = {
      type: 'HORIZONTAL_LINE',
      clientObjectId: 'h_new',
      points: [{ time: '2026-01-08T10:00:00.250000Z', price: 1.36 }],
    };
    const res = await h.call('POST', `/v1/analysis/${id}/drawings`, {
      body: { sender: 'x@example.com', drawings: [drawing] },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const body = AppendDrawingsResponse.parse(await res.json());
    expect(body.message).toBe('Drawings appended successfully');
    expect(body.data).toEqual({
      analysisId: id,
      drawings: [{ id: body.data.drawings[0]!.id, clientObjectId: 'h_new' }],
      totalDrawings: 4,
      version: 2,
    });
    const after = await data(await h.call('GET', `/v1/analysis/${id}`));
    expect(after.drawings.map((d) => d.clientObjectId)).toEqual([
      'support_zone',
      'entry_line',
      'target',
      'h_new',
    ]);
    // Times are stored in the response form: fractions cut to milliseconds.
    expect(after.drawings[3]).toEqual({
      id: body.data.drawings[0]!.id,
      ...drawing,
      points: [{ time: '2026-01-08T10:00:00.250Z', price: 1.36 }],
    });
    const events = await h.storage.readOutbox(0, 10);
    expect(events.map((e) => [e.event, e.updatedFields])).toEqual([
      ['create_analysis', []],
      ['update_analysis', ['drawings']],
    ]);
  });

  it('deletes: 200 with the id, then Get, Update, Append and Delete answer 404', async () => {
    h = await harness();
    const id = await createExample(h);
    const res = await h.call('DELETE', `/v1/analysis/${id}`);
    expect(res.status).toBe(200);
    expect(DeleteAnalysisResponse.parse(await res.json())).toEqual({
      status: 'success',
      message: 'Analysis deleted successfully',
      data: { analysisId: id },
    });
    const after = [
      await h.call('GET', `/v1/analysis/${id}`),
      await h.call('PATCH', `/v1/analysis/${id}`, {
        body: { sender: 'x@example.com', metadata: { title: 'x' } },
      }),
      await h.call('POST', `/v1/analysis/${id}/drawings`, {
        body: {
          sender: 'x@example.com',
          drawings: [
            {
              type: 'HORIZONTAL_LINE',
              clientObjectId: 'a',
              points: [{ time: '2026-01-08T10:00:00Z', price: 1 }],
            },
          ],
        },
      }),
      await h.call('DELETE', `/v1/analysis/${id}`),
    ];
    expect(after.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    const events = await h.storage.readOutbox(0, 10);
    expect(events[1]).toMatchObject({ event: 'delete_analysis', analysisId: id, data: { analysisId: id } });
  });
});

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
    expect([res.status, await res.json()]).toEqual([200, { status: 'success', data: { ok: true } }]);
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
