// Must-show 5: ≥ 10,000 JSON bodies carrying `__proto__`, `constructor` and `prototype` keys at
// random depths — written as raw JSON text, so `__proto__` is an own key as a hostile client
// would send it — through every write route. Nothing may reach Object.prototype, nothing may
// answer 500, and every answer must be a spec envelope.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AppendDrawingsResponse,
  CreateAnalysisResponse,
  DeleteAnalysisResponse,
  ErrorResponse,
  UpdateAnalysisResponse,
} from '../../../src/schema';
import { createApp } from '../../../src/server/app';
import { createApiKey } from '../../../src/server/auth/keys';
import { openSqliteStorage, type SqliteStorage } from '../../../src/server/storage/sqlite/sqlite-storage';

const COMMUNITY = '6502c9e514a3e564c5c09c0a';
const CHANNEL = '6502c9e514a3e564c5c09c0b';
const CREATE = JSON.parse(
  readFileSync(new URL('../../fixtures/spec-examples/create-analysis.request.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const UPDATE = { sender: 'a@b.co', metadata: { title: 'New title' }, levels: { pivot: null } };
const APPEND = {
  sender: 'a@b.co',
  drawings: [
    {
      type: 'LINE',
      clientObjectId: 'fuzz_line',
      points: [
        { time: '2026-01-08T00:00:00Z', price: 1.34 },
        { time: '2026-01-09T00:00:00Z', price: 1.35 },
      ],
      style: { color: '#112233' },
    },
  ],
};

// A JSON tree whose objects are ordered entry lists, so any key — `__proto__` included — is
// written verbatim into the text instead of going through an object literal.
type Node = null | boolean | number | string | Node[] | { entries: [string, Node][] };

function toNode(v: unknown): Node {
  if (Array.isArray(v)) return v.map(toNode);
  if (v !== null && typeof v === 'object')
    return { entries: Object.entries(v).map(([k, x]) => [k, toNode(x)]) };
  return v as Node;
}

function text(n: Node): string {
  if (Array.isArray(n)) return `[${n.map(text).join(',')}]`;
  if (n !== null && typeof n === 'object')
    return `{${n.entries.map(([k, v]) => `${JSON.stringify(k)}:${text(v)}`).join(',')}}`;
  return JSON.stringify(n);
}

function objectsIn(n: Node, out: { entries: [string, Node][] }[] = []): { entries: [string, Node][] }[] {
  if (Array.isArray(n)) for (const x of n) objectsIn(x, out);
  else if (n !== null && typeof n === 'object') {
    out.push(n);
    for (const [, v] of n.entries) objectsIn(v, out);
  }
  return out;
}

const POISON_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const leaf = fc.oneof(
  fc.constant<Node>(true),
  fc.constant<Node>('polluted'),
  fc.integer().map<Node>((x) => x),
  fc.constant<Node>(null),
);
// Values that would pollute if merged naively: {"polluted":…}, {"prototype":{"polluted":…}}, …
const poisonValue: fc.Arbitrary<Node> = fc.letrec<{ v: Node }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    leaf.map<Node>((x) => ({ entries: [['polluted', x]] })),
    fc
      .tuple(fc.constantFrom(...POISON_KEYS, 'polluted', 'title'), tie('v'))
      .map<Node>(([k, x]) => ({ entries: [[k, x]] })),
    fc.array(tie('v'), { maxLength: 2 }),
  ),
})).v;

/** A base body with 1–3 poison keys inserted into randomly chosen objects (any depth). */
function poisoned(base: unknown): fc.Arbitrary<string> {
  return fc
    .array(
      fc.record({
        at: fc.nat(),
        key: fc.constantFrom(...POISON_KEYS),
        value: poisonValue,
        position: fc.nat(),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((inserts) => {
      const tree = toNode(base);
      const objects = objectsIn(tree);
      for (const ins of inserts) {
        const target = objects[ins.at % objects.length]!;
        target.entries.splice(ins.position % (target.entries.length + 1), 0, [ins.key, ins.value]);
      }
      return text(tree);
    });
}

const ROUTES = ['create', 'update', 'append', 'delete'] as const;
type Route = (typeof ROUTES)[number];
const BASE: Record<Route, unknown> = {
  create: CREATE,
  update: UPDATE,
  append: APPEND,
  delete: { sender: 'a@b.co' },
};
const SUCCESS = {
  create: CreateAnalysisResponse,
  update: UpdateAnalysisResponse,
  append: AppendDrawingsResponse,
  delete: DeleteAnalysisResponse,
};

let storage: SqliteStorage;
let app: ReturnType<typeof createApp>;
let key: string;
let target: string;
const deleteTargets: string[] = [];
const before = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  func: Object.getOwnPropertyNames(Function.prototype).sort(),
};

const auth = () => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

async function createOne(): Promise<string> {
  const { idempotencyKey: _ignored, ...body } = CREATE;
  const res = await app.request(`/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`, {
    method: 'POST',
    headers: auth(),
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { id: string } }).data.id;
}

beforeAll(async () => {
  storage = openSqliteStorage(':memory:');
  // No rate limit in the way: this test is about parsing, not throttling.
  app = createApp({ storage, rateLimit: false });
  ({ key } = await createApiKey(storage, {
    communityId: COMMUNITY,
    permissions: ['analysis:read', 'analysis:write'],
  }));
  target = await createOne();
  for (let i = 0; i < 20; i++) deleteTargets.push(await createOne());
});
afterAll(async () => {
  await storage.close();
});

function request(route: Route, body: string, n: number): Promise<Response> | Response {
  switch (route) {
    case 'create':
      return app.request(`/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`, {
        method: 'POST',
        headers: auth(),
        body,
      });
    case 'update':
      return app.request(`/v1/analysis/${target}`, { method: 'PATCH', headers: auth(), body });
    case 'append':
      return app.request(`/v1/analysis/${target}/drawings`, { method: 'POST', headers: auth(), body });
    case 'delete':
      return app.request(`/v1/analysis/${deleteTargets[n % deleteTargets.length]}`, {
        method: 'DELETE',
        headers: auth(),
        body,
      });
  }
}

describe('prototype pollution fuzz', () => {
  it('10,000 poisoned bodies through create, update, append and delete: no pollution, no 500, only envelopes', async () => {
    const statuses = new Map<string, number>();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES).chain((route) => poisoned(BASE[route]).map((body) => ({ route, body }))),
        async ({ route, body }) => {
          const res = await request(route, body, n++);
          const json = (await res.json()) as { status: string };
          statuses.set(`${route} ${res.status}`, (statuses.get(`${route} ${res.status}`) ?? 0) + 1);
          expect(res.status).not.toBe(500);
          if (res.status < 300) SUCCESS[route].parse(json);
          else ErrorResponse.parse(json);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before.object);
        },
      ),
      { numRuns: 10_000, seed: 20260109 },
    );
    expect(n).toBe(10_000);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(before.array);
    expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(before.func);
    expect(Object.prototype.toString.call(Object.create(null))).toBe('[object Object]');
    // Every route was exercised, and the poisoned write bodies were refused.
    for (const route of ['create', 'update', 'append'] as const) {
      const total = [...statuses].filter(([k]) => k.startsWith(route)).reduce((s, [, c]) => s + c, 0);
      expect(total).toBeGreaterThan(2000);
      expect(statuses.get(`${route} 400`)).toBe(total);
    }
    // The stored analysis carries no poison key.
    const stored = await (await app.request(`/v1/analysis/${target}`, { headers: auth() })).text();
    expect(stored).not.toMatch(/__proto__|polluted|"constructor"|"prototype"/);
  }, 120_000);
});
