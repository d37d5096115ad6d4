// The success paths of Create, Get and Update over HTTP (Hono app.request, :memory: database):
// the documented examples, ETags and versions, outbox events, links remapping.
import { afterEach, describe, expect, it } from 'vitest';
import {
  CreateAnalysisResponse,
  GetAnalysisResponse,
  UpdateAnalysisResponse,
} from '../../../src/schema/responses';
import {
  CHANNEL,
  channelPath,
  COMMUNITY,
  createBody,
  createExample,
  data,
  type Detail,
  example,
  type Harness,
  harness,
  T0,
} from './harness';

let h: Harness;
afterEach(async () => h.storage.close());

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
