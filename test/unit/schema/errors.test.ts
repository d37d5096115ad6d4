import { describe, expect, it } from 'vitest';
import {
  AppendDrawingsRequest,
  CreateAnalysisRequest,
  classifyIssues,
  ERROR_MESSAGES,
  ERROR_STATUS,
  ErrorResponse,
  errorEnvelope,
  errorStatus,
  formatPath,
  ListAnalysesQuery,
  toErrorEnvelope,
  UpdateAnalysisRequest,
} from '../../../src/schema';
import { VALID_CREATE } from '../../fixtures/bad-inputs';

const failure = (result: { error?: unknown }) => {
  if (!result.error) throw new Error('expected a failure');
  return result.error as Parameters<typeof toErrorEnvelope>[0];
};

describe('toErrorEnvelope', () => {
  it('names the field and the rule for a point count', () => {
    const body = structuredClone(VALID_CREATE) as { drawings: { points: unknown[] }[] };
    body.drawings[1]!.points.pop();
    expect(toErrorEnvelope(failure(CreateAnalysisRequest.safeParse(body)))).toMatchInlineSnapshot(`
      {
        "code": "validation_failed",
        "errors": [
          {
            "code": "too_small",
            "message": "drawings[1].points: LINE needs exactly 2 points",
            "path": [
              "drawings",
              1,
              "points",
            ],
          },
        ],
        "message": "Invalid request body",
        "status": "error",
      }
    `);
  });

  it('lifts our codes out of custom issues and keeps their paths', () => {
    const body = structuredClone(VALID_CREATE) as { levels: { pivot: { price: number } } };
    body.levels.pivot.price = 1;
    expect(toErrorEnvelope(failure(CreateAnalysisRequest.safeParse(body)))).toEqual({
      status: 'error',
      message: 'Levels must satisfy support < pivot < resistance',
      code: 'level_order',
      errors: [
        {
          path: ['levels', 'pivot', 'price'],
          code: 'level_order',
          message: 'levels.pivot.price: must be above support (1.341)',
        },
      ],
    });
  });

  it('reports an unknown reference and a forbidden character with their messages', () => {
    const body = structuredClone(VALID_CREATE) as { metadata: Record<string, string> };
    body.metadata.comments = 'see [[ghost:here]]\u202E';
    expect(toErrorEnvelope(failure(CreateAnalysisRequest.safeParse(body))).errors).toEqual([
      {
        path: ['metadata', 'comments'],
        code: 'forbidden_character',
        message: 'metadata.comments: contains forbidden character U+202E at index 18',
      },
      {
        path: ['metadata', 'comments'],
        code: 'unknown_reference',
        message: 'metadata.comments: [[ghost:…]] names no drawing or level of this analysis',
      },
    ]);
  });

  it('names a duplicate clientObjectId at its second occurrence', () => {
    const body = {
      sender: 'a@example.com',
      drawings: ['x', 'y', 'x'].map((id) => ({
        type: 'HORIZONTAL_LINE',
        clientObjectId: id,
        points: [{ time: '2026-01-08T00:00:00Z', price: 1 }],
      })),
    };
    expect(toErrorEnvelope(failure(AppendDrawingsRequest.safeParse(body))).errors).toEqual([
      {
        path: ['drawings', 2, 'clientObjectId'],
        code: 'duplicate_client_object_id',
        message: 'drawings[2].clientObjectId: "x" is already used',
      },
    ]);
  });

  it('caps the issues at 100', () => {
    const body = {
      sender: 'a@example.com',
      drawings: Array.from({ length: 150 }, (_, i) => ({
        type: 'LINE',
        clientObjectId: `l${i}`,
        points: [],
      })),
    };
    const error = failure(AppendDrawingsRequest.safeParse(body));
    expect(error.issues).toHaveLength(150);
    const envelope = toErrorEnvelope(error);
    expect(envelope.errors).toHaveLength(100);
    expect(envelope.errors![99]!.path).toEqual(['drawings', 99, 'points']);
    expect(ErrorResponse.safeParse(envelope).success).toBe(true);
  });

  it('uses a given top-level code and message (a bad query)', () => {
    const error = failure(ListAnalysesQuery.safeParse({ limit: '500', color: 'red' }));
    expect(toErrorEnvelope(error, 'Invalid query', 'invalid_query')).toEqual({
      status: 'error',
      message: 'Invalid query',
      code: 'invalid_query',
      errors: [
        { path: ['limit'], code: 'too_big', message: 'limit: must be at most 100' },
        { path: [], code: 'unrecognized_keys', message: 'query: Unrecognized key: "color"' },
      ],
    });
  });

  it('maps an immutable field in an update to immutable_field even beside other issues', () => {
    const error = failure(UpdateAnalysisRequest.safeParse({ sender: 'x', metadata: { symbol: 'EURUSD' } }));
    expect(toErrorEnvelope(error).code).toBe('immutable_field');
    expect(toErrorEnvelope(error).errors!.map((e) => e.code)).toEqual(['invalid_format', 'immutable_field']);
  });
});

