// Group commit (group-commit.ts): the writes asked for in one event-loop turn share a COMMIT,
// each in a savepoint; every member settles after that COMMIT with its own outcome, and a failed
// COMMIT (or a transaction SQLite rolled back whole) fails them all with nothing stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../src/server/api-error';
import { oneAtATime } from '../../../../../src/server/storage/one-at-a-time';
import { groupCommit } from '../../../../../src/server/storage/sqlite/group-commit';
import {
  openSqliteStorage,
  type SqliteStorage,
} from '../../../../../src/server/storage/sqlite/sqlite-storage';
import type { OutboxEvent } from '../../../../../src/server/storage/storage';
import { addWebhook } from '../../../../../src/server/webhooks/endpoints';
import { C, CH, row } from '../analysis-row';
import { channelPath, createBody, createExample, data, type Harness, harness } from '../../harness';

/** The queue the storage runs its calls on: one at a time, in order. */
function chain(): <R>(fn: () => Promise<R>) => Promise<R> {
  const queue = oneAtATime();
  return (fn) => queue.run(fn);
}

type Fault = 'none' | 'throw' | 'orphan' | 'abort';

/** A database with a table of values and a table whose foreign key is checked at COMMIT. */
function faultDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(`
    CREATE TABLE t (v INTEGER NOT NULL);
    CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE child (p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
  `);
  return db;
}

describe('groupCommit', () => {
  it('gives each member of a batch its own outcome after one COMMIT, or every member the COMMIT error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Fault>('none', 'none', 'throw', 'orphan', 'abort'), {
          minLength: 1,
          maxLength: 8,
        }),
        async (faults) => {
          const db = faultDb();
          const group = groupCommit(db, chain());
          const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
          const count = db.prepare('SELECT count(*) FROM t').pluck();
          // Every member writes its value; then it returns what it sees, throws, leaves a row
          // that fails the COMMIT's foreign key check, or rolls the whole transaction back.
          const settled = await Promise.allSettled(
            faults.map((fault, v) =>
              group.join(() => {
                insert.run(v);
                if (fault === 'throw') throw new Error(`member ${v}`);
                if (fault === 'orphan') db.prepare('INSERT INTO child (p) VALUES (42)').run();
                if (fault === 'abort') db.exec('ROLLBACK');
                return count.get();
              }),
            ),
          );
          const rows = db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all();
          expect(db.inTransaction).toBe(false);
          const aborted = faults.indexOf('abort');
          if (aborted >= 0 || faults.includes('orphan')) {
            // Nothing of the batch is stored and every member has the same error.
            expect(rows).toEqual([]);
            const reasons = settled.map((s) => (s.status === 'rejected' ? String(s.reason) : 'resolved'));
            expect(new Set(reasons).size).toBe(1);
            expect(reasons[0]).toMatch(aborted >= 0 ? /savepoint|transaction/i : /FOREIGN KEY/);
          } else {
            const kept = faults.flatMap((f, v) => (f === 'none' ? [v] : []));
            expect(rows).toEqual(kept);
            for (const [v, s] of settled.entries()) {
              if (faults[v] === 'throw')
                expect(s).toEqual({ status: 'rejected', reason: new Error(`member ${v}`) });
              // Each member sees the members before it: the kept rows up to and including its own.
              else expect(s).toEqual({ status: 'fulfilled', value: kept.indexOf(v) + 1 });
            }
          }
          db.close();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('puts the members of one turn in one batch and those of the next turn in the next', async () => {
    const db = faultDb();
    const group = groupCommit(db, chain());
    const commits: number[] = [];
    const changes = db.prepare('SELECT count(*) FROM t').pluck();
    const member = (v: number) =>
      group.join(() => {
        db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
        return v;
      });
    const first = [member(1), member(2)];
    // Joins after the check phase of this turn: a batch of its own.
    const later = new Promise((done) => setImmediate(() => setImmediate(() => done(member(3)))));
    await Promise.all(first);
    commits.push(changes.get() as number);
    await later;
    commits.push(changes.get() as number);
    expect(commits).toEqual([2, 3]);
    db.close();
  });
});

const created = (id: string): OutboxEvent => ({
  communityId: C,
  analysisId: id,
  event: 'create_analysis',
  updatedFields: [],
  data: { id },
  occurredAt: 1,
});

