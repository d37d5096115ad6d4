import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTime, parseTime } from '../../../../src/schema/time';
import { normaliseTime } from '../../../../src/server/analysis/document';

const LAST_MS = Date.UTC(2100, 11, 31, 23, 59, 59, 999);

describe('normaliseTime', () => {
  it('rewrites the fraction only: dropped when zero, else three digits', () => {
    expect(normaliseTime('2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00Z');
    expect(normaliseTime('2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00Z');
    expect(normaliseTime('2026-01-01T00:00:00.0Z')).toBe('2026-01-01T00:00:00Z');
    expect(normaliseTime('2026-01-01T00:00:00.5Z')).toBe('2026-01-01T00:00:00.500Z');
    expect(normaliseTime('2026-01-01T00:00:00.05Z')).toBe('2026-01-01T00:00:00.050Z');
    expect(normaliseTime('2026-01-01T00:00:00.007Z')).toBe('2026-01-01T00:00:00.007Z');
    expect(normaliseTime('2100-12-31T23:59:59.999999999Z')).toBe('2100-12-31T23:59:59.999Z');
    expect(normaliseTime('1970-01-01T00:00:00.0001Z')).toBe('1970-01-01T00:00:00Z');
  });

  it('equals formatTime(parseTime(t)) for every wire time (1970–2100, 0–9 fraction digits)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: LAST_MS }),
        fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
        (ms, fraction) => {
          const time = `${new Date(ms).toISOString().slice(0, 19)}${fraction === undefined ? '' : `.${fraction}`}Z`;
          const seconds = parseTime(time);
          expect(seconds).not.toBeNull();
          expect(normaliseTime(time)).toBe(formatTime(seconds!));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('throws on a time that was not validated', () => {
    expect(() => normaliseTime('2026-02-30T00:00:00Z')).toThrow(
      'normaliseTime: "2026-02-30T00:00:00Z" was not validated as a wire time',
    );
  });
});
