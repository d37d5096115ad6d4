import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AppendDrawingsRequest,
  CreateAnalysisRequest,
  createRequestFromDomain,
  UpdateAnalysisRequest,
} from '../../../src/schema';
import { compileAcceptor, fullSafeParse, hasFastPath, withFastPath } from '../../../src/schema/fast-path';
import { BAD_INPUTS, VALID_APPEND, VALID_CREATE, VALID_UPDATE } from '../../fixtures/bad-inputs';
import { analysis } from './arbitraries';

const SCHEMAS = {
  create: CreateAnalysisRequest,
  update: UpdateAnalysisRequest,
  append: AppendDrawingsRequest,
};
const example = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/spec-examples/${name}`, import.meta.url), 'utf8'));

type Json = unknown;

/** Every path into a JSON value (objects and arrays), the root included. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) out.push(...paths(value[i], [...prefix, i]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

/** A copy of `body` with the value at `path` replaced (or deleted, or given an extra key). */
function mutate(body: Json, path: (string | number)[], how: 'set' | 'delete' | 'extra', value: Json): Json {
  const copy = structuredClone(body);
  if (path.length === 0) return how === 'set' ? value : copy;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 'delete' && !Array.isArray(parent)) delete parent[last];
  else if (
    how === 'extra' &&
    typeof parent[last] === 'object' &&
    parent[last] !== null &&
    !Array.isArray(parent[last])
  )
    (parent[last] as Record<string, unknown>).extraKey = value;
  else parent[last] = value;
  return copy;
}

describe('fast path', () => {
  it('is compiled for every request schema', () => {
    expect([CreateAnalysisRequest, UpdateAnalysisRequest, AppendDrawingsRequest].map(hasFastPath)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('is left out (and the schema still works) when a schema holds a transform', () => {
    const schema = z.strictObject({ n: z.string().transform(Number) });
    expect(compileAcceptor(schema)).toBeNull();
    expect(hasFastPath(withFastPath(schema))).toBe(false);
    expect(schema.parse({ n: '2' })).toEqual({ n: 2 });
  });

  it('accepts the valid bodies and the documented examples, returning them unchanged', () => {
    const valid = [
      [CreateAnalysisRequest, VALID_CREATE],
      [CreateAnalysisRequest, example('create-analysis.request.json')],
      [UpdateAnalysisRequest, VALID_UPDATE],
      [UpdateAnalysisRequest, example('update-analysis.request.json')],
      [AppendDrawingsRequest, VALID_APPEND],
    ] as const;
    for (const [schema, body] of valid) {
      expect(compileAcceptor(schema)!(body)).toBe(true);
      expect(fullSafeParse(schema, body)).toEqual({ success: true, issueCount: 0, data: body });
      expect(schema.safeParse(body).data).toBe(body);
    }
  });

  it.each(BAD_INPUTS.map((c) => [c.name, c] as const))('rejects bad input: %s', (_n, c) => {
    expect(compileAcceptor(SCHEMAS[c.schema])!(c.body)).toBe(false);
  });

  it('agrees with zod on 1,500 random mutations of a valid create body', () => {
    const accept = compileAcceptor(CreateAnalysisRequest)!;
    const all = paths(VALID_CREATE);
    const mutation = fc.tuple(
      fc.constantFrom(...all),
      fc.constantFrom('set', 'delete', 'extra') as fc.Arbitrary<'set' | 'delete' | 'extra'>,
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom('', 'x', '#00FF00', '2026-02-30T00:00:00Z', '2026-01-08T00:00:00Z', 0, 11, -6, null),
      ),
    );
    fc.assert(
      fc.property(mutation, ([path, how, value]) => {
        const body = mutate(VALID_CREATE, path, how, value);
        expect(accept(body)).toBe(fullSafeParse(CreateAnalysisRequest, body).success);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('accepts every generated valid create body', () => {
    const accept = compileAcceptor(CreateAnalysisRequest)!;
    fc.assert(
      fc.property(analysis(false), (a) => {
        const body = JSON.parse(JSON.stringify(createRequestFromDomain(a)));
        expect(fullSafeParse(CreateAnalysisRequest, body).success).toBe(true);
        expect(accept(body)).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
