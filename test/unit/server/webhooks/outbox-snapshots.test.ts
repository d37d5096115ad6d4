// Outbox amplification (spec §5.5, issue 14 item 7) on every backend: a write stores its outbox
// snapshot only while its community has an active webhook endpoint — none before one is added,
// one per write while it is active, none again once it is disabled, and never for another
// community's endpoint.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../../src/server/app';
import { createApiKey } from '../../../../src/server/auth/keys';
import { addWebhook, disableWebhook } from '../../../../src/server/webhooks/endpoints';
import { BACKENDS, type Backend } from '../storage-backends';

const C = '6502c9e514a3e564c5c09c0a';
const OTHER = '6502c9e514a3e564c5c09c0d';
const CHANNEL = '6502c9e514a3e564c5c09c0b';
const example = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../fixtures/spec-examples/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
const { idempotencyKey: _k, ...CREATE } = example('create-analysis.request.json');
const UPDATE = example('update-analysis.request.json');
const DRAWING = (CREATE.drawings as Record<string, unknown>[])[0]!;

for (const kind of BACKENDS) {
  describe.skipIf(kind.skip !== null)(`outbox snapshots on ${kind.name}`, () => {
    let b: Backend;
    beforeEach(async () => {
      b = await kind.open();
    }, 90_000);
    afterEach(() => b.dispose());

    it('stores a snapshot only while the community has an active endpoint', async () => {
      const app = createApp({ storage: b.storage, rateLimit: false, logger: () => {} });
      const { key } = await createApiKey(b.storage, {
        communityId: C,
        permissions: ['analysis:read', 'analysis:write'],
      });
      const call = async (method: string, path: string, body?: unknown) => {
        const r = await app.request(path, {
          method,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
        return (await r.json()) as { data: { id: string } };
      };
      let n = 0;
      // Create, append, update, delete: four writes, each with an event.
      const writes = async () => {
        const id = (await call('POST', `/v1/analysis/${C}/channels/${CHANNEL}`, CREATE)).data.id;
        await call('POST', `/v1/analysis/${id}/drawings`, {
          sender: CREATE.sender,
          drawings: [{ ...DRAWING, clientObjectId: `more_${n++}` }],
        });
        await call('PATCH', `/v1/analysis/${id}`, { ...UPDATE, metadata: { title: `Changed ${n}` } });
        await call('DELETE', `/v1/analysis/${id}`);
      };
      const outbox = async () => (await b.storage.readOutbox(0, 1000)).map((e) => e.event);

      await writes();
      expect(await outbox()).toEqual([]);

      // An endpoint of another community changes nothing here.
      await addWebhook(b.storage, { communityId: OTHER, url: 'https://hooks.example/other' });
      await writes();
      expect(await outbox()).toEqual([]);

      const { id: endpoint } = await addWebhook(b.storage, {
        communityId: C,
        url: 'https://hooks.example/c',
      });
      await writes();
      expect(await outbox()).toEqual([
        'create_analysis',
        'update_analysis',
        'update_analysis',
        'delete_analysis',
      ]);

      expect(await disableWebhook(b.storage, endpoint)).toBe(true);
      await writes();
      expect(await outbox()).toHaveLength(4);
    });
  });
}
