import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, PG_MIGRATIONS } from '../../../src/server/storage/postgres/pg-migrations';
import type {
  AnalysisRow,
  ApiKeyRow,
  IdempotencyRow,
  OutboxEvent,
} from '../../../src/server/storage/storage';
import { addWebhook } from '../../../src/server/webhooks/endpoints';
import { C, CH, row as analysisRow } from './storage/analysis-row';
import { BACKENDS, type Backend } from './storage-backends';

const T = 1_767_225_600_000; // 2026-01-01T00:00:00Z: larger than an int4, as every stored time is.

function row(id: string, createdAt: number, extra: Partial<AnalysisRow> = {}): AnalysisRow {
  return analysisRow(id, createdAt, {
    drawingCount: 1,
    document: {
      sender: 'a@example.com',
      metadata: { title: `t${id}`, symbol: 'GBP/USD', direction: 'BULLISH' },
      levels: {},
      drawings: [{ id: `d${id}`, clientObjectId: 'z_first', type: 'LINE' }],
    },
    ...extra,
  });
}

const event = (analysisId: string, at: number): OutboxEvent => ({
  communityId: C,
  analysisId,
  event: 'update_analysis',
  updatedFields: ['title', 'drawings'],
  data: { id: analysisId, nested: { b: 1, a: [2] } },
  occurredAt: at,
});

const idem = (key: string, extra: Partial<IdempotencyRow> = {}): IdempotencyRow => ({
  communityId: C,
  key,
  requestHash: 'h'.repeat(64),
  response: null,
  createdAt: T,
  expiresAt: T + 1000,
  ...extra,
});

