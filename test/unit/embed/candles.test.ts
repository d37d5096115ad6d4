import { describe, expect, it } from 'vitest';
import { checkBar, checkCandles } from '../../../src/embed/candles';

const bar = (time: number) => ({ time, open: 1, high: 2, low: 0.5, close: 1.5 });

describe('checkCandles', () => {
  it('passes sorted bars in UTC seconds through unchanged', () => {
    expect(checkCandles([bar(1_767_225_600), bar(1_767_229_200)])).toEqual([
      bar(1_767_225_600),
      bar(1_767_229_200),
    ]);
  });

  it('names a millisecond time and says to divide by 1000', () => {
    expect(() => checkCandles([bar(1_767_225_600_000)])).toThrow(
      'candles[0].time: 1767225600000 looks like milliseconds; pass UTC seconds (divide by 1000)',
    );
  });

  it('names the bar that is out of order', () => {
    expect(() => checkCandles([bar(20), bar(10)])).toThrow(
      'candles[1].time: must be after candles[0].time (20), got 10',
    );
  });

  it('names a missing price', () => {
    expect(() => checkBar({ ...bar(10), close: Number.NaN }, 'candle')).toThrow(
      'candle.close: must be a finite number, got NaN',
    );
    expect(() => checkCandles('x' as never)).toThrow('candles: must be an array');
  });
});
