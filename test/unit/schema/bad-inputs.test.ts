import { describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import {
  AppendDrawingsRequest,
  CreateAnalysisRequest,
  toErrorEnvelope,
  UpdateAnalysisRequest,
  wireIssues,
} from '../../../src/schema';
import {
  BAD_INPUTS,
  type BadInputSchema,
  VALID_APPEND,
  VALID_CREATE,
  VALID_UPDATE,
} from '../../fixtures/bad-inputs';

const SCHEMAS: Record<BadInputSchema, z.ZodMiniType> = {
  create: CreateAnalysisRequest,
  update: UpdateAnalysisRequest,
  append: AppendDrawingsRequest,
};

describe('bad-input corpus', () => {
  it('holds at least 45 cases with unique names', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(45);
    expect(new Set(BAD_INPUTS.map((c) => c.name)).size).toBe(BAD_INPUTS.length);
  });

  it.each([
    ['create', VALID_CREATE],
    ['update', VALID_UPDATE],
    ['append', VALID_APPEND],
  ] as const)('starts from a valid %s body', (schema, body) => {
    expect(SCHEMAS[schema].safeParse(body).error?.issues).toBeUndefined();
  });

  it.each(BAD_INPUTS.map((c) => [c.name, c] as const))(
    '%s → one issue at its path, top-level code',
    (_n, c) => {
      const result = SCHEMAS[c.schema].safeParse(c.body);
      expect(result.success).toBe(false);
      const issues = wireIssues(result.error!).map(({ path, code }) => ({ path, code }));
      expect(issues).toEqual([{ path: c.path, code: c.code }]);
      expect(toErrorEnvelope(result.error!).code).toBe(c.topCode);
      expect(c.status).toBe(400);
    },
  );
});
