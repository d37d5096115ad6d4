// Rules that depend on the stored analysis: references after a PATCH, level order after the
// per-level merge, immutable fields, duplicate clientObjectIds on append, the drawing limit.
// Every refusal leaves the database byte-identical.
import { afterEach, describe, expect, it } from 'vitest';
import { createBody, createExample, type Harness, harness } from './harness';

let h: Harness;
afterEach(async () => h.storage.close());

const SENDER = 'x@example.com';
const hline = (id: string, price = 1.2) => ({
  type: 'HORIZONTAL_LINE',
  clientObjectId: id,
  points: [{ time: '2026-01-08T10:00:00Z', price }],
});
const level = (clientObjectId: string, price: number) => ({
  clientObjectId,
  price,
  time: '2026-01-08T10:00:00Z',
});

/** Sends and expects a refusal that writes nothing; returns the error body. */
async function refused(method: string, path: string, body: unknown, status: number) {
  const before = h.dump();
  const res = await h.call(method, path, { body });
  const json = (await res.json()) as {
    code: string;
    message: string;
    errors?: { path: unknown[]; code: string; message: string }[];
  };
  expect(res.status).toBe(status);
  expect(h.dump()).toBe(before);
  return json;
}

describe('update rules on the stored state', () => {
  it('unknown_reference when replacing drawings drops a referenced one', async () => {
    h = await harness();
    const id = await createExample(h);
    const body = await refused(
      'PATCH',
      `/v1/analysis/${id}`,
      { sender: SENDER, drawings: [hline('only')] },
      400,
    );
    expect(body.code).toBe('unknown_reference');
    // preferenceText references support_zone, entry_line and target; all three are gone.
    expect(body.errors).toEqual(
      ['support_zone', 'entry_line', 'target'].map((key) => ({
        path: ['metadata', 'preferenceText'],
        code: 'unknown_reference',
        message: `metadata.preferenceText: [[${key}:…]] names no drawing or level of this analysis`,
      })),
    );
  });

  it('unknown_reference when removing a referenced level, and for a new text naming nothing', async () => {
    h = await harness();
    const id = await createExample(h);
    await h.call('PATCH', `/v1/analysis/${id}`, {
      body: { sender: SENDER, metadata: { comments: 'At [[pivot_main:the pivot]]' } },
    });
    const removal = await refused(
      'PATCH',
      `/v1/analysis/${id}`,
      { sender: SENDER, levels: { pivot: null } },
      400,
    );
    expect([removal.code, removal.errors?.map((e) => e.path)]).toEqual([
      'unknown_reference',
      [['metadata', 'comments']],
    ]);
    const text = await refused(
      'PATCH',
      `/v1/analysis/${id}`,
      { sender: SENDER, metadata: { alternativeText: '[[ghost:x]]' } },
      400,
    );
    expect(text.errors?.map((e) => e.path)).toEqual([['metadata', 'alternativeText']]);
  });

  it('level_order after the per-level merge, at the later level', async () => {
    h = await harness();
    const id = await createExample(h);
    // Stored: support 1.341 < pivot 1.345 < resistance 1.35. A pivot of 1.36 alone passes the body check.
    const body = await refused(
      'PATCH',
      `/v1/analysis/${id}`,
      { sender: SENDER, levels: { pivot: level('pivot_main', 1.36) } },
      400,
    );
    expect(body.code).toBe('level_order');
    expect(body.errors).toEqual([
      {
        path: ['levels', 'resistance', 'price'],
        code: 'level_order',
        message: 'levels.resistance.price: must be above pivot (1.36)',
      },
    ]);
    const low = await refused(
      'PATCH',
      `/v1/analysis/${id}`,
      { sender: SENDER, levels: { support: level('sup_1', 1.345) } },
      400,
    );
    expect(low.errors?.map((e) => e.path)).toEqual([['levels', 'pivot', 'price']]);
    const ok = await h.call('PATCH', `/v1/analysis/${id}`, {
      body: { sender: SENDER, levels: { pivot: null, support: level('sup_1', 1.349) } },
    });
    expect(ok.status).toBe(200);
  });

  it('immutable_field for direction, entryPlacement, symbol and timeframe', async () => {
    h = await harness();
    const id = await createExample(h);
    for (const [field, value] of [
      ['direction', 'BULLISH'],
      ['entryPlacement', 'ABOVE_CURRENT'],
      ['symbol', 'EUR/USD'],
      ['timeframe', 'D1'],
    ]) {
      const body = await refused(
        'PATCH',
        `/v1/analysis/${id}`,
        { sender: SENDER, metadata: { [field!]: value } },
        400,
      );
      expect([body.code, body.errors?.map((e) => [e.path, e.code])]).toEqual([
        'immutable_field',
        [[['metadata', field], 'immutable_field']],
      ]);
    }
  });

  it('empty_update for a body with only the sender', async () => {
    h = await harness();
    const id = await createExample(h);
    expect((await refused('PATCH', `/v1/analysis/${id}`, { sender: SENDER }, 400)).code).toBe('empty_update');
  });

  it('409 when a replacing drawing takes the clientObjectId of a level the update keeps', async () => {
    h = await harness();
    const id = await createExample(h);
    const body = await refused(
      'PATCH',
      `/v1/analysis/${id}`,
      { sender: SENDER, metadata: { preferenceText: 'none' }, drawings: [hline('a'), hline('sup_1')] },
      409,
    );
    expect([body.code, body.errors?.map((e) => e.path)]).toEqual([
      'duplicate_client_object_id',
      [['drawings', 1, 'clientObjectId']],
    ]);
  });

  it('409 when a level sent in the update takes the clientObjectId of a kept level or drawing', async () => {
    h = await harness();
    const id = await createExample(h);
    const vsLevel = await refused(
      'PATCH',
      `/v1/analysis/${id}`,
      { sender: SENDER, levels: { support: level('pivot_main', 1.3) } },
      409,
    );
    expect(vsLevel.errors?.map((e) => e.path)).toEqual([['levels', 'support', 'clientObjectId']]);
    const vsDrawing = await refused(
      'PATCH',
      `/v1/analysis/${id}`,
      { sender: SENDER, levels: { resistance: level('target', 1.4) } },
      409,
    );
    expect(vsDrawing.errors?.map((e) => e.path)).toEqual([['levels', 'resistance', 'clientObjectId']]);
  });

  it('reports a dangling reference once per key and field', async () => {
    h = await harness();
    const id = await createExample(h);
    const body = await refused(
      'PATCH',
      `/v1/analysis/${id}`,
      { sender: SENDER, metadata: { comments: '[[ghost:a]] [[ghost:b]] [[gone:c]]' } },
      400,
    );
    expect(body.errors?.map((e) => e.message)).toEqual([
      'metadata.comments: [[ghost:…]] names no drawing or level of this analysis',
      'metadata.comments: [[gone:…]] names no drawing or level of this analysis',
    ]);
  });

  it('a DATE expiry must lie after createdAt', async () => {
    h = await harness();
    const id = await createExample(h);
    const body = await refused(
      'PATCH',
      `/v1/analysis/${id}`,
      { sender: SENDER, metadata: { expiry: { type: 'DATE', date: '2026-01-08T12:00:00Z' } } },
      400,
    );
    expect(body.errors).toEqual([
      {
        path: ['metadata', 'expiry', 'date'],
        code: 'too_small',
        message: 'metadata.expiry.date: must be later than the creation time (2026-01-08T12:00:00Z)',
      },
    ]);
  });
});

