// Append Drawings and Delete Analysis over HTTP: success paths, ids, versions, outbox events.
import { afterEach, describe, expect, it } from 'vitest';
import { AppendDrawingsResponse, DeleteAnalysisResponse } from '../../../src/schema/responses';
import { createExample, data, harness, type Harness } from './harness';

let h: Harness;
afterEach(async () => h.storage.close());

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
