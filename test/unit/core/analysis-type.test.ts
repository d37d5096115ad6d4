import { describe, expect, it } from 'vitest';
import { analysisType } from '../../../src/core/analysis-type';

describe('analysisType', () => {
  it.each([
    ['BULLISH', 'ABOVE_CURRENT', 'bullish_breakout'],
    ['BULLISH', 'BELOW_CURRENT', 'bullish_bounce'],
    ['BEARISH', 'ABOVE_CURRENT', 'bearish_bounce'],
    ['BEARISH', 'BELOW_CURRENT', 'bearish_breakout'],
  ] as const)('%s + %s = %s', (direction, placement, expected) => {
    expect(analysisType(direction, placement)).toBe(expected);
  });
});
