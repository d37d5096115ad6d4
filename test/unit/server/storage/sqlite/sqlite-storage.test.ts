import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../../../src/server/storage/sqlite/migrations';
import { addWebhook } from '../../../../../src/server/webhooks/endpoints';
import { C, CH, row } from '../analysis-row';
import {
  openSqliteStorage,
  type SqliteStorage,
} from '../../../../../src/server/storage/sqlite/sqlite-storage';

let storage: SqliteStorage;
afterEach(async () => storage.close());

describe('openSqliteStorage', () => {
  it('syncs the WAL at checkpoints by default and on every commit when durability is full', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-sync-'));
    try {
      storage = openSqliteStorage(join(dir, 'normal.sqlite'));
      expect(storage.db.pragma('synchronous', { simple: true })).toBe(1);
      expect(storage.db.pragma('journal_mode', { simple: true })).toBe('wal');
      storage.close();
      storage = openSqliteStorage(join(dir, 'full.sqlite'), { durability: 'full' });
      expect(storage.db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies the migrations once; running them again applies nothing', () => {
    storage = openSqliteStorage(':memory:');
    expect(migrate(storage.db, MIGRATIONS)).toEqual([]);
    const versions = storage.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    expect(MIGRATIONS[0]?.version).toBe(1);
  });

  it('a migration applied through one connection is not applied again through another to the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-mig-'));
    storage = openSqliteStorage(':memory:');
    const first = openSqliteStorage(join(dir, 'db.sqlite'));
    const second = openSqliteStorage(join(dir, 'db.sqlite'));
    const extra = [...MIGRATIONS, { version: 99, sql: 'CREATE TABLE extra (x INTEGER)' }];
    expect(migrate(second.db, extra)).toEqual([99]);
    expect(migrate(first.db, extra)).toEqual([]);
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await first.close();
    await second.close();
    rmSync(dir, { recursive: true });
  });

  it('rejects a migration list with a repeated version', () => {
    storage = openSqliteStorage(':memory:');
    expect(() => migrate(storage.db, [...MIGRATIONS, { version: 1, sql: '' }])).toThrow(
      'migrations: version 1 appears twice',
    );
  });

  const event = {
    communityId: C,
    analysisId: 'a1',
    event: 'create_analysis' as const,
    updatedFields: ['title'],
    data: { id: 'a1' },
    occurredAt: 5,
  };

  it('writes nothing when decide throws', async () => {
    storage = openSqliteStorage(':memory:');
    await expect(
      storage.atomically({ analysisId: 'a1' }, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage.readOutbox(0, 10)).toEqual([]);
  });

  it('rolls back earlier writes of the same transaction when a later write fails', async () => {
    storage = openSqliteStorage(':memory:');
    // The update names a missing row, so it throws after the insert and the outbox row.
    await expect(
      storage.atomically({}, () => ({
        writes: { insertAnalysis: row('a1', 1), updateAnalysis: row('zz', 1), outbox: [event] },
        result: null,
      })),
    ).rejects.toThrow('updateAnalysis: no analysis zz');
    expect(await storage.getAnalysis('a1')).toBeNull();
    expect(await storage.readOutbox(0, 10)).toEqual([]);
  });

  it('commits the analysis and its outbox row together and returns the result', async () => {
    storage = openSqliteStorage(':memory:');
    await addWebhook(storage, { communityId: C, url: 'https://hooks.example/x' });
    const result = await storage.atomically({ analysisId: 'a1' }, (snap) => ({
      writes: { insertAnalysis: row('a1', 1), outbox: [event] },
      result: snap.analysis,
    }));
    expect(result).toBeNull();
    expect((await storage.getAnalysis('a1'))?.title).toBe('ta1');
    expect(await storage.readOutbox(0, 10)).toEqual([{ seq: 1, ...event }]);
  });

  it('reads the idempotency record and purges expired ones', async () => {
    storage = openSqliteStorage(':memory:');
    const rec = { communityId: C, key: 'k', requestHash: 'h', response: null, createdAt: 1, expiresAt: 10 };
    await storage.atomically({}, () => ({ writes: { putIdempotency: rec }, result: null }));
    const ref = { idempotency: { communityId: C, key: 'k' } };
    expect(await storage.atomically(ref, (s) => ({ writes: {}, result: s.idempotency }))).toEqual(rec);
    await storage.atomically({}, () => ({ writes: { purgeIdempotencyAt: 10 }, result: null }));
    expect(await storage.atomically(ref, (s) => ({ writes: {}, result: s.idempotency }))).toBeNull();
  });

  it('lists newest first by createdAt then id, pages, and filters status against now', async () => {
    storage = openSqliteStorage(':memory:');
    for (const r of [
      row('a1', 10),
      row('a2', 20, { expiresAt: 100 }),
      row('a3', 20),
      row('a4', 5, { channelId: 'other' }),
    ]) {
      await storage.atomically({}, () => ({ writes: { insertAnalysis: r }, result: null }));
    }
    const base = { communityId: C, channelId: CH, now: 100, offset: 0, limit: 10 };
    const all = await storage.listAnalyses(base);
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.id)).toEqual(['a3', 'a2', 'a1']);
    const page2 = await storage.listAnalyses({ ...base, offset: 1, limit: 1 });
    expect([page2.total, page2.rows.map((r) => r.id)]).toEqual([3, ['a2']]);
    expect((await storage.listAnalyses({ ...base, status: 'EXPIRED' })).rows.map((r) => r.id)).toEqual([
      'a2',
    ]);
    expect((await storage.listAnalyses({ ...base, status: 'ACTIVE', now: 99 })).total).toBe(3);
  });

  it('starts no other call while an exclusive callback is awaiting', async () => {
    storage = openSqliteStorage(':memory:');
    const order: string[] = [];
    const first = storage.exclusive(async () => {
      order.push('exclusive-start');
      await new Promise((r) => setTimeout(r, 5));
      order.push('exclusive-end');
    });
    const second = storage.getAnalysis('none').then(() => order.push('get'));
    await Promise.all([first, second]);
    expect(order).toEqual(['exclusive-start', 'exclusive-end', 'get']);
  });

  it('appends outbox events through the synchronous SQLite transaction', async () => {
    storage = openSqliteStorage(':memory:');
    expect(await storage.transaction((tx) => tx.appendOutbox(event))).toBe(1);
    expect(await storage.transaction((tx) => tx.appendOutbox(event))).toBe(2);
  });
});
