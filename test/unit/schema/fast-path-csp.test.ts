// Under a Content-Security-Policy without 'unsafe-eval', `new Function` throws EvalError: the schemas
// must fall back to zod's own path by themselves, and try eval only once per page.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/spec-examples/${name}`, import.meta.url), 'utf8'));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('schema fast path where eval is forbidden (strict CSP)', () => {
  it('falls back to zod for every request schema after one refused eval, with the same verdicts', async () => {
    let attempts = 0;
    vi.stubGlobal('Function', function refusedByCsp(...args: string[]) {
      // Ours compile with a parameter `r`; zod probes eval once with new Function('') by itself.
      if (args[0] === 'r') attempts += 1;
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
    });
    vi.resetModules();
    const schema = await import('../../../src/schema/index');

    expect(
      [schema.CreateAnalysisRequest, schema.UpdateAnalysisRequest, schema.AppendDrawingsRequest].map(
        schema.hasFastPath,
      ),
    ).toEqual([false, false, false]);
    expect(attempts).toBe(1);
    expect(schema.CreateAnalysisRequest.safeParse(example('create-analysis.request.json')).success).toBe(
      true,
    );
    const body = example('create-analysis.request.json') as {
      drawings: { type: string; points: unknown[] }[];
    };
    const oneLinePoint = {
      ...body,
      drawings: body.drawings.map((d) => (d.type === 'LINE' ? { ...d, points: d.points.slice(0, 1) } : d)),
    };
    const r = schema.CreateAnalysisRequest.safeParse(oneLinePoint);
    // The spec's own error example (§1.3): a LINE needs exactly 2 points.
    expect(r.success ? [] : schema.wireIssues(r.error)).toEqual([
      {
        path: ['drawings', 1, 'points'],
        code: 'too_small',
        message: 'drawings[1].points: LINE needs exactly 2 points',
      },
    ]);
  });

  it('compiles the request schemas where eval is allowed', async () => {
    const schema = await import('../../../src/schema/index');
    expect(schema.hasFastPath(schema.CreateAnalysisRequest)).toBe(true);
  });
});
