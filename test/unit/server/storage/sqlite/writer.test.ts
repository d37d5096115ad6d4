// The writer thread on its own (a scratch schema), and the storage once its thread is gone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openSqliteStorage,
  type SqliteStorage,
} from '../../../../../src/server/storage/sqlite/sqlite-storage';
import { startWriter, type Writer } from '../../../../../src/server/storage/sqlite/writer';
import { C, CH, row } from '../analysis-row';

let dir = '';
let writer: Writer | null = null;
let storage: SqliteStorage | null = null;
afterEach(async () => {
  await writer?.close();
  await storage?.close();
  writer = null;
  storage = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const STATEMENTS = {
  put: 'INSERT INTO items (id, parent) VALUES (?, ?)',
  rename: 'UPDATE items SET id = ? WHERE id = ?',
  // Keeps the thread busy for a while (a few hundred ms here) before it stores one item.
  putSlowly:
    'INSERT INTO items (id, parent) SELECT ?, NULL FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL ' +
    'SELECT x + 1 FROM c WHERE x < 2000000) SELECT count(*) FROM c)',
};

/** A WAL file with `items`, whose parent is checked only at COMMIT (a deferred foreign key). */
function scratch(): { path: string; ids: () => string[] } {
  dir = mkdtempSync(join(tmpdir(), 'cm-writer-'));
  const path = join(dir, 'w.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE items (
    id TEXT PRIMARY KEY,
    parent TEXT REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED
  )`);
  db.close();
  return {
    path,
    ids: () => {
      const read = new Database(path, { readonly: true });
      try {
        return (read.prepare('SELECT id FROM items ORDER BY id').pluck().all() as string[]).slice();
      } finally {
        read.close();
      }
    },
  };
}

const start = (path: string) =>
  startWriter(path, { statements: STATEMENTS, synchronous: 'NORMAL', walAutocheckpoint: 1000 });

describe('startWriter', () => {
  it('commits the jobs together; a job that fails rolls back only its own statements', async () => {
    const { path, ids } = scratch();
    writer = start(path);
    const failures = await writer.run([
      [{ name: 'put', params: ['a', null] }],
      // Its first row goes with it: the second statement breaks the key.
      [
        { name: 'put', params: ['b', null] },
        { name: 'put', params: ['a', null] },
      ],
      [
        {
          name: 'rename',
          params: ['z', 'missing'],
          expect: { changes: 1, otherwise: 'rename: no item missing' },
        },
      ],
      [{ name: 'nope', params: [] }],
      [{ name: 'put', params: ['c', 'a'] }],
    ]);
    expect(failures).toEqual([
      null,
      { message: 'UNIQUE constraint failed: items.id', code: 'SQLITE_CONSTRAINT_PRIMARYKEY' },
      { message: 'rename: no item missing' },
      { message: 'writer: no statement nope' },
      null,
    ]);
    expect(ids()).toEqual(['a', 'c']);
  });

  it('rejects the whole batch, nothing stored, when its COMMIT fails', async () => {
    const { path, ids } = scratch();
    writer = start(path);
    // Each job passes on its own; the dangling parent is found at COMMIT.
    await expect(
      writer.run([[{ name: 'put', params: ['a', null] }], [{ name: 'put', params: ['b', 'ghost'] }]]),
    ).rejects.toMatchObject({
      message: 'FOREIGN KEY constraint failed',
      code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
    });
    expect(ids()).toEqual([]);
    // The thread goes on with the next batch.
    expect(await writer.run([[{ name: 'put', params: ['a', null] }]])).toEqual([null]);
    expect(ids()).toEqual(['a']);
  });

  it('commits the batches sent while it was busy in one transaction, answering each', async () => {
    const { path, ids } = scratch();
    // No automatic checkpoint: the WAL keeps one frame per page per commit, so it counts commits.
    writer = startWriter(path, { statements: STATEMENTS, synchronous: 'NORMAL', walAutocheckpoint: 0 });
    const slow = writer.run([[{ name: 'putSlowly', params: ['a'] }]]);
    const queued = ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((id) =>
      writer!.run([[{ name: 'put', params: [id, null] }]]),
    );
    // One that fails rolls back only itself, also inside the shared transaction.
    const refused = writer.run([[{ name: 'put', params: ['b', null] }]]);
    expect(await slow).toEqual([null]);
    expect(await Promise.all(queued)).toEqual(queued.map(() => [null]));
    expect(await refused).toEqual([
      { message: 'UNIQUE constraint failed: items.id', code: 'SQLITE_CONSTRAINT_PRIMARYKEY' },
    ]);
    expect(ids()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    // Every commit rewrites the two pages of `items` (its table and its key's index): one commit
    // per batch leaves 18 frames or more. The slow batch may commit alone when the thread takes it
    // before this test has sent the rest (a thread runs in parallel: a preempted sender is enough);
    // everything sent during its hundreds of milliseconds then shares one commit: at most 4.
    const read = new Database(path);
    try {
      const [{ log }] = read.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      expect(log).toBeLessThanOrEqual(4);
    } finally {
      read.close();
    }
  });

  it('rejects once the thread is gone and says so once', async () => {
    const { path } = scratch();
    const gone: string[] = [];
    writer = startWriter(path, {
      statements: STATEMENTS,
      synchronous: 'NORMAL',
      walAutocheckpoint: 1000,
      onGone: (e) => gone.push(e.message),
    });
    await writer.close();
    await expect(writer.run([[{ name: 'put', params: ['a', null] }]])).rejects.toThrow(
      'writer: the thread has exited',
    );
    expect(gone).toEqual(['writer: the thread has exited']);
  });
});

describe('a storage whose writer thread is gone', () => {
  it('commits on its connection again and reports the thread once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cm-writer-'));
    const reported: string[] = [];
    storage = openSqliteStorage(join(dir, 'db.sqlite'), {
      writer: 'thread',
      onWriterError: (e) => reported.push(e.message),
    });
    const insert = (id: string) =>
      storage!.atomically({}, () => ({ writes: { insertAnalysis: row(id, 1) }, result: id }));
    expect(await insert('a1')).toBe('a1');
    await storage.writer!.close();
    expect(storage.writer).toBeNull();
    expect(await Promise.all([insert('a2'), insert('a3')])).toEqual(['a2', 'a3']);
    const list = await storage.listAnalyses({ communityId: C, channelId: CH, now: 1, offset: 0, limit: 9 });
    expect(list.rows.map((r) => r.id)).toEqual(['a3', 'a2', 'a1']);
    expect(reported).toEqual(['writer: the thread has exited']);
  });

  it('does not report the thread when the storage itself closes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cm-writer-'));
    const reported: string[] = [];
    const s = openSqliteStorage(join(dir, 'db.sqlite'), {
      writer: 'thread',
      onWriterError: (e) => reported.push(e.message),
    });
    await s.atomically({}, () => ({ writes: { insertAnalysis: row('a1', 1) }, result: null }));
    await s.close();
    expect(reported).toEqual([]);
  });
});
