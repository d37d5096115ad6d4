// Text for prices and times in labels. Kept in core so the editor, the canvas view and the SVG
// painter print the same strings for the same analysis.
import type { UtcSeconds } from './units';

/**
 * Decimals when none are given: 5 below 10 in magnitude (forex quotes such as 1.34100, where
 * the fifth decimal is the pipette), 2 from 10 up (indices, metals, crypto, JPY pairs).
 */
export function defaultPrecision(price: number): number {
  return Math.abs(price) < 10 ? 5 : 2;
}

/** A price with fixed decimals (default: `defaultPrecision`); never prints "-0.00". */
export function formatPrice(price: number, precision: number = defaultPrecision(price)): string {
  if (!Number.isInteger(precision) || precision < 0 || precision > 20) {
    throw new RangeError(`precision: must be an integer in 0..20, got ${precision}`);
  }
  const text = price.toFixed(precision);
  // toFixed keeps the sign of values that round to zero; a label reading "-0.00000" looks like a bug.
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A time as `YYYY-MM-DD HH:MM` in UTC (seconds are dropped, not rounded). */
export function formatTime(time: UtcSeconds): string {
  const iso = new Date(Math.floor(time / 60) * 60_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A time as `8 Jan 10:00` in UTC, the way a chart's axis reads it (for spoken and written summaries). */
export function formatDayTime(time: UtcSeconds): string {
  const d = new Date(Math.floor(time / 60) * 60_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${hh}:${mm}`;
}

/** The wire's ISO time writer, re-exported beside the label formats it is often confused with. */
export { isoTime } from './wire/time';
