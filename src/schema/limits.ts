// Every [ours] limit of the spec (§1.4, §1.5, §3) as one named constant, so that each decision
// can be changed in one place. Limits the domain enforces too are core's, re-exported here.
import { TIME_YEAR_MAX, TIME_YEAR_MIN } from '../core/wire/time';
import { CLIENT_OBJECT_ID_CHARSET, CLIENT_OBJECT_ID_MAX, REFERENCE_LABEL_MAX } from '../core/references';

/** Largest accepted request body in bytes (1 MiB), checked before parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Most drawings one analysis may hold. */
export const MAX_DRAWINGS = 1000;
/** Most drawings one append request may carry. */
export const MAX_APPEND = 500;
/** Fewest drawings one append request may carry. */
export const MIN_APPEND = 1;

/** Title length range in characters (UTF-16 code units, as JavaScript counts them). */
export const TITLE_MIN = 1;
/** Longest title. */
export const TITLE_MAX = 200;
/** Longest preferenceText. */
export const PREFERENCE_TEXT_MAX = 5000;
/** Longest alternativeText. */
export const ALTERNATIVE_TEXT_MAX = 2000;
/** Longest comments. */
export const COMMENTS_MAX = 2000;

/** Symbol length range. */
export const SYMBOL_MIN = 1;
/** Longest symbol. */
export const SYMBOL_MAX = 32;
/** Symbol charset: A–Z a–z 0–9 / . _ : - (emptiness is the length rule's issue, not the pattern's). */
export const SYMBOL_PATTERN = /^[A-Za-z0-9/._:-]*$/;

/** Longest sender e-mail address (RFC 5321 path limit). */
export const SENDER_MAX = 254;

/** clientObjectId length range. */
export const CLIENT_OBJECT_ID_MIN = 1;
/** Longest clientObjectId (core's). */
export { CLIENT_OBJECT_ID_MAX };
/** clientObjectId charset: A–Z a–z 0–9 _ - (emptiness is the length rule's issue, not the pattern's). */
export const CLIENT_OBJECT_ID_PATTERN = CLIENT_OBJECT_ID_CHARSET;

/** idempotencyKey length range. */
export const IDEMPOTENCY_KEY_MIN = 1;
/** Longest idempotencyKey. */
export const IDEMPOTENCY_KEY_MAX = 255;
/** idempotencyKey charset: printable ASCII (space to tilde). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x20-\x7E]*$/;

/** ObjectId shape: 24 lower-case hex characters. */
export const OBJECT_ID_PATTERN = /^[0-9a-f]{24}$/;

/** List page size range and default. */
export const PAGE_SIZE_MIN = 1;
/** Largest list page. */
export const PAGE_SIZE_MAX = 100;
/** Page size when `limit` is absent. */
export const PAGE_SIZE_DEFAULT = 20;

/** Expiry in hours: integer range. */
export const EXPIRY_HOURS_MIN = 1;
/** Longest HOURS expiry (one year). */
export const EXPIRY_HOURS_MAX = 8760;

/** Drawing lineWidth range. */
export const LINE_WIDTH_MIN = 1;
/** Widest line. */
export const LINE_WIDTH_MAX = 10;

/** Fibonacci level count range. */
export const FIB_LEVELS_MIN = 1;
/** Most Fibonacci levels. */
export const FIB_LEVELS_MAX = 24;
/** Smallest Fibonacci ratio. */
export const FIB_RATIO_MIN = -5;
/** Largest Fibonacci ratio. */
export const FIB_RATIO_MAX = 5;

/** Accepted time range: first and last calendar year (core/wire's, where wire times are parsed). */
export { TIME_YEAR_MAX, TIME_YEAR_MIN };

/** Longest reference label (`[[key:text]]`), in code points (core's). */
export const REFERENCE_TEXT_MAX = REFERENCE_LABEL_MAX;

/** Most issues in one error envelope. */
export const MAX_ERROR_ISSUES = 100;
