import { describe, expect, it } from 'vitest';
import { indexedDbOutbox } from '../../../src/sync/indexeddb-outbox';
import type { OutboxRecord } from '../../../src/sync/outbox';
import { newRecord } from '../../../src/sync/outbox-record';

const record = (seq: number): OutboxRecord => ({
  ...newRecord('c'.repeat(24), 'd'.repeat(24), 'cmprefix'),
  nextSeq: seq,
});

describe('indexedDbOutbox in Chromium', () => {
  it('stores records in IndexedDB that a new store object on the same name reads back', async () => {
    const name = `outbox-test-${Math.random().toString(36).slice(2)}`;
    // Other tests in this browser may leave their own keys (alert marks, id memory): compare.
    const localBefore = Object.keys(localStorage).sort();
    const a = indexedDbOutbox(name);
    await a.write('draft:c/d', record(3));
    await a.write('analysis:x', record(7));
    const b = indexedDbOutbox(name);
    expect((await b.read('draft:c/d'))?.nextSeq).toBe(3);
    expect((await b.keys()).sort()).toEqual(['analysis:x', 'draft:c/d']);
    await b.remove('draft:c/d');
    expect(await a.read('draft:c/d')).toBeUndefined();
    expect(Object.keys(localStorage).sort()).toEqual(localBefore);
  });

  it('applies writes in call order even when they are not awaited, and copies at call time', async () => {
    const outbox = indexedDbOutbox(`outbox-order-${Math.random().toString(36).slice(2)}`);
    const r = {
      ...record(1),
      entries: [] as { seq: number; touched: OutboxRecord['entries'][number]['touched'] }[],
    };
    const writes: Promise<void>[] = [];
    for (let seq = 1; seq <= 50; seq++) {
      r.entries.push({ seq, touched: { drawings: [`line_${seq}`], levels: [], metadata: [] } });
      writes.push(outbox.write('k', { ...r, nextSeq: seq }));
    }
    r.entries.length = 0;
    await Promise.all(writes);
    const back = await outbox.read('k');
    expect(back?.nextSeq).toBe(50);
    expect(back?.entries.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
