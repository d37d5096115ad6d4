// Request body limits, applied before any parsing: media type, then size (Content-Length and
// the bytes actually streamed), then UTF-8 and JSON.
import { MAX_BODY_BYTES } from '../schema/limits';
import { ApiError } from './api-error';

const JSON_TYPE = /^application\/json\s*(;.*)?$/i;

/** Reads a JSON body of at most maxBytes; throws ApiError 415, 413 or 400 invalid_json. */
export async function readJsonBody(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get('content-type');
  if (type === null || !JSON_TYPE.test(type.trim())) {
    throw new ApiError('unsupported_media_type', 'Content-Type must be application/json');
  }
  const tooLarge = () => new ApiError('payload_too_large', `Request body exceeds ${maxBytes} bytes`);
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge();
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
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError('invalid_json', 'Request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError('invalid_json', `Request body is not valid JSON: ${(err as Error).message}`);
  }
}
