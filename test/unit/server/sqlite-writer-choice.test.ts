// Which connection commits the server's SQLite writes: CHARTMARK_SQLITE_WRITER, else a writer
// thread exactly when every commit syncs (CHARTMARK_DURABILITY=full).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { durabilityOf, sqliteWriterOf, startServer } from '../../../src/server/serve';
import type { SqliteStorage } from '../../../src/server/storage/sqlite/sqlite-storage';

describe('sqliteWriterOf', () => {
  it('takes the named writer, else a thread only under full durability', () => {
    expect(sqliteWriterOf({})).toBe('connection');
    expect(sqliteWriterOf({ CHARTMARK_DURABILITY: 'normal' })).toBe('connection');
    expect(sqliteWriterOf({ CHARTMARK_DURABILITY: 'full' })).toBe('thread');
    expect(sqliteWriterOf({ CHARTMARK_SQLITE_WRITER: 'thread' })).toBe('thread');
    expect(sqliteWriterOf({ CHARTMARK_SQLITE_WRITER: 'connection', CHARTMARK_DURABILITY: 'full' })).toBe(
      'connection',
    );
    expect(sqliteWriterOf({ CHARTMARK_SQLITE_WRITER: '' })).toBe('connection');
  });

  it('refuses another value, naming the variable', () => {
    expect(() => sqliteWriterOf({ CHARTMARK_SQLITE_WRITER: 'threads' })).toThrow(
      'CHARTMARK_SQLITE_WRITER: expected thread or connection, got "threads"',
    );
  });
});

describe('durabilityOf', () => {
  it('reads full or normal in any case, normal when unset or empty', () => {
    expect(durabilityOf({})).toBe('normal');
    expect(durabilityOf({ CHARTMARK_DURABILITY: '' })).toBe('normal');
    expect(durabilityOf({ CHARTMARK_DURABILITY: 'normal' })).toBe('normal');
    expect(durabilityOf({ CHARTMARK_DURABILITY: 'full' })).toBe('full');
    expect(durabilityOf({ CHARTMARK_DURABILITY: 'FULL' })).toBe('full');
    expect(sqliteWriterOf({ CHARTMARK_DURABILITY: 'Full' })).toBe('thread');
  });

  it('refuses another value, naming the variable, instead of falling back to normal', () => {
    for (const value of ['ful', 'on', '1', 'extra'])
      expect(() => durabilityOf({ CHARTMARK_DURABILITY: value })).toThrow(
        `CHARTMARK_DURABILITY: expected full or normal, got "${value}"`,
      );
    expect(() => sqliteWriterOf({ CHARTMARK_DURABILITY: 'ful' })).toThrow('CHARTMARK_DURABILITY');
  });
});

describe('startServer', () => {
  const saved = { ...process.env };
  let dir = '';
  afterEach(() => {
    process.env.CHARTMARK_DURABILITY = saved.CHARTMARK_DURABILITY;
    process.env.CHARTMARK_SQLITE_WRITER = saved.CHARTMARK_SQLITE_WRITER;
    if (saved.CHARTMARK_DURABILITY === undefined) delete process.env.CHARTMARK_DURABILITY;
    if (saved.CHARTMARK_SQLITE_WRITER === undefined) delete process.env.CHARTMARK_SQLITE_WRITER;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts the writer thread the environment asks for', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cm-choice-'));
    const threads: boolean[] = [];
    for (const [durability, writer] of [
      ['normal', undefined],
      ['full', undefined],
      ['normal', 'thread'],
      ['full', 'connection'],
    ] as const) {
      process.env.CHARTMARK_DURABILITY = durability;
      if (writer) process.env.CHARTMARK_SQLITE_WRITER = writer;
      else delete process.env.CHARTMARK_SQLITE_WRITER;
      const s = await startServer({
        port: 0,
        dbPath: join(dir, `${durability}-${writer}.sqlite`),
        log: () => {},
      });
      threads.push((s.storage as SqliteStorage).writer !== null);
      const res = await fetch(`${s.url}/v1/analysis/000000000000000000000000`);
      expect(res.status).toBe(401);
      await s.close();
    }
    expect(threads).toEqual([false, true, true, false]);
  });

  it('refuses a misspelt durability before it opens the database', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cm-choice-'));
    process.env.CHARTMARK_DURABILITY = 'fulll';
    const dbPath = join(dir, 'never.sqlite');
    await expect(startServer({ port: 0, dbPath, log: () => {} })).rejects.toThrow(
      'CHARTMARK_DURABILITY: expected full or normal, got "fulll"',
    );
    expect(existsSync(dbPath)).toBe(false);
  });
});
