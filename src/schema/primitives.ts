// Wire primitives of spec §1.4: ids, time, price, colour, clientObjectId, symbol, sender, texts.
// Rules that JSON Schema can state are zod's native checks (they appear in the exported JSON
// Schema); the rest are single-pass check functions shared by every use, never per-item closures.
import { z } from './zod-mini';
import {
  CLIENT_OBJECT_ID_MAX,
  CLIENT_OBJECT_ID_MIN,
  CLIENT_OBJECT_ID_PATTERN,
  IDEMPOTENCY_KEY_MAX,
  IDEMPOTENCY_KEY_MIN,
  IDEMPOTENCY_KEY_PATTERN,
  OBJECT_ID_PATTERN,
  SENDER_MAX,
  SYMBOL_MAX,
  SYMBOL_MIN,
  SYMBOL_PATTERN,
  TIME_YEAR_MAX,
  TIME_YEAR_MIN,
} from './limits';
import { noForbiddenCharacters } from './text';
import { isWireTime, TIME_PATTERN } from './time';

/** A MongoDB-style ObjectId: 24 lower-case hex characters. */
export const ObjectId = z.string().check(z.regex(OBJECT_ID_PATTERN, 'expected 24 lower-case hex characters'));

const TIME_RULE = `expected an ISO-8601 UTC time like 2026-01-08T12:00:00Z (years ${TIME_YEAR_MIN}–${TIME_YEAR_MAX}, a real date)`;

function checkTime(payload: z.core.ParsePayload<string>): void {
  if (!isWireTime(payload.value)) {
    payload.issues.push({
      code: 'invalid_format',
      format: 'datetime',
      input: payload.value,
      message: TIME_RULE,
    });
  }
}

/** A wire time: `YYYY-MM-DDTHH:MM:SS[.fff]Z`, UTC, years 1970–2100, a real calendar date. */
export const Time = z
  .string()
  .check(checkTime)
  .register(z.globalRegistry, {
    format: 'date-time',
    pattern: TIME_PATTERN,
    examples: ['2026-01-08T12:00:00Z'],
  });

/** A price: any finite number, zero and negatives included. */
export const Price = z.number();

/** A colour `#RRGGBB` or `#RRGGBBAA`, either letter case (the sender's spelling is kept). */
export const Colour = z
  .string()
  .check(z.regex(/^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$/, 'expected a colour #RRGGBB or #RRGGBBAA'));

/** A clientObjectId: 1–64 characters from A–Z a–z 0–9 _ - */
export const ClientObjectId = z
  .string()
  .check(z.minLength(CLIENT_OBJECT_ID_MIN, 'must not be empty'))
  .check(z.maxLength(CLIENT_OBJECT_ID_MAX, `must be at most ${CLIENT_OBJECT_ID_MAX} characters`))
  .check(z.regex(CLIENT_OBJECT_ID_PATTERN, 'may contain only A–Z a–z 0–9 _ -'));

/** An instrument symbol (wire field `symbol`): 1–32 characters from A–Z a–z 0–9 / . _ : - */
export const InstrumentSymbol = z
  .string()
  .check(z.minLength(SYMBOL_MIN, 'must not be empty'))
  .check(z.maxLength(SYMBOL_MAX, `must be at most ${SYMBOL_MAX} characters`))
  .check(z.regex(SYMBOL_PATTERN, 'may contain only A–Z a–z 0–9 / . _ : -'));

// Linear: the local part and each domain label are runs of disjoint classes split by '@' and '.'.
const EMAIL_PATTERN = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** The acting user's e-mail address, at most 254 characters. */
export const Sender = z
  .string()
  .check(z.maxLength(SENDER_MAX, `must be at most ${SENDER_MAX} characters`))
  .check(z.regex(EMAIL_PATTERN, 'expected an e-mail address'));

/** An idempotency key: 1–255 printable ASCII characters. */
export const IdempotencyKey = z
  .string()
  .check(z.minLength(IDEMPOTENCY_KEY_MIN, 'must not be empty'))
  .check(z.maxLength(IDEMPOTENCY_KEY_MAX, `must be at most ${IDEMPOTENCY_KEY_MAX} characters`))
  .check(z.regex(IDEMPOTENCY_KEY_PATTERN, 'may contain only printable ASCII characters'));

/** A free text of at most `max` characters (and at least `min`), without forbidden characters. */
export function text(max: number, min = 0) {
  const base = z.string().check(z.maxLength(max, `must be at most ${max} characters`));
  return (
    min > 0 ? base.check(z.minLength(min, `must be at least ${min} character${min === 1 ? '' : 's'}`)) : base
  ).check(noForbiddenCharacters);
}
