// sendFlight's reading of the server's answers (spec §2.4 Update, §2.6 Append): the version the
// outbox moves its base to. PATCH's `data.version` is ours [spec: "`version` is ours"], so a server
// that only follows the documented contract may leave it out: the ETag stands in, and without
// either a successful If-Match PATCH means the version after the one matched.
import { describe, expect, it } from 'vitest';
import type { ApiClient, ApiResult } from '../../../src/sync/api-client';
import type { InFlight } from '../../../src/sync/outbox';
import { sendFlight } from '../../../src/sync/send-flight';
import { CHANNEL, COMMUNITY } from './harness';

const ANALYSIS = '6502c9e514a3e564c5c09c0f';
const EMPTY_DOC = { metadata: {}, levels: {}, drawings: [] } as unknown as InFlight['doc'];

type Call = readonly [string, ...unknown[]];

/** A client that records each call and answers with `answer` (data, ETag version, replay flag). */
function client(answer: { data: unknown; version: number | undefined; replayed: boolean }) {
  const calls: Call[] = [];
  const result = async (...call: Call) => {
    calls.push(call);
    return { ...answer, requestBytes: 0 } as ApiResult<never>;
  };
  const c = {
    create: (...a: unknown[]) => result('create', ...a),
    append: (...a: unknown[]) => result('append', ...a),
    update: (...a: unknown[]) => result('update', ...a),
  } as unknown as ApiClient;
  return { client: c, calls };
}

const patch = (ifMatch: number): InFlight => ({
  op: 'patch',
  body: { sender: 'trader@example.com', metadata: { title: 'x' } } as never,
  ifMatch,
  upTo: 3,
  doc: EMPTY_DOC,
});
const append: InFlight = {
  op: 'append',
  body: { drawings: [] },
  upTo: 2,
  doc: EMPTY_DOC,
} as unknown as InFlight;

describe('sendFlight', () => {
  it('PATCH: the body version wins over the ETag, sent with If-Match of the frozen version', async () => {
    const { client: c, calls } = client({ data: { version: 9 }, version: 7, replayed: true });
    const flight = patch(4);
    expect(await sendFlight(c, COMMUNITY, CHANNEL, flight, ANALYSIS)).toEqual({
      op: 'patch',
      version: 9,
      replayed: true,
    });
    expect(calls).toEqual([['update', ANALYSIS, flight.body, { ifMatch: 4 }]]);
  });

  it('PATCH without a body version takes the ETag version', async () => {
    const { client: c } = client({ data: { analysisId: ANALYSIS }, version: 7, replayed: false });
    expect(await sendFlight(c, COMMUNITY, CHANNEL, patch(4), ANALYSIS)).toEqual({
      op: 'patch',
      version: 7,
      replayed: false,
    });
  });

  it('PATCH with neither: the version after the one If-Match named', async () => {
    const { client: c } = client({ data: { analysisId: ANALYSIS }, version: undefined, replayed: false });
    expect(await sendFlight(c, COMMUNITY, CHANNEL, patch(4), ANALYSIS)).toEqual({
      op: 'patch',
      version: 5,
      replayed: false,
    });
  });

  it('append answers with the body version', async () => {
    const { client: c, calls } = client({ data: { version: 12 }, version: 3, replayed: true });
    expect(await sendFlight(c, COMMUNITY, CHANNEL, append, ANALYSIS)).toEqual({
      op: 'append',
      version: 12,
      replayed: true,
    });
    expect(calls).toEqual([['append', ANALYSIS, { drawings: [] }]]);
  });

  it('create posts to the channel and hands back the detail', async () => {
    const detail = { id: ANALYSIS, version: 1 };
    const { client: c, calls } = client({ data: detail, version: 1, replayed: false });
    const body = { title: 't' };
    const flight = { op: 'create', body, upTo: 1, doc: EMPTY_DOC } as unknown as InFlight;
    expect(await sendFlight(c, COMMUNITY, CHANNEL, flight, null)).toEqual({
      op: 'create',
      detail,
      replayed: false,
    });
    expect(calls).toEqual([['create', COMMUNITY, CHANNEL, body]]);
  });

  it.each([
    ['append', append],
    ['patch', patch(1)],
  ])('%s without an analysis id is refused before anything is sent', async (_op, flight) => {
    const { client: c, calls } = client({ data: { version: 2 }, version: 2, replayed: false });
    await expect(sendFlight(c, COMMUNITY, CHANNEL, flight, null)).rejects.toThrow(
      'sync: an append or PATCH needs an analysis id',
    );
    expect(calls).toEqual([]);
  });
});
