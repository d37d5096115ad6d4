import { describe, expect, it } from 'vitest';
import {
  fibBandColor,
  fibBandLevel,
  fibLevelColor,
  fibLevelLabel,
  fibLevelPrice,
  fibRatioOrder,
} from '../../../src/core/fibonacci';
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

// TradingView Charting Library docs, FibretracementLineToolOverrides: level1…level11 defaults.
describe('fibLevelColor', () => {
  it("gives TradingView's default colour of each documented ratio", () => {
    const documented: [number, string][] = [
      [0, '#808080'],
      [0.236, '#F23645'],
      [0.382, '#FF9800'],
      [0.5, '#4caf50'],
      [0.618, '#089981'],
      [0.786, '#00bcd4'],
      [1, '#808080'],
      [1.618, '#2962FF'],
      [2.618, '#F23645'],
      [3.618, '#9c27b0'],
      [4.236, '#e91e63'],
    ];
    for (const [r, c] of documented) expect(fibLevelColor(r, '#000000').toLowerCase()).toBe(c.toLowerCase());
  });
  it('matches a ratio within 1e-9 and falls back to the given colour for any other', () => {
    expect(fibLevelColor(0.1 + 0.518, '#000000')).toBe('#089981');
    expect(fibLevelColor(0.65, '#123456')).toBe('#123456');
    expect(fibLevelColor(-0.618, '#123456')).toBe('#123456');
  });
  it('bands are the level colour at alpha 0x33; a colour not #RRGGBB keeps the fallback fill', () => {
    expect(fibBandColor('#F23645', '#787B861A')).toBe('#F2364533');
    expect(fibBandColor('red', '#787B861A')).toBe('#787B861A');
  });
});

describe('fibRatioOrder', () => {
  it('lists the level indexes by ratio, whatever order the author wrote them in', () => {
    expect(fibRatioOrder([0, 1, 0.5, 0.236])).toEqual([0, 3, 2, 1]);
    expect(fibRatioOrder([1.618, -0.272, 0])).toEqual([1, 2, 0]);
  });

  it('keeps the written order when it already ascends, and equal ratios in written order', () => {
    expect(fibRatioOrder([0, 0.236, 0.382, 0.5])).toEqual([0, 1, 2, 3]);
    expect(fibRatioOrder([0.5, 0, 0.5, 0])).toEqual([1, 3, 0, 2]);
    expect(fibRatioOrder([])).toEqual([]);
  });
});

describe('fibBandLevel', () => {
  // A band takes the colour of its level farther from 0 (TradingView's bands).
  it('is the upper level above 0 and the lower one at or below 0', () => {
    const levels = [-0.618, -0.272, 0, 0.236, 0.382];
    expect(fibBandLevel(levels, 3, 4)).toBe(4);
    expect(fibBandLevel(levels, 2, 3)).toBe(3);
    expect(fibBandLevel(levels, 1, 2)).toBe(1);
    expect(fibBandLevel(levels, 0, 1)).toBe(0);
  });
});
