// Request body limits, applied before any parsing: media type, then size (Content-Length and
// the bytes actually streamed), then UTF-8 and the structure limits (while reading), and JSON.
import { MAX_BODY_BYTES } from '../schema/limits';
import { ApiError } from './api-error';
import { countMembers, JsonStructureScan } from './json-structure';

const JSON_TYPE = /^application\/json\s*(;.*)?$/i;
// Fatal, and without the stream option, so one decoder serves every request.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Bodies up to this size are read in one call and scanned after; larger ones are decoded and
 * scanned chunk by chunk as they arrive, so a hostile one is refused after the first value over a
 * structure limit, without the rest being decoded, scanned or parsed.
 */
const READ_WHOLE_UP_TO = 64 * 1024;

/** Reads a JSON body of at most maxBytes; throws ApiError 415, 413 or 400 invalid_json. */
export async function readJsonBody(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get('content-type');
  if (type === null || !JSON_TYPE.test(type.trim())) {
    throw new ApiError('unsupported_media_type', 'Content-Type must be application/json');
  }
  const tooLarge = () => new ApiError('payload_too_large', `Request body exceeds ${maxBytes} bytes`);
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared)) {
    if (Number(declared) > maxBytes) {
      await request.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    if (Number(declared) <= READ_WHOLE_UP_TO) {
      // Over HTTP, Node's parser delivers exactly the declared bytes (and refuses a request that
      // also says chunked), so a small body is read in one call — on @hono/node-server straight
      // from the socket, without a web stream. The size is checked again for in-process callers.
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (bytes.byteLength > maxBytes) throw tooLarge();
      return parseWhole(decode(UTF8, bytes, false));
    }
  }
  return readScanning(request, maxBytes, tooLarge);
}

/** Reads the body as a stream, decoding and scanning each chunk as it arrives. */
async function readScanning(request: Request, maxBytes: number, tooLarge: () => ApiError): Promise<unknown> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const scan = new JsonStructureScan();
  const pieces: string[] = [];
  let size = 0;
  let refusal: unknown = null;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        // Stop reading: the rest of an oversized body is never buffered.
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      // Once refused, the rest is read (so the answer reaches a client still sending) but
      // neither kept, decoded nor scanned.
      if (refusal !== null) continue;
      try {
        const piece = decode(decoder, value, true);
        scan.push(piece);
        pieces.push(piece);
      } catch (e) {
        refusal = e;
        pieces.length = 0;
      }
    }
  }
  if (refusal !== null) throw refusal;
  const last = decode(decoder, new Uint8Array(0), false);
  scan.push(last);
  pieces.push(last);
  return parse(pieces.join(''));
}

function decode(decoder: TextDecoder, bytes: Uint8Array, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new ApiError('invalid_json', 'Request body is not valid UTF-8');
  }
}

/**
 * Scans and parses a whole body, refusing what the checking scan and JSON.parse would, in the
 * same order. The first scan only counts members (it keeps no key); a parsed value with fewer
 * members than the text means a repeated key (see countMembers). On any refusal the checking scan
 * runs from the start, so the answer is its first problem in text order, else JSON.parse's.
 */
function parseWhole(text: string): unknown {
  const scan = new JsonStructureScan(undefined, 'count');
  let value: unknown;
  try {
    scan.push(text);
    value = JSON.parse(text);
  } catch (err) {
    new JsonStructureScan().push(text);
    throw err instanceof ApiError ? err : invalidJson(err);
  }
  if (countMembers(value) !== scan.members) {
    new JsonStructureScan().push(text);
    throw new Error('parseWhole: the parsed body lost members, yet the checking scan found no repeated key');
  }
  return value;
}

const invalidJson = (err: unknown) =>
  new ApiError('invalid_json', `Request body is not valid JSON: ${(err as Error).message}`);

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalidJson(err);
  }
}
