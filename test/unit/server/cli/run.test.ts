import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authenticate } from '../../../../src/server/auth/keys';
import { runCli } from '../../../../src/server/cli/run';
import { openSqliteStorage } from '../../../../src/server/storage/sqlite/sqlite-storage';
import { listWebhooks } from '../../../../src/server/webhooks/endpoints';
import { startWebhookWorker } from '../../../../src/server/webhooks/worker';

const C = '6502c9e514a3e564c5c09c0a';
const CH = '6502c9e514a3e564c5c09c0b';

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'cm-cli-')), 'nested', 'db.sqlite');

describe('runCli', () => {
  it('keys create prints the key alone on the last line, and the key authenticates with its scope', async () => {
    const db = tempDb();
    const r = await run([
      'keys',
      'create',
      '--db',
      db,
      '--community',
      C,
      '--permissions',
      'analysis:read',
      '--channels',
      CH,
      '--expires-in',
      '60',
    ]);
    expect(r.code).toBe(0);
    const key = r.out.at(-1)!;
    expect(key).toMatch(/^cm_[A-Za-z0-9_-]{43}$/);
    expect(r.out[0]).toMatch(new RegExp(`^Created API key [0-9a-f]{24} for community ${C}$`));
    const storage = openSqliteStorage(db);
    try {
      const auth = await authenticate(storage, `Bearer ${key}`, Date.now());
      expect(auth.ok).toBe(true);
      if (auth.ok) {
        expect(auth.key.permissions).toEqual(['analysis:read']);
        expect(auth.key.channelIds).toEqual([CH]);
        expect(auth.key.communityId).toBe(C);
        expect(auth.key.expiresAt! - auth.key.createdAt).toBe(60_000);
      }
    } finally {
      await storage.close();
    }
  });

  it('keys revoke revokes once, then reports the key as unknown', async () => {
    const db = tempDb();
    const key = (
      await run(['keys', 'create', '--db', db, '--community', C, '--permissions', 'analysis:write'])
    ).out.at(-1)!;
    expect(await run(['keys', 'revoke', '--db', db, '--key', key])).toEqual({
      code: 0,
      out: ['Revoked.'],
      err: [],
    });
    expect(await run(['keys', 'revoke', '--db', db, '--key', key])).toEqual({
      code: 1,
      out: [],
      err: ['chartmark: --key: no such active key in this database'],
    });
    const storage = openSqliteStorage(db);
    expect(await authenticate(storage, `Bearer ${key}`, Date.now())).toEqual({
      ok: false,
      reason: 'revoked',
    });
    await storage.close();
  });

  it('webhooks add prints the signing secret last; webhooks list shows the endpoint; CHARTMARK_DB is the default', async () => {
    const db = tempDb();
    const add = await run(['webhooks', 'add', '--community', C, '--url', 'https://hooks.example/x'], {
      CHARTMARK_DB: db,
    });
    expect(add.code).toBe(0);
    expect(add.out.at(-1)).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = await run(['webhooks', 'list', '--community', C, '--db', db]);
    expect(list.out).toHaveLength(1);
    expect(list.out[0]).toMatch(/^[0-9a-f]{24} {2}https:\/\/hooks\.example\/x {2}active {2}added \d{4}-/);
    const storage = openSqliteStorage(db);
    expect((await listWebhooks(storage, C)).map((h) => h.url)).toEqual(['https://hooks.example/x']);
    await storage.close();
    expect((await run(['webhooks', 'list', '--community', CH, '--db', db])).out).toEqual([
      'No webhooks for this community.',
    ]);
  });

  it('webhooks disable stops an endpoint once; a second disable or an unknown id exits 1', async () => {
    const db = tempDb();
    await run(['webhooks', 'add', '--community', C, '--url', 'https://hooks.example/x', '--db', db]);
    const id = (await run(['webhooks', 'list', '--community', C, '--db', db])).out[0]!.slice(0, 24);
    expect(await run(['webhooks', 'disable', '--id', id, '--db', db])).toMatchObject({
      code: 0,
      out: [`Disabled webhook ${id}.`],
    });
    expect((await run(['webhooks', 'list', '--community', C, '--db', db])).out[0]).toContain('  disabled  ');
    expect(await run(['webhooks', 'disable', '--id', id, '--db', db])).toMatchObject({
      code: 1,
      err: ['chartmark: --id: no such active webhook endpoint in this database'],
    });
  });

  it('webhooks list shows how many deliveries of each endpoint are pending, delivered and given up', async () => {
    const db = tempDb();
    await run(['webhooks', 'add', '--community', C, '--url', 'https://hooks.example/x', '--db', db]);
    const id = (await run(['webhooks', 'list', '--community', C, '--db', db])).out[0]!.slice(0, 24);
    expect((await run(['webhooks', 'list', '--community', C, '--db', db])).out[0]).toMatch(
      / {2}pending 0, delivered 0, given up 0$/,
    );
    const storage = openSqliteStorage(db);
    const insert = storage.db.prepare(
      "INSERT INTO outbox (community_id, analysis_id, event, updated_fields, data, occurred_at) VALUES (?, ?, 'create_analysis', '[]', '{}', 0)",
    );
    for (const a of ['fails', 'ok']) insert.run(C, a);
    let clock = 0;
    const worker = startWebhookWorker({
      storage,
      now: () => clock,
      intervalMs: 0,
      random: () => 0.5,
      maxAgeMs: 500,
      lookup: async () => [{ address: '93.184.216.34', family: 4 }],
      // Only 'ok' is answered with 200.
      fetch: async (_url, init) =>
        new Response(null, { status: JSON.parse(String(init!.body)).analysisId === 'ok' ? 200 : 500 }),
    });
    await worker.drain(); // fails: 1st attempt; ok: delivered
    insert.run(C, 'later');
    clock = 1000;
    await worker.drain(); // fails: given up (1 s > 500 ms); later: 1st attempt, waits for a retry
    await worker.stop();
    await storage.close();
    expect((await run(['webhooks', 'list', '--community', C, '--db', db])).out).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${id} {2}https://hooks\\.example/x {2}active {2}added .* {2}pending 1, delivered 1, given up 1$`,
        ),
      ),
    ]);
  });

  it('webhooks add refuses a private IP literal with exit 2, unless CHARTMARK_WEBHOOK_ALLOW_PRIVATE=1', async () => {
    const db = tempDb();
    const argv = ['webhooks', 'add', '--community', C, '--url', 'http://10.0.0.5/in', '--db', db];
    expect(await run(argv)).toEqual({
      code: 2,
      out: [],
      err: [
        'chartmark: --url: host resolves to 10.0.0.5, a private address; set CHARTMARK_WEBHOOK_ALLOW_PRIVATE=1 to allow',
        'Run with --help for usage.',
      ],
    });
    expect((await run(argv, { CHARTMARK_WEBHOOK_ALLOW_PRIVATE: '1' })).code).toBe(0);
  });

  it('webhooks prune deletes what finished more than N days ago and says how much', async () => {
    const db = tempDb();
    await run(['webhooks', 'add', '--community', C, '--url', 'https://hooks.example/x', '--db', db]);
    const storage = openSqliteStorage(db);
    const old = Date.now() - 40 * 86_400_000;
    storage.db
      .prepare(
        "INSERT INTO outbox (community_id, analysis_id, event, updated_fields, data, occurred_at) VALUES (?, 'a', 'create_analysis', '[]', '{}', ?)",
      )
      .run(C, old);
    const worker = startWebhookWorker({
      storage,
      now: () => old,
      intervalMs: 0,
      lookup: async () => [{ address: '93.184.216.34', family: 4 }],
      fetch: async () => new Response(null, { status: 204 }),
    });
    expect(await worker.drain()).toEqual({ attempted: 1, delivered: 1 });
    await worker.stop();
    await storage.close();
    expect(await run(['webhooks', 'prune', '--older-than-days', '41', '--db', db])).toEqual({
      code: 0,
      out: ['Pruned 0 finished deliveries (0 logged attempts) and 0 outbox rows older than 41 days.'],
      err: [],
    });
    expect(await run(['webhooks', 'prune', '--db', db])).toEqual({
      code: 0,
      out: ['Pruned 1 finished deliveries (1 logged attempts) and 1 outbox rows older than 30 days.'],
      err: [],
    });
  });

  it('a usage error exits 2 with the flag and the rule on stderr', async () => {
    expect(await run(['keys', 'create', '--community', C, '--permissions', 'nope'])).toEqual({
      code: 2,
      out: [],
      err: [
        'chartmark: --permissions: "nope" is not one of analysis:read, analysis:write',
        'Run with --help for usage.',
      ],
    });
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Usage: npm run chartmark -- <command> \[flags\]/);
  });
});
