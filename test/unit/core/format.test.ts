import { describe, expect, it } from 'vitest';
import { defaultPrecision, formatPrice, formatTime, isoTime } from '../../../src/core/format';
import type { UtcSeconds } from '../../../src/core/units';

describe('formatPrice', () => {
  it.each([
    [1.341, '1.34100'],
    [0.00012, '0.00012'],
    [-2.5, '-2.50000'],
    [9.99, '9.99000'],
    [10, '10.00'],
    [1234.567, '1234.57'],
    [-98765.4321, '-98765.43'],
    [0, '0.00000'],
  ])('prints %d as %s by default', (p, text) => {
    expect(formatPrice(p)).toBe(text);
  });

  it('uses 5 decimals below 10 in magnitude and 2 from 10 up', () => {
    expect([
      defaultPrecision(9.999),
      defaultPrecision(-9.999),
      defaultPrecision(10),
      defaultPrecision(-10),
    ]).toEqual([5, 5, 2, 2]);
  });

  it('takes an explicit precision', () => {
    expect([formatPrice(1.341, 3), formatPrice(157.1234, 3), formatPrice(42, 0)]).toEqual([
      '1.341',
      '157.123',
      '42',
    ]);
  });

  it('never prints a negative zero', () => {
    expect([formatPrice(-0.000001), formatPrice(-0), formatPrice(-0.4, 0), formatPrice(-0.001, 2)]).toEqual([
      '0.00000',
      '0.00000',
      '0',
      '0.00',
    ]);
  });

  it.each([[-1], [1.5], [21]])('rejects precision %d', (precision) => {
    expect(() => formatPrice(1, precision)).toThrow(
      new RangeError(`precision: must be an integer in 0..20, got ${precision}`),
    );
  });
});

describe('formatTime', () => {
  it.each([
    [1767873600, '2026-01-08 12:00'],
    [1767873659.9, '2026-01-08 12:00'],
    [1767873660, '2026-01-08 12:01'],
    [0, '1970-01-01 00:00'],
    [-1, '1969-12-31 23:59'],
    [4102444799, '2099-12-31 23:59'],
  ])('prints %d as %s (UTC, seconds dropped)', (t, text) => {
    expect(formatTime(t as UtcSeconds)).toBe(text);
  });
});

describe('isoTime', () => {
  it.each([
    [0, '1970-01-01T00:00:00Z'],
    [1767873600, '2026-01-08T12:00:00Z'],
    [1767873600.25, '2026-01-08T12:00:00.250Z'],
    [1767873600.0004, '2026-01-08T12:00:00Z'],
    [4102444799.999, '2099-12-31T23:59:59.999Z'],
  ])('writes %d as %s (whole seconds without a fraction, else milliseconds)', (t, text) => {
    expect(isoTime(t)).toBe(text);
  });
  it('throws on a non-finite time, naming the function', () => {
    expect(() => isoTime(Number.POSITIVE_INFINITY)).toThrow(
      new RangeError('isoTime: expected finite seconds, got Infinity'),
    );
  });
});
