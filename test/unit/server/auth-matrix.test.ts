// The auth matrix (spec §1.2): 6 operations × 9 key situations, every cell's status asserted.
// An analysis of another community answers exactly like a missing one (byte-identical 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelPath, createBody, createExample, type Harness, harness, type Keys } from './harness';

const OPS = ['create', 'list', 'get', 'update', 'delete', 'append'] as const;
type Op = (typeof OPS)[number];
const CASES = [
  'right key',
  'no header',
  'malformed',
  'unknown',
  'expired',
  'revoked',
  'read-only key',
  'other community',
  'channel not allowed',
] as const;
type Case = (typeof CASES)[number];

// 'nf' = the 404 of a missing analysis, byte for byte.
const EXPECTED: Record<Case, Record<Op, number | 'nf'>> = {
  'right key': { create: 201, list: 200, get: 200, update: 200, delete: 200, append: 200 },
  'no header': { create: 401, list: 401, get: 401, update: 401, delete: 401, append: 401 },
  malformed: { create: 401, list: 401, get: 401, update: 401, delete: 401, append: 401 },
  unknown: { create: 401, list: 401, get: 401, update: 401, delete: 401, append: 401 },
  expired: { create: 401, list: 401, get: 401, update: 401, delete: 401, append: 401 },
  revoked: { create: 401, list: 401, get: 401, update: 401, delete: 401, append: 401 },
  'read-only key': { create: 403, list: 200, get: 200, update: 403, delete: 403, append: 403 },
  'other community': { create: 403, list: 403, get: 'nf', update: 'nf', delete: 'nf', append: 'nf' },
  'channel not allowed': { create: 403, list: 403, get: 403, update: 403, delete: 403, append: 403 },
};

const CODE: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' };

function authorization(keys: Keys, c: Case): { key?: string | null; authorization?: string } {
  switch (c) {
    case 'right key':
      return { key: keys.writer };
    case 'no header':
      return { key: null };
    case 'malformed':
      return { authorization: `Token ${keys.writer}` };
    case 'unknown':
      return { key: `cm_${'A'.repeat(43)}` };
    case 'expired':
      return { key: keys.expired };
    case 'revoked':
      return { key: keys.revoked };
    case 'read-only key':
      return { key: keys.reader };
    case 'other community':
      return { key: keys.otherCommunity };
    case 'channel not allowed':
      return { key: keys.otherChannel };
  }
}

const APPEND = {
  sender: 'x@example.com',
  drawings: [
    {
      type: 'HORIZONTAL_LINE',
      clientObjectId: 'h_auth',
      points: [{ time: '2026-01-08T10:00:00Z', price: 1.2 }],
    },
  ],
};

let h: Harness;
let missingBody: string;
beforeAll(async () => {
  h = await harness({ rateLimit: false });
  const res = await h.call('GET', '/v1/analysis/aaaaaaaaaaaaaaaaaaaaaaaa');
  expect(res.status).toBe(404);
  missingBody = await res.text();
});
afterAll(async () => h.storage.close());

async function send(op: Op, id: string, auth: ReturnType<typeof authorization>): Promise<Response> {
  switch (op) {
    case 'create':
      return h.call('POST', channelPath(), {
        ...auth,
        body: createBody(),
      });
    case 'list':
      return h.call('GET', channelPath(), auth);
    case 'get':
      return h.call('GET', `/v1/analysis/${id}`, auth);
    case 'update':
      return h.call('PATCH', `/v1/analysis/${id}`, {
        ...auth,
        body: { sender: 'x@example.com', metadata: { title: 'auth' } },
      });
    case 'delete':
      return h.call('DELETE', `/v1/analysis/${id}`, auth);
    case 'append':
      return h.call('POST', `/v1/analysis/${id}/drawings`, { ...auth, body: APPEND });
  }
}

describe('auth matrix', () => {
  for (const c of CASES) {
    for (const op of OPS) {
      const expected = EXPECTED[c][op];
      it(`${op} with ${c} → ${expected === 'nf' ? '404 like a missing analysis' : expected}`, async () => {
        const id = await createExample(h);
        const res = await send(op, id, authorization(h.keys, c));
        const text = await res.text();
        if (expected === 'nf') {
          expect(res.status).toBe(404);
          expect(text).toBe(missingBody);
        } else {
          expect(res.status).toBe(expected);
          const body = JSON.parse(text) as { status: string; code?: string };
          if (expected >= 400) expect([body.status, body.code]).toEqual(['error', CODE[expected]]);
          else expect(body.status).toBe('success');
        }
        // A refused write leaves the analysis as it was.
        if (typeof expected !== 'number' || expected >= 400) {
          const after = await h.call('GET', `/v1/analysis/${id}`);
          expect(((await after.json()) as { data: { version: number } }).data.version).toBe(1);
        }
      });
    }
  }

  it('the missing-analysis 404 is the envelope not_found', () => {
    expect(JSON.parse(missingBody)).toEqual({
      status: 'error',
      message: 'Analysis not found',
      code: 'not_found',
    });
  });

  it('names the reason of each 401 in the message', async () => {
    const messages: string[] = [];
    for (const c of ['no header', 'malformed', 'unknown', 'expired', 'revoked'] as const) {
      const res = await h.call('GET', channelPath(), authorization(h.keys, c));
      messages.push(((await res.json()) as { message: string }).message);
    }
    expect(messages).toEqual([
      'Authorization header is missing',
      'Authorization must be "Bearer <apiKey or token>"',
      'API key is not valid',
      'API key has expired',
      'API key has been revoked',
    ]);
  });
});