describe('append rules on the stored state', () => {
  it('409 duplicate_client_object_id against a stored drawing, a stored level and within the body; nothing appended', async () => {
    h = await harness();
    const id = await createExample(h);
    const path = `/v1/analysis/${id}/drawings`;
    const vsDrawing = await refused(
      'POST',
      path,
      { sender: SENDER, drawings: [hline('new_1'), hline('target')] },
      409,
    );
    expect([vsDrawing.code, vsDrawing.errors?.map((e) => [e.path, e.code])]).toEqual([
      'duplicate_client_object_id',
      [[['drawings', 1, 'clientObjectId'], 'duplicate_client_object_id']],
    ]);
    const vsLevel = await refused('POST', path, { sender: SENDER, drawings: [hline('res_1')] }, 409);
    expect(vsLevel.errors?.map((e) => e.path)).toEqual([['drawings', 0, 'clientObjectId']]);
    const within = await refused(
      'POST',
      path,
      { sender: SENDER, drawings: [hline('n'), hline('m'), hline('n')] },
      409,
    );
    expect([within.code, within.errors?.map((e) => e.path)]).toEqual([
      'duplicate_client_object_id',
      [['drawings', 2, 'clientObjectId']],
    ]);
  });

  it('400 too_many_drawings when the total would pass 1,000; exactly 1,000 is fine', async () => {
    h = await harness({ rateLimit: false });
    const id = await createExample(h, {
      drawings: [],
      metadata: { ...(createBody().metadata as object), preferenceText: 'x' },
    });
    const batch = (from: number, n: number) => Array.from({ length: n }, (_, i) => hline(`d_${from + i}`, i));
    expect(
      (
        await h.call('POST', `/v1/analysis/${id}/drawings`, {
          body: { sender: SENDER, drawings: batch(0, 500) },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await h.call('POST', `/v1/analysis/${id}/drawings`, {
          body: { sender: SENDER, drawings: batch(500, 499) },
        })
      ).status,
    ).toBe(200);
    const over = await refused(
      'POST',
      `/v1/analysis/${id}/drawings`,
      { sender: SENDER, drawings: batch(999, 2) },
      400,
    );
    expect(over).toEqual({
      status: 'error',
      code: 'too_many_drawings',
      message: 'An analysis holds at most 1000 drawings; it has 999 and the request adds 2',
    });
    const last = await h.call('POST', `/v1/analysis/${id}/drawings`, {
      body: { sender: SENDER, drawings: batch(999, 1) },
    });
    expect(((await last.json()) as { data: { totalDrawings: number } }).data.totalDrawings).toBe(1000);
  });
});
