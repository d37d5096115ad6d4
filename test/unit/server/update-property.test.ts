// Property: for random sequences of updates, updatedFields names exactly the parts whose stored
// value changed, the version moves by one per non-empty update, persisted ids follow their
// clientObjectId, and every link points at an id the analysis holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameJson } from '../../../src/server/analysis/same-json';
import { createBody, createExample, type Harness, harness } from './harness';

type Json = Record<string, unknown>;
type Detail = {
  version: number;
  metadata: Json;
  levels: Record<string, { id: string; clientObjectId: string; price: number; time: string }>;
  drawings: { id: string; clientObjectId: string }[];
  links: { key: string; targetId: string }[];
};

const hline = (id: string, price: number) => ({
  type: 'HORIZONTAL_LINE',
  clientObjectId: id,
  points: [{ time: '2026-01-08T10:00:00Z', price }],
});
const POOL = ['support_zone', 'entry_line', 'target', 'd1', 'd2'];

// Updates stay valid: references only to drawings every drawing set keeps (target), levels in order.
const update = fc.record(
  {
    title: fc.constantFrom('GBPUSD Bullish Bounce from Support', 'A', 'B'),
    comments: fc.constantFrom(null, 'Watch for volume confirmation', 'c1', 'see [[target:t]]'),
    preferenceText: fc.constantFrom('p', 'near [[target:x]]', 'Price bounced from [[target:t]].'),
    expiry: fc.constantFrom(null, { type: 'HOURS', hours: 24 }, { type: 'HOURS', hours: 2 }),
    pivot: fc.constantFrom(
      null,
      { price: 1.345, clientObjectId: 'pivot_main', time: '2026-01-08T12:00:00Z' },
      { price: 1.346, clientObjectId: 'pivot_main', time: '2026-01-08T12:00:00Z' },
      { price: 1.346, clientObjectId: 'pivot_2', time: '2026-01-08T12:00:00Z' },
    ),
    drawings: fc
      .subarray(POOL.slice(0, 2).concat(POOL.slice(3)))
      .map((ids) => [hline('target', 1.355), ...ids.map((id, i) => hline(id, 1 + i / 100))]),
  },
  { requiredKeys: [] },
);

function bodyOf(u: Partial<Json>): Json {
  const metadata: Json = {};
  for (const k of ['title', 'comments', 'preferenceText', 'expiry']) if (k in u) metadata[k] = u[k];
  const body: Json = { sender: 'p@example.com' };
  if (Object.keys(metadata).length > 0) body.metadata = metadata;
  if ('pivot' in u) body.levels = { pivot: u.pivot };
  if ('drawings' in u) body.drawings = u.drawings;
  return body;
}

const strip = <T extends { id?: string }>(x: T) => {
  const { id: _id, ...rest } = x;
  return rest;
};

async function detail(h: Harness, id: string): Promise<Detail> {
  return ((await (await h.call('GET', `/v1/analysis/${id}`)).json()) as { data: Detail }).data;
}

describe('update property', () => {
  it('updatedFields, version, ids and links agree with the stored state over random update sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(update, { minLength: 1, maxLength: 6 }), async (updates) => {
        const h = await harness({ rateLimit: false });
        const id = await createExample(h, {
          metadata: {
            ...(createBody().metadata as Json),
            preferenceText: 'at [[target:t]]',
          },
        });
        try {
          for (const u of updates) {
            const body = bodyOf(u);
            const before = await detail(h, id);
            const res = await h.call('PATCH', `/v1/analysis/${id}`, { body });
            if (!('metadata' in body) && !('levels' in body) && !('drawings' in body)) {
              expect(res.status).toBe(400);
              continue;
            }
            expect(res.status).toBe(200);
            const { updatedFields, version } = (
              (await res.json()) as { data: { updatedFields: string[]; version: number } }
            ).data;
            const after = await detail(h, id);
            const changed: string[] = [];
            for (const k of ['title', 'preferenceText', 'alternativeText', 'comments', 'expiry']) {
              if (!sameJson(before.metadata[k], after.metadata[k])) changed.push(k);
            }
            if (!sameJson(before.levels, after.levels)) changed.push('levels');
            if (!sameJson(before.drawings, after.drawings)) changed.push('drawings');
            if (!sameJson(before.links, after.links)) changed.push('links');
            expect(updatedFields).toEqual(changed);
            expect([version, after.version]).toEqual(
              changed.length > 0
                ? [before.version + 1, before.version + 1]
                : [before.version, before.version],
            );
            // Ids follow clientObjectIds across the update.
            for (const d of after.drawings) {
              const old = before.drawings.find((x) => x.clientObjectId === d.clientObjectId);
              if (old) expect(d.id).toBe(old.id);
            }
            if ('drawings' in body) expect(after.drawings.map(strip)).toEqual(body.drawings);
            const ids = new Set([
              ...after.drawings.map((d) => d.id),
              ...Object.values(after.levels).map((l) => l.id),
            ]);
            for (const link of after.links) expect(ids.has(link.targetId)).toBe(true);
          }
        } finally {
          await h.storage.close();
        }
      }),
      { numRuns: 60, seed: 20260108 },
    );
  }, 60_000);
});
