// The wire time as a zod 4 codec: `decode` validates and yields UTC seconds, `encode` writes the
// response form. Drawings and analyses use core/wire's plain functions (drawing.ts, analysis.ts),
// because their domain side is a TypeScript type rather than a schema.
import { z } from '../zod-mini';
import type { UtcSeconds } from '../../core/units';
import { Time } from '../primitives';
import { isoTime, parseTime } from '../../core/wire/time';

const Seconds = z.custom<UtcSeconds>(
  (v) => typeof v === 'number' && Number.isFinite(v),
  'expected finite UTC seconds',
);

const codec = z.codec(Time, Seconds, {
  decode: (text) => parseTime(text)!,
  encode: (seconds) => isoTime(seconds),
});

// zod/mini codecs have no methods: the classic API's encode/decode (and safe forms) kept on ours.
/** Wire time ↔ UtcSeconds: `TimeCodec.decode('2026-01-08T12:00:00Z')`, `TimeCodec.encode(seconds)`. */
export const TimeCodec: typeof codec & {
  /** Wire time → UtcSeconds; throws on an invalid time. */
  decode(text: string): UtcSeconds;
  /** UtcSeconds → wire time; throws on a non-finite number. */
  encode(seconds: UtcSeconds): string;
  /** `decode` as a result instead of a throw. */
  safeDecode(text: string): ReturnType<typeof z.safeDecode<typeof codec>>;
  /** `encode` as a result instead of a throw. */
  safeEncode(seconds: UtcSeconds): ReturnType<typeof z.safeEncode<typeof codec>>;
} = Object.assign(codec, {
  decode: (text: string) => z.decode(codec, text),
  encode: (seconds: UtcSeconds) => z.encode(codec, seconds),
  safeDecode: (text: string) => z.safeDecode(codec, text),
  safeEncode: (seconds: UtcSeconds) => z.safeEncode(codec, seconds),
});
