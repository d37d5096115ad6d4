// readJsonBody on both of its paths: a declared Content-Length (read in one call) and a body
// without one (streamed and counted); a whole body answers as the checking scan then JSON.parse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/server/api-error';
import { readJsonBody } from '../../../src/server/body';
import { checkJsonStructure } from '../../../src/server/json-structure';

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

// Texts whose objects may repeat a key: each object is a list of members with keys from a small
// set (also spelled with an escape), so repeats are common, nested anywhere.
const KEYS = ['a', 'b', 'c', '\\u0061'];
const jsonText: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? fc.oneof(fc.integer().map(String), fc.constantFrom('null', 'true', '"s"', '"x\\"{"', '1.5e3'))
    : fc.oneof(
        fc.array(jsonText(depth - 1), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
        fc
          .array(fc.tuple(fc.constantFrom(...KEYS), jsonText(depth - 1)), { maxLength: 4 })
          .map((members) => `{${members.map(([k, v]) => `"${k}":${v}`).join(',')}}`),
      ),
);

// What the body path did before it counted members: the checking scan, then JSON.parse.
const checkedParse = (text: string) => {
  checkJsonStructure(text);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ApiError('invalid_json', `Request body is not valid JSON: ${(err as Error).message}`);
  }
};

const outcome = async (run: () => unknown) => {
  try {
    return { value: await run() };
  } catch (e) {
    return e instanceof ApiError ? { status: e.status, body: e.body } : { thrown: String(e) };
  }
};

const withLength = (text: string) =>
  post(text, { 'content-length': String(new TextEncoder().encode(text).byteLength) });

describe('readJsonBody, a whole body (member count, then the checking scan on refusal)', () => {
  it('answers as the checking scan then JSON.parse did: value, duplicate_key with its path, limits, invalid_json', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonText(5),
        fc.constantFrom('as is', 'cut', 'junk', 'deep'),
        fc.nat(),
        async (text, change, at) => {
          const i = at % (text.length + 1);
          const body =
            change === 'cut'
              ? text.slice(0, i)
              : change === 'junk'
                ? `${text.slice(0, i)}}${text.slice(i)}`
                : change === 'deep'
                  ? `${'['.repeat(30)}${text}${']'.repeat(30)}`
                  : text;
          expect(await outcome(() => readJsonBody(withLength(body)))).toEqual(
            await outcome(() => checkedParse(body)),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('refuses the first problem in text order, as the checking scan does', async () => {
    const answer = async (text: string): Promise<unknown[] | { value: unknown }> => {
      try {
        return { value: await readJsonBody(withLength(text)) };
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        return [e.body.code, e.body.errors?.[0]?.path ?? e.body.message];
      }
    };
    // A repeated key deep inside a value that a later repeat replaces: JSON.parse drops both.
    expect(await answer('{"a":{"b":[{"x":1,"x":2}]},"a":0}')).toEqual(['duplicate_key', ['a', 'b', 0, 'x']]);
    expect(await answer('{"a":1,"\\u0061":2}')).toEqual(['duplicate_key', ['a']]);
    // A repeat before too deep a nesting, and before malformed JSON, is what is reported.
    expect(await answer(`{"k":1,"k":${'['.repeat(40)}`)).toEqual(['duplicate_key', ['k']]);
    expect(await answer('{"k":1,"k":2,}')).toEqual(['duplicate_key', ['k']]);
    expect(await answer(`{"k":${'['.repeat(40)}0${']'.repeat(40)},"k":1}`)).toEqual([
      'body_too_complex',
      'Request body nests deeper than 32 levels',
    ]);
    expect(await answer('{"k":1,"j":2,}')).toEqual([
      'invalid_json',
      expect.stringMatching(/^Request body is not valid JSON: /),
    ]);
    expect(await answer('{"k":{"k":{"k":1}},"j":[{"k":1},{"k":2}]}')).toEqual({
      value: { k: { k: { k: 1 } }, j: [{ k: 1 }, { k: 2 }] },
    });
  });
});
