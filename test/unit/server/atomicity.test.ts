// Every write is one transaction with its outbox row: when the outbox insert fails, the change
// is not kept either, the database is byte-identical, and the client gets a 500 without a stack.
import { afterEach, describe, expect, it } from 'vitest';
import { channelPath, createBody, createExample, type Harness, harness } from './harness';

let h: Harness;
afterEach(async () => h.storage.close());

const SENDER = 'x@example.com';

function breakOutbox(x: Harness): void {
  x.storage.db.exec(
    "CREATE TRIGGER outbox_down BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox down'); END",
  );
}

describe('one transaction per write', () => {
  it('create, update, append and delete keep nothing when the outbox write fails', async () => {
    h = await harness();
    const id = await createExample(h);
    breakOutbox(h);
    const before = h.dump();
    const drawing = {
      type: 'HORIZONTAL_LINE',
      clientObjectId: 'h1',
      points: [{ time: '2026-01-08T10:00:00Z', price: 1 }],
    };
    const results = [
      await h.call('POST', channelPath(), { body: createBody({ idempotencyKey: 'k-fail' }) }),
      await h.call('PATCH', `/v1/analysis/${id}`, { body: { sender: SENDER, metadata: { title: 'lost' } } }),
      await h.call('POST', `/v1/analysis/${id}/drawings`, {
        body: { sender: SENDER, drawings: [drawing], idempotencyKey: 'a' },
      }),
      await h.call('DELETE', `/v1/analysis/${id}`),
    ];
    for (const res of results) {
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({
        status: 'error',
        message: 'Internal error',
        code: 'internal_error',
      });
    }
    // The idempotency markers were cleared too, so the keys can be retried.
    expect(h.dump()).toBe(before);
    expect(h.logs).toHaveLength(4);
    expect(h.logs.every((l) => l.includes('outbox down'))).toBe(true);
  });
});
