import { describe, expect, it } from 'vitest';
import { logical, price, px, utcSeconds } from '../../../src/core/units';

describe('unit constructors', () => {
  it('pass finite numbers through unchanged', () => {
    expect([utcSeconds(1767225600), price(-0.5), px(12.25), logical(3.5)]).toEqual([
      1767225600, -0.5, 12.25, 3.5,
    ]);
  });
  it.each([
    ['UtcSeconds', () => utcSeconds(Number.NaN), 'UtcSeconds: expected a finite number, got NaN'],
    ['Price', () => price(Number.POSITIVE_INFINITY), 'Price: expected a finite number, got Infinity'],
    ['Px', () => px(Number.NEGATIVE_INFINITY), 'Px: expected a finite number, got -Infinity'],
    ['Logical', () => logical(Number.NaN), 'Logical: expected a finite number, got NaN'],
  ])('%s rejects non-finite values', (_unit, make, message) => {
    expect(make).toThrow(new RangeError(message));
  });
});
