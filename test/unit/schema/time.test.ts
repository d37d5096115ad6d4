import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcSeconds } from '../../../src/core/units';
import { formatTime, parseTime, Time, TimeCodec } from '../../../src/schema';

const FIRST_MS = Date.UTC(1970, 0, 1);
const LAST_MS = Date.UTC(2100, 11, 31, 23, 59, 59, 999);

describe('parseTime', () => {
  it.each([
    ['2026-01-08T12:00:00Z', 1767873600],
    ['2026-01-08T12:00:00.250Z', 1767873600.25],
    ['2026-01-08T12:00:00.5Z', 1767873600.5],
    ['2026-01-08T12:00:00.123456789Z', 1767873600.123],
    ['1970-01-01T00:00:00Z', 0],
    ['2100-12-31T23:59:59.999Z', LAST_MS / 1000],
    ['2024-02-29T00:00:00Z', 1709164800],
    ['2000-02-29T00:00:00Z', 951782400],
  ])('%s → %d', (text, seconds) => {
    expect(parseTime(text)).toBe(seconds);
  });

  it.each([
    '2026-02-30T00:00:00Z',
    '2100-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-01-00T00:00:00Z',
    '2026-01-08T12:60:00Z',
    '2026-01-08t12:00:00Z',
    '2026-01-08T12:00:00z',
    '2026-01-08 12:00:00Z',
    '2026-1-08T12:00:00Z',
    '+02026-01-08T12:00:00Z',
    '2026-01-08T12:00:00.1234567890Z',
    '2026-01-08T12:00:00,5Z',
    '2026-01-08T12:00:0aZ',
    '',
  ])('rejects %j', (text) => {
    expect(parseTime(text)).toBeNull();
  });
});

describe('formatTime', () => {
  it('writes whole seconds without a fraction and others with milliseconds', () => {
    expect(formatTime(utcSeconds(1767873600))).toBe('2026-01-08T12:00:00Z');
    expect(formatTime(utcSeconds(1767873600.25))).toBe('2026-01-08T12:00:00.250Z');
    expect(formatTime(utcSeconds(0.001))).toBe('1970-01-01T00:00:00.001Z');
  });

  it('rounds to the millisecond', () => {
    expect(formatTime(utcSeconds(1767873600.0004))).toBe('2026-01-08T12:00:00Z');
    expect(formatTime(utcSeconds(1767873600.0006))).toBe('2026-01-08T12:00:00.001Z');
  });

  it('throws on a non-finite time, naming the function', () => {
    expect(() => formatTime(Number.NaN)).toThrow(new RangeError('isoTime: expected finite seconds, got NaN'));
  });
});

describe('time round trips over 1970–2100', () => {
  const millis = fc.integer({ min: FIRST_MS, max: LAST_MS });

  it('seconds → text → seconds is the identity for whole milliseconds', () => {
    fc.assert(
      fc.property(millis, (ms) => {
        const seconds = utcSeconds(ms / 1000);
        expect(parseTime(formatTime(seconds))).toBe(seconds);
      }),
      { numRuns: 2000 },
    );
  });

  it('text → seconds → text is the identity for the response form, which the Time schema accepts', () => {
    fc.assert(
      fc.property(millis, (ms) => {
        const text = formatTime(ms / 1000);
        expect(text).toBe(
          ms % 1000 === 0 ? new Date(ms).toISOString().replace('.000Z', 'Z') : new Date(ms).toISOString(),
        );
        expect(formatTime(parseTime(text)!)).toBe(text);
        expect(Time.safeParse(text).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date.parse on every valid 1–3 digit fraction', () => {
    fc.assert(
      fc.property(millis, fc.integer({ min: 1, max: 3 }), (ms, digits) => {
        const iso = new Date(ms).toISOString();
        const text = `${iso.slice(0, 20)}${iso.slice(20, 20 + digits)}Z`;
        expect(Math.round(parseTime(text)! * 1000)).toBe(Date.parse(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('TimeCodec', () => {
  it('decodes wire text to seconds and encodes seconds to the response form', () => {
    expect(TimeCodec.decode('2026-01-08T12:00:00.5Z')).toBe(1767873600.5);
    expect(TimeCodec.encode(utcSeconds(1767873600))).toBe('2026-01-08T12:00:00Z');
  });

  it('rejects an impossible date on decode with the Time issue', () => {
    const result = TimeCodec.safeDecode('2026-02-30T00:00:00Z');
    expect(result.error?.issues.map((i) => [i.code, i.path])).toEqual([['invalid_format', []]]);
  });
});
