// A create stores its drawings as one run and their clientObjectIds as rows of their own; an
// append writes only its new drawings' run and ids and reads none of the stored drawings: with
// the stored run's JSON made unreadable, an append (no webhook endpoint, so no snapshot) still
// succeeds, adds exactly its run at the next position and its ids, and moves count and version,
// while a GET — which must read them — fails. Then a PATCH that reorders and removes drawings
// rewrites them as one run, and a delete leaves no row behind. On every backend.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../../src/server/app';
import { createApiKey } from '../../../../src/server/auth/keys';
import { channelPath, COMMUNITY, createBody, T0 } from '../harness';
import { BACKENDS, type Backend } from '../storage-backends';

const SENDER = 'pangray2025+t5@gmail.com';
const line = (clientObjectId: string) => ({
  type: 'LINE',
  clientObjectId,
  points: [
    { time: '2026-01-08T10:00:00Z', price: 1.3 },
    { time: '2026-01-08T11:00:00Z', price: 1.31 },
  ],
});

for (const kind of BACKENDS) {
  if (kind.skip) console.log(`append rows on ${kind.name}: skipped, ${kind.skip}`);
  describe.skipIf(kind.skip !== null)(`drawing rows on ${kind.name}`, () => {
    let b: Backend;
    beforeEach(async () => {
      b = await kind.open();
    }, 180_000);
    afterEach(async () => b?.dispose());

    // SQLite keys the drawing tables by the analysis's integer key (migration 4), PostgreSQL by its id.
    const byId = () =>
      b.storage.kind === 'sqlite'
        ? 'analysis_key = (SELECT key FROM analyses WHERE id = $1)'
        : 'analysis_id = $1';
    const runs = (id: string) =>
      b.storage.sql.withSession(async (s) =>
        (
          await s.query(
            `SELECT position, json FROM analysis_drawing_runs WHERE ${byId()} ORDER BY position`,
            [id],
          )
        ).rows.map((r) => [Number(r.position), String(r.json)] as const),
      );
    const clientIds = (id: string) =>
      b.storage.sql.withSession(async (s) =>
        (
          await s.query(
            `SELECT client_object_id FROM analysis_client_object_ids WHERE ${byId()} ORDER BY client_object_id`,
            [id],
          )
        ).rows.map((r) => String(r.client_object_id)),
      );
    const sorted = (ids: string[]) => [...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

    it('append touches only its own rows; PATCH rewrites positions; delete removes them', async () => {
      const app = createApp({ storage: b.storage, now: () => T0, logger: () => {}, rateLimit: false });
      const { key } = await createApiKey(b.storage, {
        communityId: COMMUNITY,
        permissions: ['analysis:read', 'analysis:write'],
        now: T0 - 1000,
      });
      const call = (method: string, path: string, body?: unknown) =>
        app.request(path, {
          method,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const created = await call('POST', channelPath(), createBody());
      expect(created.status).toBe(201);
      const detail = (
        (await created.json()) as { data: { id: string; drawings: { clientObjectId: string }[] } }
      ).data;
      const ids = detail.drawings.map((d) => d.clientObjectId);
      expect(await runs(detail.id)).toEqual([[0, JSON.stringify(detail.drawings)]]);
      expect(await clientIds(detail.id)).toEqual(sorted(ids));

      // Every stored drawing unreadable: whatever parses them now fails.
      await b.storage.sql.withSession((s) =>
        s.query(`UPDATE analysis_drawing_runs SET json = '[broken]' WHERE ${byId()}`, [detail.id]),
      );
      expect((await call('GET', `/v1/analysis/${detail.id}`)).status).toBe(500);
      const appended = await call('POST', `/v1/analysis/${detail.id}/drawings`, {
        sender: SENDER,
        drawings: [line('x1'), line('x2')],
      });
      expect(appended.status).toBe(200);
      expect(appended.headers.get('etag')).toBe('"2"');
      expect(((await appended.json()) as { data: unknown }).data).toMatchObject({
        totalDrawings: 5,
        version: 2,
      });
      // A clash with a stored drawing is found without reading it.
      const clash = await call('POST', `/v1/analysis/${detail.id}/drawings`, {
        sender: SENDER,
        drawings: [line(ids[1]!)],
      });
      expect(clash.status).toBe(409);
      const after = await runs(detail.id);
      expect(after.map((r) => r[0])).toEqual([0, 3]);
      expect(after[0]![1]).toBe('[broken]');
      const appendedRun = JSON.parse(after[1]![1]) as unknown[];
      expect(appendedRun.length).toBe(2);
      expect(appendedRun[0]).toMatchObject(line('x1'));
      expect(appendedRun[1]).toMatchObject(line('x2'));
      expect(await clientIds(detail.id)).toEqual(sorted([...ids, 'x1', 'x2']));

      // Readable again, then a PATCH that drops one and reverses the rest: one run at 0 anew.
      await b.storage.sql.withSession((s) =>
        s.query(`DELETE FROM analysis_drawing_runs WHERE ${byId()} AND json = '[broken]'`, [detail.id]),
      );
      await b.storage.sql.withSession((s) =>
        s.query(
          `DELETE FROM analysis_client_object_ids WHERE ${byId()} AND client_object_id NOT IN ('x1', 'x2')`,
          [detail.id],
        ),
      );
      await b.storage.sql.withSession((s) =>
        s.query('UPDATE analyses SET drawing_count = 2 WHERE id = $1', [detail.id]),
      );
      await b.storage.sql.withSession((s) =>
        s.query(`UPDATE analysis_drawing_runs SET position = position - 3 WHERE ${byId()}`, [detail.id]),
      );
      // The example's text references its drawings, so it goes with them.
      const patched = await call('PATCH', `/v1/analysis/${detail.id}`, {
        sender: SENDER,
        metadata: { preferenceText: null },
        drawings: [line('x2'), line('y')],
      });
      expect(patched.status, await patched.clone().text()).toBe(200);
      const rewritten = await runs(detail.id);
      expect(rewritten.map((r) => r[0])).toEqual([0]);
      expect(
        (JSON.parse(rewritten[0]![1]) as { clientObjectId: string }[]).map((d) => d.clientObjectId),
      ).toEqual(['x2', 'y']);
      expect(await clientIds(detail.id)).toEqual(['x2', 'y']);
      const got = (await (await call('GET', `/v1/analysis/${detail.id}`)).json()) as {
        data: { drawings: { clientObjectId: string }[]; version: number };
      };
      expect(got.data.drawings.map((d) => d.clientObjectId)).toEqual(['x2', 'y']);
      expect(got.data.version).toBe(3);

      expect((await call('DELETE', `/v1/analysis/${detail.id}`)).status).toBe(200);
      expect(await runs(detail.id)).toEqual([]);
      expect(await clientIds(detail.id)).toEqual([]);
    }, 180_000);
  });
}
