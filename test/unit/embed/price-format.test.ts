import { describe, expect, it } from 'vitest';
import { decimalsOf, priceFormatFor, symbolDecimals } from '../../../src/embed/price-format';

const bar = (close: number) => ({ open: close, high: close, low: close, close });

describe('priceFormatFor', () => {
  it('gives a BTC chart quoted in cents two decimals, never a fixed five', () => {
    const f = priceFormatFor({ candles: [bar(95200.5), bar(95210.25)], symbol: 'BTC/USD' });
    expect(f).toEqual({ type: 'price', precision: 2, minMove: 0.01 });
    expect((95200).toFixed(f.precision)).toBe('95200.00');
  });

  it('gives GBP/USD candles their five decimals', () => {
    expect(priceFormatFor({ candles: [bar(1.34567), bar(1.3455)] })).toEqual({
      type: 'price',
      precision: 5,
      minMove: 0.00001,
    });
  });

  it('keeps eight decimals for a coin priced in fractions of a cent', () => {
    expect(priceFormatFor({ candles: [bar(0.00001234)] }).precision).toBe(8);
  });

  it('without candles: five decimals for a forex pair, three against the yen, magnitude otherwise', () => {
    expect(priceFormatFor({ symbol: 'EUR/USD' }).precision).toBe(5);
    expect(priceFormatFor({ symbol: 'USDJPY' }).precision).toBe(3);
    expect(priceFormatFor({ symbol: 'BTCUSD', prices: [95000, 96000] }).precision).toBe(2);
    expect(priceFormatFor({ symbol: 'XYZ', prices: [1.2, 1.3] }).precision).toBe(5);
    expect(priceFormatFor({}).precision).toBe(2);
  });
});

describe('decimalsOf and symbolDecimals', () => {
  it('reads float noise as the decimal it stands for', () => {
    expect(decimalsOf(0.1 + 0.2)).toBe(1);
    expect(decimalsOf(95200)).toBe(0);
    expect(decimalsOf(Number.NaN)).toBe(0);
  });

  it('knows forex pairs only', () => {
    expect(symbolDecimals('GBP/USD')).toBe(5);
    expect(symbolDecimals('gbp_jpy')).toBe(3);
    expect(symbolDecimals('BTC/USD')).toBeNull();
    expect(symbolDecimals(undefined)).toBeNull();
  });
});
