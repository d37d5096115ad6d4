// The shared bad-input corpus over HTTP: each body gets its status, top-level code and issue
// path, and the database (every table, every row) is byte-identical before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUTS, type BadInput } from '../../fixtures/bad-inputs';
import { channelPath, createExample, type Harness, harness } from './harness';

// The server's brief answers a clientObjectId repeated inside an append body like one already
// stored: 409 duplicate_client_object_id (the corpus states the schema's own 400 for it).
const SERVER_ANSWER: Record<string, { status: number; topCode: string }> = {
  'append drawings share an id': { status: 409, topCode: 'duplicate_client_object_id' },
};

let h: Harness;
let target: string;
beforeAll(async () => {
  h = await harness({ rateLimit: false });
  target = await createExample(h);
});
afterAll(async () => h.storage.close());

function send(input: BadInput): Promise<Response> {
  const raw = JSON.stringify(input.body);
  switch (input.schema) {
    case 'create':
      return h.call('POST', channelPath(), { raw });
    case 'update':
      return h.call('PATCH', `/v1/analysis/${target}`, { raw });
    case 'append':
      return h.call('POST', `/v1/analysis/${target}/drawings`, { raw });
  }
}

describe('bad-input corpus over HTTP', () => {
  it('has cases for every write body', () => {
    expect(new Set(BAD_INPUTS.map((b) => b.schema))).toEqual(new Set(['create', 'update', 'append']));
  });

  for (const input of BAD_INPUTS) {
    const answer = SERVER_ANSWER[input.name] ?? { status: input.status, topCode: input.topCode };
    it(`${input.schema}: ${input.name} → ${answer.status} ${answer.topCode} at [${input.path.join(', ')}]`, async () => {
      const before = h.dump();
      const res = await send(input);
      const body = (await res.json()) as {
        status: string;
        code: string;
        errors?: { path: unknown[]; code: string }[];
      };
      expect(res.status).toBe(answer.status);
      expect([body.status, body.code]).toEqual(['error', answer.topCode]);
      expect(body.errors?.map((e) => [e.path, e.code])).toEqual([[input.path, input.code]]);
      expect(h.dump()).toBe(before);
    });
  }

  it('the dump does see a write (so the comparisons above can fail)', async () => {
    const before = h.dump();
    const res = await h.call('PATCH', `/v1/analysis/${target}`, {
      body: { sender: 'x@example.com', metadata: { title: 'changed' } },
    });
    expect(res.status).toBe(200);
    expect(h.dump()).not.toBe(before);
  });
});
