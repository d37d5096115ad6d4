import { describe, expect, it } from 'vitest';
import {
  analysisKey,
  draftKey,
  memoryOutbox,
  type OutboxRecord,
  storageOutbox,
} from '../../../src/sync/outbox';
import { newRecord } from '../../../src/sync/outbox-record';
import { mapStorage } from './harness';

const record = (): OutboxRecord => newRecord('c'.repeat(24), 'd'.repeat(24), 'cmprefix');

describe.each([
  ['memoryOutbox', () => memoryOutbox()],
  ['storageOutbox', () => storageOutbox(mapStorage())],
])('%s', (_name, make) => {
  it('keeps a copy taken at write time, reads it back, lists and removes keys', async () => {
    const outbox = make();
    const r = {
      ...record(),
      entries: [{ seq: 1, touched: { drawings: ['line_1'], levels: [], metadata: [] } }],
    };
    const write = outbox.write(draftKey('c', 'd'), r);
    (r.entries as { seq: number }[]).push({ seq: 99 });
    await write;
    await outbox.write(analysisKey('a1'), record());
    const back = await outbox.read(draftKey('c', 'd'));
    expect(back?.entries).toEqual([{ seq: 1, touched: { drawings: ['line_1'], levels: [], metadata: [] } }]);
    expect((await outbox.keys()).sort()).toEqual(['analysis:a1', 'draft:c/d']);
    await outbox.remove(draftKey('c', 'd'));
    expect(await outbox.read(draftKey('c', 'd'))).toBeUndefined();
    expect(await outbox.keys()).toEqual(['analysis:a1']);
  });
});

describe('storageOutbox', () => {
  it('ignores keys of other prefixes and reports a full storage as a failed write', async () => {
    const storage = mapStorage();
    storage.setItem('unrelated', 'x');
    const outbox = storageOutbox(storage, 'p:');
    await outbox.write('k', record());
    expect(await outbox.keys()).toEqual(['k']);
    storage.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    await expect(outbox.write('k2', record())).rejects.toThrow('quota');
  });
});

describe('memoryOutbox', () => {
  it('refuses a stored record of a broken shape, naming its key', async () => {
    const outbox = memoryOutbox();
    await outbox.write('draft:x', { schemaVersion: 2 } as unknown as OutboxRecord);
    await expect(outbox.read('draft:x')).rejects.toThrow('outbox draft:x: communityId: must be a string');
  });
});
