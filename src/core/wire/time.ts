// Wire time ↔ UTC seconds (spec §1.4). Hand-written instead of a regex: one linear pass with no
// backtracking, and it checks the calendar (2026-02-30 is rejected), which a pattern cannot.
import { type UtcSeconds, utcSeconds } from '../units';

/** Earliest year a wire time may name. */
export const TIME_YEAR_MIN = 1970;
/** Latest year a wire time may name. */
export const TIME_YEAR_MAX = 2100;

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

// Days from 1970-01-01 to a civil date (H. Hinnant's algorithm): integer maths, no Date object.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Parses `YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z` (years 1970–2100, real calendar dates, no leap second)
 * into milliseconds since the epoch; returns -1 when the text is not such a time. Digits after
 * the third fractional one are truncated, because responses carry milliseconds at most.
 */
function parseMillis(s: string): number {
  const len = s.length;
  if (len < 20 || len > 30 || s.charCodeAt(len - 1) !== 90 /* Z */) return -1;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return -1; // - - T
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return -1; // : :
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (year < TIME_YEAR_MIN || year > TIME_YEAR_MAX || month < 1 || month > 12) return -1;
  if (day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23) return -1;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return -1;
  let ms = 0;
  if (len > 20) {
    // A fraction: '.' then 1–9 digits before the Z.
    const fractionDigits = len - 21;
    if (s.charCodeAt(19) !== 46 || fractionDigits < 1) return -1;
    if (digits(s, 20, fractionDigits) < 0) return -1;
    const kept = Math.min(3, fractionDigits);
    ms = digits(s, 20, kept) * 10 ** (3 - kept);
  }
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}

/** True when `s` is a wire time (see `parseTime`). */
export function isWireTime(s: string): boolean {
  return parseMillis(s) >= 0;
}

/**
 * Parses `YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z` (years 1970–2100, real calendar dates, no leap second)
 * into UTC seconds; returns null when the text is not such a time. Digits after the third
 * fractional one are truncated, because responses carry milliseconds at most.
 */
export function parseTime(s: string): UtcSeconds | null {
  const ms = parseMillis(s);
  return ms < 0 ? null : utcSeconds(ms / 1000);
}

/**
 * Writes UTC seconds as an ISO-8601 instant in the wire's response form: `…:SSZ` for whole
 * seconds, otherwise `…:SS.mmmZ` (rounded to the millisecond).
 */
export function isoTime(seconds: number): string {
  if (!Number.isFinite(seconds)) throw new RangeError(`isoTime: expected finite seconds, got ${seconds}`);
  const ms = Math.round(seconds * 1000);
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

/** Wire time → UTC seconds; throws on text that is not a wire time (see `parseTime`). */
export function timeFromWire(time: string): UtcSeconds {
  const seconds = parseTime(time);
  if (seconds === null) throw new RangeError(`time: not a valid wire time: ${JSON.stringify(time)}`);
  return seconds;
}
