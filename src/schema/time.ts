// Wire time ↔ UTC seconds (spec §1.4). Hand-written instead of a regex: one linear pass with no
// backtracking, and it checks the calendar (2026-02-30 is rejected), which a pattern cannot.
import { type UtcSeconds, utcSeconds } from '../core/units';
import { TIME_YEAR_MAX, TIME_YEAR_MIN } from './limits';

/** The shape of a wire time, for JSON Schema (the calendar and range checks are in `parseTime`). */
export const TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$';

const DIGIT_0 = 48;

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses `YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z` (years 1970–2100, real calendar dates, no leap second)
 * into UTC seconds; returns null when the text is not such a time. Digits after the third
 * fractional one are truncated, because responses carry milliseconds at most.
 */
export function parseTime(s: string): UtcSeconds | null {
  const len = s.length;
  if (len < 20 || len > 30 || s.charCodeAt(len - 1) !== 90 /* Z */) return null;
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return null;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (year < TIME_YEAR_MIN || year > TIME_YEAR_MAX || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23) return null;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  let ms = 0;
  if (len > 20) {
    // A fraction: '.' then 1–9 digits before the Z.
    const fractionDigits = len - 21;
    if (s[19] !== '.' || fractionDigits < 1 || fractionDigits > 9) return null;
    if (digits(s, 20, fractionDigits) < 0) return null;
    const kept = Math.min(3, fractionDigits);
    ms = digits(s, 20, kept) * 10 ** (3 - kept);
  }
  return utcSeconds((Date.UTC(year, month - 1, day, hour, minute, second) + ms) / 1000);
}

/**
 * Writes UTC seconds as the spec's response form: `…:SSZ` for whole seconds, otherwise
 * `…:SS.mmmZ` (rounded to the millisecond).
 */
export function formatTime(seconds: UtcSeconds | number): string {
  if (!Number.isFinite(seconds)) throw new RangeError(`formatTime: expected finite seconds, got ${seconds}`);
  const ms = Math.round(seconds * 1000);
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}
