import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { authenticate, createApiKey, hashApiKey, revokeApiKey } from '../../../../src/server/auth/keys';
import { openSqliteStorage, type SqliteStorage } from '../../../../src/server/storage/sqlite/sqlite-storage';

const C = '6502c9e514a3e564c5c09c0a';
let storage: SqliteStorage;
afterEach(async () => storage.close());

describe('API keys', () => {
  it('creates cm_ + 43 base64url characters and stores only the SHA-256 hash and an 8-character prefix', async () => {
    storage = openSqliteStorage(':memory:');
    const { key, id } = await createApiKey(storage, {
      communityId: C,
      channelIds: ['6502c9e514a3e564c5c09c0b'],
      permissions: ['analysis:read'],
      expiresInSeconds: 60,
      now: 1000,
    });
    expect(key).toMatch(/^cm_[A-Za-z0-9_-]{43}$/);
    const rows = storage.db.prepare('SELECT * FROM api_keys').all();
    expect(rows).toEqual([
      {
        id,
        hash: hashApiKey(key),
        prefix: key.slice(0, 8),
        community_id: C,
        channel_ids: '["6502c9e514a3e564c5c09c0b"]',
        permissions: '["analysis:read"]',
        expires_at: 61_000,
        revoked_at: null,
        created_at: 1000,
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(key.slice(8));
  });

  it('refuses an unknown permission, naming the field', async () => {
    storage = openSqliteStorage(':memory:');
    await expect(
      createApiKey(storage, { communityId: C, permissions: ['analysis:admin' as 'analysis:read'] }),
    ).rejects.toThrow(
      'permissions: unknown permission "analysis:admin" (expected analysis:read or analysis:write)',
    );
  });

  it('authenticates until expiry; revocation works once', async () => {
    storage = openSqliteStorage(':memory:');
    const { key } = await createApiKey(storage, {
      communityId: C,
      permissions: ['analysis:write'],
      expiresInSeconds: 10,
      now: 0,
    });
    expect((await authenticate(storage, `Bearer ${key}`, 9_999)).ok).toBe(true);
    expect(await authenticate(storage, `Bearer ${key}`, 10_000)).toEqual({ ok: false, reason: 'expired' });
    expect((await authenticate(storage, `bearer ${key}`, 0)).ok).toBe(true);
    expect(await authenticate(storage, `Basic ${key}`, 0)).toEqual({ ok: false, reason: 'malformed' });
    expect(await authenticate(storage, `Bearer ${key}x`, 0)).toEqual({ ok: false, reason: 'malformed' });
    expect(await authenticate(storage, undefined, 0)).toEqual({ ok: false, reason: 'missing' });
    expect(await revokeApiKey(storage, key, 5)).toBe(true);
    expect(await revokeApiKey(storage, key, 6)).toBe(false);
    expect(await authenticate(storage, `Bearer ${key}`, 5)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('a key the storage keeps in memory is refused at once when another connection revokes or writes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-keys-'));
    const file = join(dir, 'keys.sqlite');
    storage = openSqliteStorage(file);
    const other = openSqliteStorage(file);
    try {
      const a = await createApiKey(storage, { communityId: C, permissions: ['analysis:write'], now: 0 });
      const b = await createApiKey(storage, { communityId: C, permissions: ['analysis:write'], now: 0 });
      expect((await authenticate(storage, `Bearer ${a.key}`, 10)).ok).toBe(true);
      expect((await authenticate(storage, `Bearer ${b.key}`, 10)).ok).toBe(true);
      // The other process's CLI revokes a; its expiry is moved behind the storage's back.
      expect(await revokeApiKey(other, a.key, 20)).toBe(true);
      expect(await authenticate(storage, `Bearer ${a.key}`, 30)).toEqual({ ok: false, reason: 'revoked' });
      other.db.prepare('UPDATE api_keys SET expires_at = 25 WHERE id = ?').run(b.id);
      expect(await authenticate(storage, `Bearer ${b.key}`, 30)).toEqual({ ok: false, reason: 'expired' });
      // Revoked through this very storage: refused at once too.
      const c = await createApiKey(storage, { communityId: C, permissions: ['analysis:write'], now: 0 });
      expect((await authenticate(storage, `Bearer ${c.key}`, 10)).ok).toBe(true);
      expect(await revokeApiKey(storage, c.key, 20)).toBe(true);
      expect(await authenticate(storage, `Bearer ${c.key}`, 30)).toEqual({ ok: false, reason: 'revoked' });
    } finally {
      await other.close();
      await storage.close();
      storage = openSqliteStorage(':memory:');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
