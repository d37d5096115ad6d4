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

  it('opens a database a newer build has upgraded, instead of falling back to a second outbox', async () => {
    const name = `outbox-newer-${Math.random().toString(36).slice(2)}`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, 3);
      open.onupgradeneeded = () => open.result.createObjectStore('outbox');
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    const localBefore = Object.keys(localStorage).sort();
    const outbox = indexedDbOutbox(name);
    await outbox.write('k', record(9));
    expect(await rawKeyCount(name)).toBe(1);
    expect((await outbox.read('k'))?.nextSeq).toBe(9);
    expect(Object.keys(localStorage).sort()).toEqual(localBefore);
    await outbox.close?.();
  });

  it('close() lets the writes already made land first, and a later call opens the database again', async () => {
    const name = `outbox-close-${Math.random().toString(36).slice(2)}`;
    const outbox = indexedDbOutbox(name);
    for (let seq = 1; seq <= 20; seq++) void outbox.write(`k${seq}`, record(seq));
    await outbox.close?.();
    expect(await rawKeyCount(name)).toBe(20);
    await outbox.write('k21', record(21));
    expect((await outbox.read('k21'))?.nextSeq).toBe(21);
    expect(await rawKeyCount(name)).toBe(21);
  });

  it('gives its connection up when another page deletes or upgrades the database, and reopens on the next call', async () => {
    const name = `outbox-upgrade-${Math.random().toString(36).slice(2)}`;
    const outbox = indexedDbOutbox(name);
    await outbox.write('k', record(4));
    // Without giving the connection up, the delete would wait (blocked) for as long as the page lives.
    expect(await deleteDb(name)).toBe('deleted');
    expect(await outbox.read('k')).toBeUndefined();
    await outbox.write('k', record(5));
    expect((await outbox.read('k'))?.nextSeq).toBe(5);
  });
});

/** Keys in the database `name`, read through a connection of its own. */
function rawKeyCount(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const count = db.transaction('outbox', 'readonly').objectStore('outbox').count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
      count.onerror = () => reject(count.error);
    };
  });
}

/** Deletes the database `name`: 'blocked' as soon as an open connection holds it up. */
function deleteDb(name: string): Promise<'deleted' | 'blocked'> {
  return new Promise((resolve, reject) => {
    const del = indexedDB.deleteDatabase(name);
    del.onblocked = () => resolve('blocked');
    del.onsuccess = () => resolve('deleted');
    del.onerror = () => reject(del.error);
  });
}