for (const kind of BACKENDS) {
  if (kind.skip) console.log(`storage contract on ${kind.name}: skipped, ${kind.skip}`);
  describe.skipIf(kind.skip !== null)(`storage contract on ${kind.name}`, () => {
    let b: Backend;
    beforeAll(async () => {
      b = await kind.open();
      // Outbox events are stored only for a community with an active webhook endpoint.
      await addWebhook(b.storage, { communityId: C, url: 'https://hooks.example/contract' });
    }, 90_000);
    afterAll(async () => b?.dispose());

    it('stores an analysis and reads it back equal, document key order and big times kept', async () => {
      const r = row('a00000000000000000000001', T, { expiresAt: T + 3_600_000 });
      await b.storage.atomically({}, () => ({ writes: { insertAnalysis: r }, result: null }));
      const back = await b.storage.getAnalysis(r.id);
      expect(back).toEqual(r);
      expect(Object.keys(back!.document.metadata)).toEqual(['title', 'symbol', 'direction']);
      expect(typeof back!.createdAt).toBe('number');
      expect(await b.storage.getAnalysis('a0000000000000000000ffff')).toBeNull();
    });

    it('writes nothing when decide throws, and passes the error on', async () => {
      const id = 'a00000000000000000000002';
      await expect(
        b.storage.atomically({}, () => {
          throw new Error('decide: refused');
        }),
      ).rejects.toThrow('decide: refused');
      await expect(
        b.storage.atomically({ analysisId: id }, () => ({
          writes: { insertAnalysis: row(id, T), updateAnalysis: row('a0000000000000000000dead', T) },
          result: null,
        })),
      ).rejects.toThrow('updateAnalysis: no analysis a0000000000000000000dead');
      expect(await b.storage.getAnalysis(id)).toBeNull();
    });

    it('gives decide the locked rows and applies update, outbox and idempotency together', async () => {
      const id = 'a00000000000000000000001';
      const before = await b.storage.readOutbox(0, 1000);
      const result = await b.storage.atomically(
        { analysisId: id, idempotency: { communityId: C, key: 'k-apply' } },
        (snap) => {
          expect(snap.analysis?.version).toBe(1);
          expect(snap.idempotency).toBeNull();
          const next = { ...snap.analysis!, title: 'renamed', version: 2, updatedAt: T + 5 };
          return {
            writes: {
              updateAnalysis: next,
              outbox: [event(id, T + 5)],
              putIdempotency: idem('k-apply', { response: { status: 200, body: '{"x":1}', etag: '"2"' } }),
            },
            result: 'done',
          };
        },
      );
      expect(result).toBe('done');
      expect((await b.storage.getAnalysis(id))?.title).toBe('renamed');
      const after = await b.storage.readOutbox(before.at(-1)?.seq ?? 0, 1000);
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ ...event(id, T + 5) });
      const snap = await b.storage.atomically({ idempotency: { communityId: C, key: 'k-apply' } }, (s) => ({
        writes: {},
        result: s.idempotency,
      }));
      expect(snap).toEqual(idem('k-apply', { response: { status: 200, body: '{"x":1}', etag: '"2"' } }));
    });

    it('lists newest first with id as tie-break, filters, status at the expiry boundary, pages', async () => {
      const ids = ['c00000000000000000000001', 'c00000000000000000000002', 'c00000000000000000000003'];
      const rows = [
        row(ids[0]!, T + 100, {
          channelId: 'cccccccccccccccccccccccc',
          symbol: 'EUR/USD',
          expiresAt: T + 500,
        }),
        row(ids[1]!, T + 200, { channelId: 'cccccccccccccccccccccccc', direction: 'BEARISH' }),
        row(ids[2]!, T + 200, { channelId: 'cccccccccccccccccccccccc', sender: 'b@example.com' }),
      ];
      await b.storage.atomically({}, () => ({ writes: { insertAnalysis: rows[0] }, result: null }));
      await b.storage.atomically({}, () => ({ writes: { insertAnalysis: rows[1] }, result: null }));
      await b.storage.atomically({}, () => ({ writes: { insertAnalysis: rows[2] }, result: null }));
      const q = { communityId: C, channelId: 'cccccccccccccccccccccccc', now: T, offset: 0, limit: 10 };
      const all = await b.storage.listAnalyses(q);
      expect(all.total).toBe(3);
      expect(all.rows.map((r) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect(all.rows[0]).not.toHaveProperty('document');
      expect(all.rows[2]).toEqual((({ document: _, ...rest }) => rest)(rows[0]!));
      const page = await b.storage.listAnalyses({ ...q, offset: 1, limit: 1 });
      expect(page).toEqual({ total: 3, rows: [all.rows[1]] });
      expect((await b.storage.listAnalyses({ ...q, symbol: 'EUR/USD' })).rows.map((r) => r.id)).toEqual([
        ids[0],
      ]);
      expect((await b.storage.listAnalyses({ ...q, direction: 'BEARISH' })).total).toBe(1);
      expect((await b.storage.listAnalyses({ ...q, sender: 'b@example.com' })).rows[0]?.id).toBe(ids[2]);
      expect((await b.storage.listAnalyses({ ...q, status: 'EXPIRED', now: T + 499 })).total).toBe(0);
      expect((await b.storage.listAnalyses({ ...q, status: 'EXPIRED', now: T + 500 })).total).toBe(1);
      expect((await b.storage.listAnalyses({ ...q, status: 'ACTIVE', now: T + 500 })).total).toBe(2);
    });

    it('deletes an analysis', async () => {
      const id = 'c00000000000000000000003';
      await b.storage.atomically({ analysisId: id }, () => ({
        writes: { deleteAnalysisId: id },
        result: null,
      }));
      expect(await b.storage.getAnalysis(id)).toBeNull();
    });

    it('reads the outbox after a seq, in seq order, limited', async () => {
      const start = (await b.storage.readOutbox(0, 1000)).at(-1)?.seq ?? 0;
      await b.storage.atomically({}, () => ({
        writes: { outbox: [event('e1', T + 1), event('e2', T + 2), event('e3', T + 3)] },
        result: null,
      }));
      const got = await b.storage.readOutbox(start, 2);
      expect(got.map((e) => e.analysisId)).toEqual(['e1', 'e2']);
      expect(got[1]!.seq).toBeGreaterThan(got[0]!.seq);
      expect((await b.storage.readOutbox(got[1]!.seq, 10)).map((e) => e.analysisId)).toEqual(['e3']);
    });

    it('purges expired idempotency records (expiresAt ≤ the time) and deletes one on request', async () => {
      const put = (r: IdempotencyRow) =>
        b.storage.atomically({}, () => ({ writes: { putIdempotency: r }, result: null }));
      await put(idem('old', { expiresAt: T + 10 }));
      await put(idem('edge', { expiresAt: T + 20 }));
      await put(idem('young', { expiresAt: T + 21 }));
      await put(idem('gone', { expiresAt: T + 99 }));
      await b.storage.atomically({}, () => ({
        writes: { purgeIdempotencyAt: T + 20, deleteIdempotency: { communityId: C, key: 'gone' } },
        result: null,
      }));
      const read = (key: string) =>
        b.storage.atomically({ idempotency: { communityId: C, key } }, (s) => ({
          writes: {},
          result: s.idempotency,
        }));
      expect(await read('old')).toBeNull();
      expect(await read('edge')).toBeNull();
      expect(await read('gone')).toBeNull();
      expect(await read('young')).toEqual(idem('young', { expiresAt: T + 21 }));
    });

    it('stores API keys by hash and revokes an active key once', async () => {
      const key: ApiKeyRow = {
        id: 'k1',
        hash: 'f'.repeat(64),
        prefix: 'cmk_ab',
        communityId: C,
        channelIds: [CH],
        permissions: ['analysis:read', 'analysis:write'],
        expiresAt: T + 1,
        revokedAt: null,
        createdAt: T,
      };
      await b.storage.insertApiKey(key);
      await b.storage.insertApiKey({
        ...key,
        id: 'k2',
        hash: 'e'.repeat(64),
        channelIds: null,
        expiresAt: null,
      });
      expect(await b.storage.findApiKeyByHash(key.hash)).toEqual(key);
      expect((await b.storage.findApiKeyByHash('e'.repeat(64)))?.channelIds).toBeNull();
      expect(await b.storage.findApiKeyByHash('0'.repeat(64))).toBeNull();
      expect(await b.storage.revokeApiKeyByHash(key.hash, T + 7)).toBe(true);
      expect(await b.storage.revokeApiKeyByHash(key.hash, T + 8)).toBe(false);
      expect((await b.storage.findApiKeyByHash(key.hash))?.revokedAt).toBe(T + 7);
    });

    it('20 concurrent read-modify-write transactions on one analysis lose no update', async () => {
      const id = 'd00000000000000000000001';
      await b.storage.atomically({}, () => ({ writes: { insertAnalysis: row(id, T) }, result: null }));
      const bump = () =>
        b.storage.atomically({ analysisId: id }, (s) => ({
          writes: { updateAnalysis: { ...s.analysis!, version: s.analysis!.version + 1 } },
          result: s.analysis!.version,
        }));
      const seen = await Promise.all(Array.from({ length: 20 }, bump));
      expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await b.storage.getAnalysis(id))?.version).toBe(21);
    });

    it('10 concurrent transactions on a new idempotency key: exactly one finds it free', async () => {
      const ref = { communityId: C, key: 'race-1' };
      const claim = () =>
        b.storage.atomically({ idempotency: ref }, (s) =>
          s.idempotency
            ? { writes: {}, result: 'taken' }
            : { writes: { putIdempotency: idem('race-1') }, result: 'mine' },
        );
      const results = await Promise.all(Array.from({ length: 10 }, claim));
      expect(results.filter((r) => r === 'mine')).toHaveLength(1);
      expect(results.filter((r) => r === 'taken')).toHaveLength(9);
    });

    it.skipIf(kind.name === 'sqlite' || kind.name === 'sqlite-thread')(
      'migrations run again apply nothing; a new one is applied once by two racers',
      async () => {
        expect(await migratePostgres(b.client!)).toEqual([]);
        const extra = [...PG_MIGRATIONS, { version: 99, sql: 'CREATE TABLE extra_table (x INTEGER)' }];
        const other = b.newClient?.(2) ?? b.client!;
        const [one, two] = await Promise.all([
          migratePostgres(b.client!, extra),
          migratePostgres(other, extra),
        ]);
        expect([...one, ...two]).toEqual([99]);
        await expect(migratePostgres(b.client!, [...PG_MIGRATIONS, { version: 1, sql: '' }])).rejects.toThrow(
          'migrations: version 1 appears twice',
        );
      },
    );
  });
}
