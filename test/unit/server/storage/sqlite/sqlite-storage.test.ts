import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisRow } from '../../../../../src/server/storage/storage';
import { MIGRATIONS, migrate } from '../../../../../src/server/storage/sqlite/migrations';
import {
  openSqliteStorage,
  type SqliteStorage,
} from '../../../../../src/server/storage/sqlite/sqlite-storage';

const C = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const CH = 'bbbbbbbbbbbbbbbbbbbbbbbb';

function row(id: string, createdAt: number, extra: Partial<AnalysisRow> = {}): AnalysisRow {
  return {
    id,
    communityId: C,
    channelId: CH,
    sender: 'a@example.com',
    title: `t${id}`,
    symbol: 'GBP/USD',
    timeframe: 'H1',
    direction: 'BULLISH',
    entryPlacement: 'BELOW_CURRENT',
    drawingCount: 0,
    expiresAt: null,
    createdAt,
    updatedAt: createdAt,
    version: 1,
    document: { sender: 'a@example.com', metadata: {}, levels: {}, drawings: [] },
    ...extra,
  };
}

let storage: SqliteStorage;
afterEach(async () => storage.close());

describe('openSqliteStorage', () => {
  it('applies the migrations once; running them again applies nothing', () => {
    storage = openSqliteStorage(':memory:');
    expect(migrate(storage.db, MIGRATIONS)).toEqual([]);
    const versions = storage.db.prepare('SELECT version FROM schema_migrations').all();
    expect(versions).toEqual([{ version: 1 }]);
  });

  it('rejects a migration list with a repeated version', () => {
    storage = openSqliteStorage(':memory:');
    expect(() => migrate(storage.db, [...MIGRATIONS, { version: 1, sql: '' }])).toThrow(
      'migrations: version 1 appears twice',
    );
  });

  it('rolls the whole transaction back when the callback throws', async () => {
    storage = openSqliteStorage(':memory:');
    await expect(
      storage.transaction(async (tx) => {
        await tx.insertAnalysis(row('a1', 1));
        await tx.appendOutbox({
          communityId: C,
          analysisId: 'a1',
          event: 'create_analysis',
          updatedFields: [],
          data: {},
          occurredAt: 1,
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage.getAnalysis('a1')).toBeNull();
    expect(await storage.readOutbox(0, 10)).toEqual([]);
  });

  it('commits the analysis and its outbox row together', async () => {
    storage = openSqliteStorage(':memory:');
    const seq = await storage.transaction(async (tx) => {
      await tx.insertAnalysis(row('a1', 1));
      return tx.appendOutbox({
        communityId: C,
        analysisId: 'a1',
        event: 'create_analysis',
        updatedFields: ['title'],
        data: { id: 'a1' },
        occurredAt: 5,
      });
    });
    expect(seq).toBe(1);
    expect((await storage.getAnalysis('a1'))?.title).toBe('ta1');
    expect(await storage.readOutbox(0, 10)).toEqual([
      {
        seq: 1,
        communityId: C,
        analysisId: 'a1',
        event: 'create_analysis',
        updatedFields: ['title'],
        data: { id: 'a1' },
        occurredAt: 5,
      },
    ]);
  });

  it('lists newest first by createdAt then id, pages, and filters status against now', async () => {
    storage = openSqliteStorage(':memory:');
    await storage.transaction(async (tx) => {
      await tx.insertAnalysis(row('a1', 10));
      await tx.insertAnalysis(row('a2', 20, { expiresAt: 100 }));
      await tx.insertAnalysis(row('a3', 20));
      await tx.insertAnalysis(row('a4', 5, { channelId: 'other' }));
    });
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

  it('runs concurrent transactions one after the other', async () => {
    storage = openSqliteStorage(':memory:');
    const order: string[] = [];
    await Promise.all(
      ['x', 'y'].map((name) =>
        storage.transaction(async (tx) => {
          order.push(`${name}-start`);
          await tx.getAnalysis('none');
          await new Promise((r) => setTimeout(r, 5));
          order.push(`${name}-end`);
        }),
      ),
    );
    expect(order).toEqual(['x-start', 'x-end', 'y-start', 'y-end']);
  });
});
