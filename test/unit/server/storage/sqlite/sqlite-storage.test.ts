import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../../../src/server/storage/sqlite/migrations';
import { addWebhook } from '../../../../../src/server/webhooks/endpoints';
import type { AnalysisRow } from '../../../../../src/server/storage/storage';
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
});

// The API's transactions, on the connection (':memory:') and through a writer thread (a file).
describe.each(['connection', 'thread'] as const)('atomically, writes committed by the %s', (mode) => {
  let dir = '';
  const open = (): SqliteStorage => {
    if (mode === 'connection') return openSqliteStorage(':memory:');
    dir = mkdtempSync(join(tmpdir(), 'cm-writer-'));
    const s = openSqliteStorage(join(dir, 'db.sqlite'), { writer: 'thread' });
    expect(s.writer).not.toBeNull();
    return s;
  };
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
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
    storage = open();
    await expect(
      storage.atomically({ analysisId: 'a1' }, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage.readOutbox(0, 10)).toEqual([]);
  });

  it('rolls back earlier writes of the same transaction when a later write fails', async () => {
    storage = open();
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

  it("a transaction of a batch that fails rolls back only itself, with SQLite's error", async () => {
    storage = open();
    const insert = (id: string) =>
      storage.atomically({}, () => ({ writes: { insertAnalysis: row(id, 1) }, result: id }));
    // Asked in one event-loop turn: one batch.
    const results = await Promise.allSettled([insert('a1'), insert('a1'), insert('a2')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const error = (results[1] as PromiseRejectedResult).reason as Error & { code?: string };
    expect([error.message, error.code]).toEqual([
      'UNIQUE constraint failed: analyses.id',
      'SQLITE_CONSTRAINT_UNIQUE',
    ]);
    expect(
      (await storage.listAnalyses({ communityId: C, channelId: CH, now: 1, offset: 0, limit: 9 })).total,
    ).toBe(2);
  });

  it('each transaction reads the writes of those asked before it, in one batch or across batches', async () => {
    storage = open();
    await storage.atomically({}, () => ({ writes: { insertAnalysis: row('a1', 1) }, result: null }));
    // Read-modify-write of one row: a snapshot without an earlier write would repeat a version.
    const bump = () =>
      storage.atomically({ analysisId: 'a1' }, (snap) => {
        const version = snap.analysis!.version + 1;
        return {
          writes: { updateAnalysis: { ...snap.analysis!, version, updatedAt: version } },
          result: version,
        };
      });
    const first = Array.from({ length: 20 }, bump);
    await new Promise((r) => setImmediate(r));
    const second = Array.from({ length: 20 }, bump);
    const versions = await Promise.all([...first, ...second]);
    expect(versions).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    expect((await storage.getAnalysis('a1'))?.version).toBe(41);
    // An idempotency record written earlier in the same turn is read back.
    const rec = { communityId: C, key: 'k', requestHash: 'h', response: null, createdAt: 1, expiresAt: 10 };
    const ref = { idempotency: { communityId: C, key: 'k' } };
    const [, seen] = await Promise.all([
      storage.atomically({}, () => ({ writes: { putIdempotency: rec }, result: null })),
      storage.atomically(ref, (snap) => ({ writes: {}, result: snap.idempotency })),
    ]);
    expect(seen).toEqual(rec);
  });

  it('a write on the connection (exclusive) runs after the transactions asked before it have committed', async () => {
    storage = open();
    const asked = Array.from({ length: 5 }, (_, i) =>
      storage.atomically({}, () => ({ writes: { insertAnalysis: row(`a${i}`, 1) }, result: null })),
    );
    const count = await storage.exclusive(
      (db) => (db.prepare('SELECT COUNT(*) AS n FROM analyses').get() as { n: number }).n,
    );
    await Promise.all(asked);
    expect(count).toBe(5);
  });

  it("an event that reads the stored analysis back gets it with this transaction's writes", async () => {
    storage = open();
    await addWebhook(storage, { communityId: C, url: 'https://hooks.example/x' });
    await storage.atomically({}, () => ({ writes: { insertAnalysis: row('a1', 1) }, result: null }));
    const drawing = {
      id: 'd1',
      type: 'HORIZONTAL_LINE',
      clientObjectId: 'h1',
      points: [{ time: '2026-01-08T10:00:00Z', price: 1 }],
    } as unknown as AnalysisRow['document']['drawings'][number];
    await storage.atomically({ analysisId: 'a1', headOnly: { clientObjectIds: ['h1'] } }, () => ({
      writes: {
        appendDrawings: { analysisId: 'a1', from: 0, drawings: [drawing], updatedAt: 2, version: 2 },
        outbox: [
          {
            ...event,
            event: 'update_analysis' as const,
            dataOfStored: (stored: AnalysisRow) => ({ count: stored.drawingCount, version: stored.version }),
          },
        ],
      },
      result: null,
    }));
    expect((await storage.readOutbox(0, 10)).map((e) => e.data)).toEqual([{ count: 1, version: 2 }]);
  });

  it('commits the analysis and its outbox row together and returns the result', async () => {
    storage = open();
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
    storage = open();
    const rec = { communityId: C, key: 'k', requestHash: 'h', response: null, createdAt: 1, expiresAt: 10 };
    await storage.atomically({}, () => ({ writes: { putIdempotency: rec }, result: null }));
    const ref = { idempotency: { communityId: C, key: 'k' } };
    expect(await storage.atomically(ref, (s) => ({ writes: {}, result: s.idempotency }))).toEqual(rec);
    await storage.atomically({}, () => ({ writes: { purgeIdempotencyAt: 10 }, result: null }));
    expect(await storage.atomically(ref, (s) => ({ writes: {}, result: s.idempotency }))).toBeNull();
  });
});

describe('SqliteStorage', () => {
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
    const event = {
      communityId: C,
      analysisId: 'a1',
      event: 'create_analysis' as const,
      updatedFields: [],
      data: { id: 'a1' },
      occurredAt: 5,
    };
    expect(await storage.transaction((tx) => tx.appendOutbox(event))).toBe(1);
    expect(await storage.transaction((tx) => tx.appendOutbox(event))).toBe(2);
  });
});
