// ApiError's two questions the sync engine asks — may I send this again, and did the server refuse
// it because it moved on — for every class of status of spec §1.3, and Retry-After's two forms.
import { describe, expect, it } from 'vitest';
import { ApiError, parseRetryAfter } from '../../../src/sync/api-error';

describe('ApiError', () => {
  it.each([
    [0, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [408, true],
    [409, true],
    [410, false],
    [412, true],
    [413, false],
    [422, false],
    [429, true],
    [499, false],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
  ])('status %i is retryable: %s', (status, retryable) => {
    expect(new ApiError(status, 'x', 'm').retryable).toBe(retryable);
  });

  it.each([
    [412, 'version_mismatch', true],
    [412, 'anything', true],
    [409, 'duplicate_client_object_id', true],
    [409, 'idempotency_conflict', false],
    [400, 'duplicate_client_object_id', false],
    [0, 'network_error', false],
    [500, 'internal_error', false],
  ])('status %i with code %s is a conflict: %s', (status, code, conflict) => {
    expect(new ApiError(status, code, 'm').conflict).toBe(conflict);
  });

  it('is an Error named ApiError that keeps what it was given, with empty defaults', () => {
    const bare = new ApiError(503, 'http_503', 'GET /x: HTTP 503');
    expect(bare).toBeInstanceOf(Error);
    expect([
      bare.name,
      bare.message,
      bare.status,
      bare.code,
      bare.issues,
      bare.retryAfter,
      bare.data,
    ]).toEqual(['ApiError', 'GET /x: HTTP 503', 503, 'http_503', [], undefined, undefined]);
    const issues = [{ path: ['metadata', 'title'], code: 'too_small', message: 'title: must not be empty' }];
    const full = new ApiError(412, 'version_mismatch', 'm', {
      issues,
      retryAfter: 0,
      data: { currentVersion: 4 },
    });
    expect([full.issues, full.retryAfter, full.data]).toEqual([issues, 0, { currentVersion: 4 }]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 8, 12, 0, 0, 300);

  it('reads delta seconds, with the blanks around them, as they are', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 120 ', now)).toBe(120);
  });

  it('rounds an HTTP date up to whole seconds from now, and a past date to 0', () => {
    // 44.7 s from now: waiting 44 would come back before the server said.
    expect(parseRetryAfter('Thu, 08 Jan 2026 12:00:45 GMT', now)).toBe(45);
    expect(parseRetryAfter('Thu, 08 Jan 2026 12:00:00 GMT', now)).toBe(0);
  });

  it.each([null, '', '   ', 'soon', '12 seconds'])('has no delay for %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
