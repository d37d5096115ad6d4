import { describe, expect, it } from 'vitest';
import { fibLevelLabel, fibLevelPrice } from '../../../src/core/fibonacci';
import { price, utcSeconds } from '../../../src/core/units';

const p0 = { time: utcSeconds(1_700_000_000), price: price(1.2) };
const p1 = { time: utcSeconds(1_700_003_600), price: price(1.4) };

describe('fibLevelPrice', () => {
  it('puts 0 at the swing end, 1 at the swing start and 0.5 halfway', () => {
    expect(fibLevelPrice(p0, p1, 0)).toBe(1.4);
    expect(fibLevelPrice(p0, p1, 1)).toBe(1.2);
    expect(fibLevelPrice(p0, p1, 0.5)).toBeCloseTo(1.3, 12);
  });
  it('extrapolates ratios beyond 1 past the swing start', () => {
    expect(fibLevelPrice(p0, p1, 1.618)).toBeCloseTo(1.4 - 0.2 * 1.618, 12);
  });
});

describe('fibLevelLabel', () => {
  it('writes the ratio then the formatted price in parentheses', () => {
    expect(fibLevelLabel(0.618, 1.34512, (p) => p.toFixed(5))).toBe('0.618 (1.34512)');
    expect(fibLevelLabel(1, 105, (p) => p.toFixed(2))).toBe('1 (105.00)');
  });
});
