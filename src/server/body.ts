// Request body limits, applied before any parsing: media type, then size (Content-Length and
// the bytes actually streamed), then UTF-8, the structure limits, and JSON.
import { MAX_BODY_BYTES } from '../schema/limits';
import { ApiError } from './api-error';
import { checkJsonStructure } from './json-structure';

const JSON_TYPE = /^application\/json\s*(;.*)?$/i;
// Fatal, and without the stream option, so one decoder serves every request.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

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
    // Over HTTP, Node's parser delivers exactly the declared bytes (and refuses a request that
    // also says chunked), so the body is read in one call — on @hono/node-server straight from
    // the socket, without a web stream. The size is checked again for in-process callers.
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge();
    return parseJson(bytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
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
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return parseJson(bytes);
}

/** UTF-8, the structure limits (spec §5.4), then JSON; 400 when any fails. */
function parseJson(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new ApiError('invalid_json', 'Request body is not valid UTF-8');
  }
  checkJsonStructure(text);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError('invalid_json', `Request body is not valid JSON: ${(err as Error).message}`);
  }
}