describe('SqliteStorage group commit', () => {
  let storage: SqliteStorage;
  let dir: string;
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const open = async () => {
    dir = mkdtempSync(join(tmpdir(), 'cm-group-'));
    storage = openSqliteStorage(join(dir, 'db.sqlite'));
    await addWebhook(storage, { communityId: C, url: 'https://hooks.example/g' });
  };
  const insert = (id: string) =>
    storage.atomically({}, () => ({
      writes: { insertAnalysis: row(id, 1), outbox: [created(id)] },
      result: id,
    }));

  it('answers the writes of one turn only after their shared COMMIT, which another connection then sees', async () => {
    await open();
    const reader = new Database(join(dir, 'db.sqlite'), { readonly: true });
    const seen = reader.prepare('SELECT id FROM analyses ORDER BY id').pluck();
    let firstSettled = false;
    const first = insert('a1').then((r) => {
      firstSettled = true;
      return r;
    });
    const during: unknown[] = [];
    const second = storage.atomically({ analysisId: 'a1' }, (snap) => {
      // Inside the batch: a1 is visible to this transaction, not yet to anyone else.
      during.push(snap.analysis?.id, seen.all(), firstSettled);
      return { writes: { insertAnalysis: row('a2', 1), outbox: [created('a2')] }, result: 'a2' };
    });
    expect(await Promise.all([first, second])).toEqual(['a1', 'a2']);
    expect(during).toEqual(['a1', [], false]);
    expect(seen.all()).toEqual(['a1', 'a2']);
    reader.close();
  });

  it('stores the other members of a batch and nothing of one whose decide or write throws', async () => {
    await open();
    const results = await Promise.allSettled([
      insert('a1'),
      storage.atomically({}, () => {
        throw new ApiError('not_found');
      }),
      insert('a2'),
      // The update names a missing row: it throws after its own insert and outbox row.
      storage.atomically({}, () => ({
        writes: { insertAnalysis: row('lost', 1), updateAnalysis: row('zz', 1), outbox: [created('lost')] },
        result: null,
      })),
      insert('a3'),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
      'a1',
      'ApiError: Not found',
      'a2',
      'Error: updateAnalysis: no analysis zz',
      'a3',
    ]);
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.any(ApiError) });
    expect((await storage.readOutbox(0, 10)).map((e) => [e.seq, e.analysisId])).toEqual([
      [1, 'a1'],
      [2, 'a2'],
      [3, 'a3'],
    ]);
    expect(await storage.getAnalysis('lost')).toBeNull();
    expect(
      (await storage.listAnalyses({ communityId: C, channelId: CH, now: 2, offset: 0, limit: 9 })).total,
    ).toBe(3);
  });

  it('rejects every member and stores nothing when the shared COMMIT fails', async () => {
    await open();
    await insert('a0');
    // A row that fails a foreign key checked only at COMMIT, written when an analysis is titled 'poison'.
    storage.db.exec(`
      CREATE TABLE guard (x TEXT REFERENCES analyses(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER poison AFTER INSERT ON analyses WHEN NEW.title = 'poison'
        BEGIN INSERT INTO guard (x) VALUES ('missing'); END;
    `);
    const results = await Promise.allSettled([
      insert('a1'),
      storage.atomically({}, () => ({
        writes: { insertAnalysis: row('p', 1, { title: 'poison' }) },
        result: 'p',
      })),
      insert('a2'),
    ]);
    expect(results.map((r) => r.status === 'rejected' && String(r.reason))).toEqual(
      Array(3).fill('SqliteError: FOREIGN KEY constraint failed'),
    );
    expect((await storage.readOutbox(0, 10)).map((e) => e.analysisId)).toEqual(['a0']);
    for (const id of ['a1', 'p', 'a2']) expect(await storage.getAnalysis(id)).toBeNull();
    // The next turn's writes commit again.
    expect(await insert('a3')).toBe('a3');
  });

  it('lets a later member of a batch see an earlier one: the same idempotency key replays', async () => {
    await open();
    const ref = { communityId: C, key: 'k' };
    const response = { status: 201, body: '{"x":1}', etag: null };
    const claim = () =>
      storage.atomically({ idempotency: ref }, (snap) =>
        snap.idempotency
          ? { writes: {}, result: { replayed: snap.idempotency.response } }
          : {
              writes: { putIdempotency: { ...ref, requestHash: 'h', response, createdAt: 1, expiresAt: 9 } },
              result: { replayed: null },
            },
      );
    expect(await Promise.all([claim(), claim()])).toEqual([{ replayed: null }, { replayed: response }]);
  });
});

describe('group commit over the API', () => {
  let h: Harness;
  afterEach(async () => h.storage.close());

  it('a batch of two creates with one idempotency key and an update refused by If-Match', async () => {
    h = await harness();
    const id = await createExample(h);
    const seqBefore = (await h.storage.readOutbox(0, 100)).length;
    const [a, refused, b] = await Promise.all([
      h.call('POST', channelPath(), { body: createBody({ idempotencyKey: 'same' }) }),
      h.call('PATCH', `/v1/analysis/${id}`, {
        body: { sender: 'x@example.com', metadata: { title: 'not kept' } },
        headers: { 'if-match': '"99"' },
      }),
      h.call('POST', channelPath(), { body: createBody({ idempotencyKey: 'same' }) }),
    ]);
    expect(a.status).toBe(201);
    expect(refused.status).toBe(412);
    // The second create with the same key finds the first one's marker in flight, as it would serially.
    expect(b.status).toBe(409);
    const events = (await h.storage.readOutbox(0, 100)).slice(seqBefore);
    expect(events.map((e) => [e.event, e.analysisId])).toEqual([['create_analysis', (await data(a)).id]]);
    const again = await h.call('POST', channelPath(), { body: createBody({ idempotencyKey: 'same' }) });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });
});
