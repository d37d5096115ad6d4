// readJsonBody on both of its paths: a declared Content-Length (read in one call) and a body
// without one (streamed and counted).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/server/api-error';
import { readJsonBody } from '../../../src/server/body';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://x/', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  const { status, body } = err as ApiError;
  return { status, code: body.code, message: body.message };
};

const streamOf = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

describe('readJsonBody', () => {
  it('parses the same value with and without Content-Length', async () => {
    const text = JSON.stringify({ a: [1, 'é', { b: null }] });
    const length = String(new TextEncoder().encode(text).byteLength);
    expect(await readJsonBody(post(text, { 'content-length': length }))).toEqual({
      a: [1, 'é', { b: null }],
    });
    expect(await readJsonBody(post(streamOf(text)))).toEqual({ a: [1, 'é', { b: null }] });
  });

  it('413 when a body declared within the limit turns out larger', async () => {
    const text = JSON.stringify({ pad: 'x'.repeat(200) });
    expect(await failure(readJsonBody(post(text, { 'content-length': '10' }), 100))).toEqual({
      status: 413,
      code: 'payload_too_large',
      message: 'Request body exceeds 100 bytes',
    });
  });

  it('400 invalid_json for bad UTF-8 or bad JSON on both paths', async () => {
    const bad = new Uint8Array([0x7b, 0xff, 0x7d]);
    for (const headers of [{ 'content-length': '3' }, {}] as Record<string, string>[]) {
      expect(await failure(readJsonBody(post(bad, headers)))).toEqual({
        status: 400,
        code: 'invalid_json',
        message: 'Request body is not valid UTF-8',
      });
    }
    expect((await failure(readJsonBody(post('{"a":', { 'content-length': '5' })))).code).toBe('invalid_json');
    expect((await failure(readJsonBody(post('', { 'content-length': '0' })))).code).toBe('invalid_json');
  });
});
