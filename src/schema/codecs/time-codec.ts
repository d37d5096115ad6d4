// The wire time as a zod 4 codec: `decode` validates and yields UTC seconds, `encode` writes the
// response form. Drawings and analyses use plain functions (drawing-codec.ts, body-codec.ts),
// because their domain side is a TypeScript type rather than a schema.
import { z } from 'zod';
import type { UtcSeconds } from '../../core/units';
import { Time } from '../primitives';
import { isoTime, parseTime } from '../../core/wire/time';

const Seconds = z.custom<UtcSeconds>(
  (v) => typeof v === 'number' && Number.isFinite(v),
  'expected finite UTC seconds',
);

/** Wire time ↔ UtcSeconds: `TimeCodec.decode('2026-01-08T12:00:00Z')`, `TimeCodec.encode(seconds)`. */
export const TimeCodec = z.codec(Time, Seconds, {
  // Time has already accepted the text, so parseTime cannot return null here.
  decode: (text) => parseTime(text)!,
  encode: (seconds) => isoTime(seconds),
});
