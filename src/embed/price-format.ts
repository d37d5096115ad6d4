// The price format of a chart, derived from its data instead of a fixed 5 decimals: as many
// decimals as the candles' prices carry (a BTC chart quoted in whole dollars or cents reads
// `95200.50`, GBP/USD `1.34567`). Without candles, the symbol and the size of the analysis'
// own prices decide.
import { defaultPrecision, formatPrice } from '../core/index';

/** lightweight-charts' price format: decimals shown and the smallest price step. */
export interface PriceFormat {
  readonly type: 'price';
  readonly precision: number;
  readonly minMove: number;
}

const MAX_DECIMALS = 8;

/** Decimals written in `value` (at most 8, so float noise like 0.30000000000000004 reads as 0.3). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const text = value.toFixed(MAX_DECIMALS).replace(/0+$/, '');
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

const FIAT = /^(USD|EUR|GBP|JPY|CHF|AUD|NZD|CAD|SEK|NOK|DKK|PLN|HUF|CZK|TRY|ZAR|MXN|SGD|HKD|CNH|CNY)$/;

/** Decimals for a symbol alone: forex pairs quote 5 (3 against the yen); null when unknown. */
export function symbolDecimals(symbol: string | undefined): number | null {
  if (!symbol) return null;
  const m = /^([A-Z]{3})[/_-]?([A-Z]{3})$/.exec(symbol.toUpperCase());
  if (!m || !FIAT.test(m[1]) || !FIAT.test(m[2])) return null;
  return m[1] === 'JPY' || m[2] === 'JPY' ? 3 : 5;
}

/** What the format is derived from. */
export interface PriceFormatSource {
  readonly candles?: readonly {
    readonly open: number;
    readonly high: number;
    readonly low: number;
    readonly close: number;
  }[];
  readonly symbol?: string;
  /** Prices of the analysis (levels, drawing points), used when there are no candles. */
  readonly prices?: readonly number[];
}

// Enough recent bars to see every decimal the feed uses without walking a long history.
const SAMPLE_BARS = 200;

/** The price format for a chart of `source`. */
export function priceFormatFor(source: PriceFormatSource): PriceFormat {
  const candles = source.candles ?? [];
  let precision: number;
  if (candles.length > 0) {
    precision = 0;
    for (const c of candles.slice(-SAMPLE_BARS)) {
      precision = Math.max(
        precision,
        decimalsOf(c.open),
        decimalsOf(c.high),
        decimalsOf(c.low),
        decimalsOf(c.close),
      );
    }
    // Cents at least, as charting platforms show even for whole-number quotes.
    precision = Math.max(precision, 2);
  } else {
    const prices = (source.prices ?? []).filter(Number.isFinite);
    const mid = prices.length ? (Math.min(...prices) + Math.max(...prices)) / 2 : Number.NaN;
    precision = symbolDecimals(source.symbol) ?? (Number.isNaN(mid) ? 2 : defaultPrecision(mid));
  }
  return { type: 'price', precision, minMove: Number((10 ** -precision).toFixed(precision)) };
}

/** A formatter for labels with the format's decimals. */
export function formatterOf(format: PriceFormat): (price: number) => string {
  return (p) => formatPrice(p, format.precision);
}
