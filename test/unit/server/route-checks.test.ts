// The checks every route runs first (context.ts `admit`), in one order on every route:
// 401 key, 400 ids, 403 permission/scope, 429 for writes only.
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL, COMMUNITY, type Harness, harness, OTHER_CHANNEL } from './harness';

let h: Harness;
afterEach(async () => h.storage.close());

const BAD = 'not-an-object-id';
const ID = '6502c9e514a3e564c5c09c99';
// [method, path with the id slot, write?]; the channel routes put BAD in the communityId.
const ROUTES: readonly (readonly [string, (id: string) => string, boolean])[] = [
  ['POST', (id) => `/v1/analysis/${id}/channels/${CHANNEL}`, true],
  ['GET', (id) => `/v1/analysis/${id}/channels/${CHANNEL}`, false],
  ['GET', (id) => `/v1/analysis/${id}`, false],
  ['PATCH', (id) => `/v1/analysis/${id}`, true],
  ['DELETE', (id) => `/v1/analysis/${id}`, true],
  ['POST', (id) => `/v1/analysis/${id}/drawings`, true],
  ['GET', (id) => `/v1/analysis/${id}/preview.svg`, false],
];
const codeOf = async (res: Response) => [res.status, ((await res.json()) as { code: string }).code];

describe('route checks', () => {
  it('401 comes before 400 invalid_id, and 400 invalid_id before 403, on every route', async () => {
    h = await harness();
    for (const [method, path] of ROUTES) {
      expect([method, path(BAD), await codeOf(await h.call(method, path(BAD), { key: null }))]).toEqual([
        method,
        path(BAD),
        [401, 'unauthorized'],
      ]);
      const reader = await h.call(method, path(BAD), { key: h.keys.reader });
      expect([method, path(BAD), await codeOf(reader)]).toEqual([method, path(BAD), [400, 'invalid_id']]);
    }
  });
  it('403 for a missing permission on writes, and for a channel outside the key on both channel routes', async () => {
    h = await harness();
    const writes = ROUTES.filter(([, , write]) => write);
    for (const [method, path] of writes) {
      expect(await codeOf(await h.call(method, path(ID), { key: h.keys.reader }))).toEqual([
        403,
        'forbidden',
      ]);
    }
    for (const method of ['POST', 'GET']) {
      const res = await h.call(method, `/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`, {
        key: h.keys.otherChannel,
      });
      expect([method, await codeOf(res)]).toEqual([method, [403, 'forbidden']]);
    }
    const own = await h.call('GET', `/v1/analysis/${COMMUNITY}/channels/${OTHER_CHANNEL}`, {
      key: h.keys.otherChannel,
    });
    expect(own.status).toBe(200);
  });
  it('writes spend a rate token before their body is read; reads spend none', async () => {
    h = await harness({ rateLimit: { capacity: 3, refillPerSecond: 0.001 } });
    const writes: [string, string][] = [
      ['POST', `/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`],
      ['PATCH', `/v1/analysis/${ID}`],
      ['DELETE', `/v1/analysis/${ID}`],
      ['POST', `/v1/analysis/${ID}/drawings`],
    ];
    // Empty bodies and an unknown analysis: three writes get past the limiter, the fourth does not.
    const statuses: number[] = [];
    for (const [method, path] of writes) statuses.push((await h.call(method, path, { raw: '' })).status);
    expect(statuses).toEqual([400, 400, 404, 429]);
    // With the bucket empty, list and get still answer (200; the unknown analysis 404); the
    // preview renders at the cost of a write, so it is limited like one (spec §5.4).
    const reads = ROUTES.filter(([, , write]) => !write);
    const readStatuses: number[] = [];
    for (const [method, path] of reads) readStatuses.push((await h.call(method, path(COMMUNITY))).status);
    expect(readStatuses).toEqual([200, 404, 429]);
  });
});
