import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../../../../src/server/storage/sqlite/sqlite-storage';

const CHILD = fileURLToPath(new URL('./checkpoint-crash-child.ts', import.meta.url));
// SQLite's WAL: a 32-byte header, then one 24-byte header and one page per frame.
const walBytes = (frames: number, pageSize: number) => 32 + frames * (24 + pageSize);
const walSize = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});
const fresh = (name: string) => {
  dir = mkdtempSync(join(tmpdir(), 'cm-ckpt-'));
  return join(dir, name);
};

describe('background WAL checkpoints', () => {
  it('turn the request connection’s own checkpoint off and copy its commits from the worker', async () => {
    const file = fresh('db.sqlite');
    const storage = openSqliteStorage(file, { checkpointer: { intervalMs: 60_000 } });
    try {
      expect(storage.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      // Durability is untouched: NORMAL by default (the WAL is synced at checkpoints).
      expect(storage.db.pragma('synchronous', { simple: true })).toBe(1);
      storage.db.exec('CREATE TABLE t (x TEXT)');
      const insert = storage.db.prepare('INSERT INTO t VALUES (?)');
      for (let i = 0; i < 50; i++) insert.run('y'.repeat(4000));
      const [passive] = await storage.checkpointer!.tick();
      expect(passive!.mode).toBe('PASSIVE');
      expect(passive!.log).toBeGreaterThanOrEqual(50);
      expect(passive!.checkpointed).toBe(passive!.log);
      // Nothing written since and everything copied: the next round empties the WAL file.
      const idle = await storage.checkpointer!.tick();
      expect(idle.map((r) => r.mode)).toEqual(['PASSIVE', 'TRUNCATE']);
      expect(walSize(file)).toBe(0);
    } finally {
      await storage.close();
    }
  });

  it('keep the WAL file bounded under sustained writes', async () => {
    const file = fresh('db.sqlite');
    const restartFrames = 50;
    const storage = openSqliteStorage(file, { checkpointer: { intervalMs: 2, restartFrames } });
    const page = storage.db.pragma('page_size', { simple: true }) as number;
    storage.db.exec('CREATE TABLE t (x TEXT)');
    const insert = storage.db.prepare('INSERT INTO t VALUES (?)');
    let largest = 0;
    try {
      // The worker is up (starting a thread takes a while on a busy machine).
      await storage.checkpointer!.tick();
      // 4,000 commits of two pages each, one after another through the storage's queue as the
      // routes make them, each in a task of its own as requests arrive: PASSIVE alone would
      // rarely find the WAL quiet enough to start over.
      for (let i = 0; i < 4000; i++) {
        await new Promise((r) => setImmediate(r));
        await storage.exclusive(() => insert.run('z'.repeat(6000)));
        if (i % 20 === 0) largest = Math.max(largest, walSize(file));
      }
      largest = Math.max(largest, walSize(file));
      // The bound the worker keeps: its restart threshold plus what arrives while it waits for a
      // CPU and its fsyncs finish. Without the RESTART the WAL grows to 13,000-14,100 frames here
      // (tried: red). With it the largest WAL is 400-1,100 frames, also with three busy loops on
      // two cores; one CI run
      // that shared its disk with other test files saw 4,413 (a PASSIVE round stuck in fsync
      // while the writes went on), hence 5,000 frames: a third of the unbounded WAL.
      expect(largest).toBeLessThan(walBytes(restartFrames * 100, page));
    } finally {
      await storage.close();
    }
  });

  it('checkpoint everything, end the worker and leave no WAL behind on close', async () => {
    const file = fresh('db.sqlite');
    const storage = openSqliteStorage(file, { checkpointer: { intervalMs: 60_000 } });
    storage.db.exec('CREATE TABLE t (x TEXT)');
    const insert = storage.db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 100; i++) insert.run('y'.repeat(4000));
    expect(walSize(file)).toBeGreaterThan(100 * 4000);
    const checkpointer = storage.checkpointer!;
    await checkpointer.close();
    // The worker's last TRUNCATE copied every frame and emptied the file.
    expect(walSize(file)).toBe(0);
    await expect(checkpointer.tick()).rejects.toThrow('checkpointer: the worker has exited');
    await storage.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 100 });
    reopened.close();
  });

  it('lose no committed write when the process is killed while checkpointing', async () => {
    const file = fresh('db.sqlite');
    openSqliteStorage(file, { checkpoints: 'inline' }).db.close();
    const acked: string[] = [];
    // Three kills at different points, on the same file: each run starts from what the last
    // kill left (a WAL with frames not yet copied, a checkpoint cut off).
    for (const [run, after] of [
      ['a', 150],
      ['b', 420],
      ['c', 777],
    ] as const) {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
        env: { ...process.env, DATABASE: file, CHECKPOINT_MS: '1', PREFIX: run },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((ok) => child.once('exit', ok));
      let count = 0;
      for await (const line of createInterface({ input: child.stdout! })) {
        acked.push(line);
        if (++count === after) child.kill('SIGKILL');
      }
      await exited;
      expect(count).toBeGreaterThanOrEqual(after);
    }
    const storage = openSqliteStorage(file, { checkpoints: 'inline' });
    try {
      expect(storage.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set(
        (storage.db.prepare('SELECT id FROM analyses').all() as { id: string }[]).map((r) => r.id),
      );
      expect(acked.filter((id) => !ids.has(id))).toEqual([]);
    } finally {
      await storage.close();
    }
  }, 60_000);
});
