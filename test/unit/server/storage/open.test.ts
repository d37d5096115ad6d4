// One backend port: a database setting (plain path, sqlite: URL, postgres:// URL) opens the
// matching storage, and the server, CLI and webhook code run the same on each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/server/cli/run';
import { startServer } from '../../../../src/server/serve';
import { parseDatabase } from '../../../../src/server/storage/database-url';
import { openStorage } from '../../../../src/server/storage/open';
import { addWebhook, listWebhooks } from '../../../../src/server/webhooks/endpoints';
import { freshSchema, TEST_DATABASE_URL } from '../storage-backends';

const dir = mkdtempSync(join(tmpdir(), 'chartmark-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const C = 'aaaaaaaaaaaaaaaaaaaaaaaa';

describe('parseDatabase', () => {
  it('reads plain paths, sqlite: URLs and postgres URLs', () => {
    expect(parseDatabase('.data/x.sqlite')).toEqual({ kind: 'sqlite', path: '.data/x.sqlite' });
    expect(parseDatabase(':memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
    expect(parseDatabase('sqlite:.data/x.sqlite')).toEqual({ kind: 'sqlite', path: '.data/x.sqlite' });
    expect(parseDatabase('sqlite:///var/lib/x.sqlite')).toEqual({
      kind: 'sqlite',
      path: '/var/lib/x.sqlite',
    });
    expect(parseDatabase('sqlite::memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
    expect(parseDatabase('postgresql://u@h/db')).toEqual({ kind: 'postgres', url: 'postgresql://u@h/db' });
  });

  it('refuses an empty setting and a sqlite: URL without a path, naming the rule', () => {
    expect(() => parseDatabase('')).toThrow('database: must not be empty');
    expect(() => parseDatabase('sqlite:')).toThrow('database: "sqlite:" names no SQLite file');
  });
});

describe('openStorage', () => {
  it('opens the same SQLite file through a plain path and a sqlite: URL', async () => {
    const path = join(dir, 'nested', 'a.sqlite');
    const first = await openStorage(`sqlite:${path}`);
    expect(first.kind).toBe('sqlite');
    await addWebhook(first, { communityId: C, url: 'https://hooks.example/a' });
    await first.close();
    const again = await openStorage(path);
    expect((await listWebhooks(again, C)).map((w) => w.url)).toEqual(['https://hooks.example/a']);
    await again.close();
  });

  it('the CLI takes a sqlite: URL in --db', async () => {
    const path = join(dir, 'cli.sqlite');
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    const args = ['webhooks', 'add', '--community', C, '--url', 'https://hooks.example/b'];
    expect(await runCli([...args, '--db', `sqlite:${path}`], {}, io)).toBe(0);
    expect(await runCli(['webhooks', 'list', '--community', C, '--db', path], {}, io)).toBe(0);
    expect(out.at(-1)).toContain('https://hooks.example/b');
    expect(await runCli([...args, '--db', 'sqlite:'], {}, io)).toBe(2);
    expect(out).toContain('chartmark: --db: "sqlite:" names no SQLite file');
  });

  it('startServer({ database }) serves on SQLite', async () => {
    const s = await startServer({ port: 0, database: 'sqlite::memory:', log: () => {} });
    try {
      expect(s.storage.kind).toBe('sqlite');
      expect((await fetch(`${s.url}/health`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  describe.skipIf(!TEST_DATABASE_URL)('on the real PostgreSQL (TEST_DATABASE_URL)', () => {
    it('opens PostgreSQL from its URL, and startServer({ database }) serves on it', async () => {
      const schema = await freshSchema(TEST_DATABASE_URL!);
      const sep = TEST_DATABASE_URL!.includes('?') ? '&' : '?';
      const url = `${TEST_DATABASE_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`;
      try {
        const storage = await openStorage(url, { poolSize: 1 });
        expect(storage.kind).toBe('postgres');
        await addWebhook(storage, { communityId: C, url: 'https://hooks.example/pg' });
        await storage.close();
        const s = await startServer({ port: 0, database: url, log: () => {} });
        try {
          expect(s.storage.kind).toBe('postgres');
          expect((await listWebhooks(s.storage, C)).map((w) => w.url)).toEqual(['https://hooks.example/pg']);
        } finally {
          await s.close();
        }
      } finally {
        await schema.drop();
      }
    });
  });
});