describe('classifyIssues', () => {
  it.each([
    [['immutable_field', 'invalid_type'], 'immutable_field'],
    [['level_order', 'invalid_type'], 'validation_failed'],
    [['level_order', 'unknown_reference'], 'level_order'],
    [['unknown_reference'], 'unknown_reference'],
    [['empty_update'], 'empty_update'],
    [['duplicate_client_object_id'], 'validation_failed'],
    [['forbidden_character'], 'validation_failed'],
    [[], 'validation_failed'],
  ] as const)('%j → %s', (codes, top) => {
    expect(classifyIssues(codes.map((code) => ({ code })))).toBe(top);
  });
});

describe('errorEnvelope and statuses', () => {
  it('builds the envelope of any top-level code with data', () => {
    expect(errorEnvelope('version_mismatch', undefined, { data: { currentVersion: 4 } })).toEqual({
      status: 'error',
      message: 'The analysis has changed since the given version',
      code: 'version_mismatch',
      data: { currentVersion: 4 },
    });
  });

  it('maps every code of the spec table to its status', () => {
    expect(Object.keys(ERROR_STATUS)).toHaveLength(26);
    expect(
      [
        'validation_failed',
        'unauthorized',
        'forbidden',
        'not_found',
        'duplicate_client_object_id',
        'version_mismatch',
        'payload_too_large',
        'unsupported_media_type',
        'idempotency_key_reused',
        'rate_limited',
        'internal_error',
        'body_too_complex',
        'duplicate_key',
        'idempotency_key_conflict',
        'sender_mismatch',
        'method_not_allowed',
        'unavailable',
      ].map((c) => errorStatus(c as keyof typeof ERROR_STATUS)),
    ).toEqual([400, 401, 403, 404, 409, 412, 413, 415, 422, 429, 500, 400, 400, 400, 403, 405, 503]);
  });

  it('formats paths as field access', () => {
    expect(formatPath(['drawings', 2, 'points', 0, 'time'])).toBe('drawings[2].points[0].time');
    expect(formatPath([])).toBe('body');
  });
});

describe('the default messages and envelope details', () => {
  it('gives every top-level code a human message of its own', () => {
    const codes = Object.keys(ERROR_STATUS) as (keyof typeof ERROR_MESSAGES)[];
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...codes].sort());
    const seen = new Set<string>();
    for (const code of codes) {
      const message = ERROR_MESSAGES[code];
      expect(message, code).toMatch(/^[A-Za-z].{4,}/);
      expect(seen.has(message), `${code} repeats another code's message`).toBe(false);
      seen.add(message);
      expect(errorEnvelope(code)).toEqual({ status: 'error', code, message });
    }
  });

  it('keeps a caller message over the default, and roots body paths at "body"', () => {
    const error = failure(CreateAnalysisRequest.safeParse({ ...VALID_CREATE, colour: 'red' }));
    const envelope = toErrorEnvelope(error, 'Check the drawing payload');
    expect(envelope.message).toBe('Check the drawing payload');
    expect(envelope.errors).toEqual([
      { path: [], code: 'unrecognized_keys', message: 'body: Unrecognized key: "colour"' },
    ]);
  });

  it('cuts errors handed to errorEnvelope to the first 100', () => {
    const errors = Array.from({ length: 130 }, (_, i) => ({
      path: ['drawings', i],
      code: 'custom',
      message: `m${i}`,
    }));
    const envelope = errorEnvelope('validation_failed', undefined, { errors });
    expect(envelope.errors).toHaveLength(100);
    expect(envelope.errors![99]!.message).toBe('m99');
    expect(envelope.message).toBe(ERROR_MESSAGES.validation_failed);
  });
});
