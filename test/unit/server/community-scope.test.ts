// Scope before the document (spec §5 / issue 14 item 6): a lookup by another community is decided
// on the indexed community column, before the document is read or parsed — so it answers like an
// unknown id. Shown by making the stored document unreadable: the owner's reads now fail (500),
// another community's requests still get the plain 404 of an unknown id, on every backend.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import { createApiKey } from '../../../src/server/auth/keys';
import { BACKENDS, type Backend } from './storage-backends';

const OWNER = '6502c9e514a3e564c5c09c0a';
const OTHER = '6502c9e514a3e564c5c09c0d';
const CHANNEL = '6502c9e514a3e564c5c09c0b';
const UNKNOWN = '6502c9e514a3e564c5c0ffff';
const example = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/spec-examples/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
const BODY = example('create-analysis.request.json');
const UPDATE = example('update-analysis.request.json');
const DRAWING = (BODY.drawings as Record<string, unknown>[])[0]!;

for (const kind of BACKENDS) {
  describe.skipIf(kind.skip !== null)(`community scope before the document on ${kind.name}`, () => {
    let b: Backend;
    beforeEach(async () => {
      b = await kind.open();
    }, 90_000);
    afterEach(() => b.dispose());

    it('another community gets the unknown-id 404 without its document being read', async () => {
      const app = createApp({ storage: b.storage, rateLimit: false, logger: () => {} });
      const key = async (communityId: string) =>
        (await createApiKey(b.storage, { communityId, permissions: ['analysis:read', 'analysis:write'] }))
          .key;
      const owner = await key(OWNER);
      const other = await key(OTHER);
      const call = (k: string, method: string, path: string, body?: unknown) =>
        app.request(path, {
          method,
          headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const created = await call(owner, 'POST', `/v1/analysis/${OWNER}/channels/${CHANNEL}`, BODY);
      expect(created.status).toBe(201);
      const id = ((await created.json()) as { data: { id: string } }).data.id;
      // The stored document becomes unparseable: any path that reads it now fails.
      await b.storage.sql.withSession((s) =>
        s.query('UPDATE analyses SET document = $1 WHERE id = $2', ['{not json', id]),
      );
      expect((await call(owner, 'GET', `/v1/analysis/${id}`)).status).toBe(500);

      const asUnknown = async (path: string) => {
        const r = await call(other, 'GET', path.replace(id, UNKNOWN));
        return { status: r.status, body: await r.text() };
      };
      const requests: [string, string, unknown?][] = [
        ['GET', `/v1/analysis/${id}`],
        ['GET', `/v1/analysis/${id}/preview.svg`],
        ['PATCH', `/v1/analysis/${id}`, UPDATE],
        ['DELETE', `/v1/analysis/${id}`],
        [
          'POST',
          `/v1/analysis/${id}/drawings`,
          { sender: BODY.sender, drawings: [{ ...DRAWING, clientObjectId: 'appended' }] },
        ],
      ];
      for (const [method, path, body] of requests) {
        const r = await call(other, method, path, body);
        expect(r.status, `${method} ${path}`).toBe(404);
        if (method === 'GET') expect(await r.text()).toBe((await asUnknown(path)).body);
      }
      // The storage port itself: another community's id reads as null, the owner's still fails.
      expect(await b.storage.getAnalysis(id, OTHER)).toBeNull();
      await expect(b.storage.getAnalysis(id, OWNER)).rejects.toThrow();
      const seen = await b.storage.atomically({ analysisId: id, communityId: OTHER }, (snap) => ({
        writes: {},
        result: snap.analysis,
      }));
      expect(seen).toBeNull();
    });
  });
}
