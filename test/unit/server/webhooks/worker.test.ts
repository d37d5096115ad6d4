import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SqliteStorage } from '../../../../src/server/storage/sqlite/sqlite-storage';
import { addWebhook, disableWebhook } from '../../../../src/server/webhooks/endpoints';
import { verifyWebhookSignature } from '../../../../src/server/webhooks/signature';
import { startWebhookWorker, type WebhookWorker } from '../../../../src/server/webhooks/worker';
import { COMMUNITY, OTHER_COMMUNITY, openTestStorage, writeEvent } from './outbox-db';
import { type Receiver, startReceiver } from './receiver';

const A = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const T0 = Date.UTC(2026, 0, 9, 13, 45, 46);

let storage: SqliteStorage;
let receiver: Receiver;
let clock: number;
let worker: WebhookWorker | undefined;

beforeEach(async () => {
  storage = openTestStorage();
  receiver = await startReceiver();
  clock = T0;
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await receiver.close();
  await storage.close();
});

const start = (extra: Partial<Parameters<typeof startWebhookWorker>[0]> = {}) => {
  // The receivers listen on 127.0.0.1, which the address rule refuses unless allowed.
  worker = startWebhookWorker({
    storage,
    now: () => clock,
    intervalMs: 0,
    random: () => 0.5,
    allowPrivateAddresses: true,
    ...extra,
  });
  return worker;
};
const events = (r: Receiver, analysisId?: string) =>
  r.received
    .filter((x) => x.status === 200)
    .map((x) => JSON.parse(x.body) as { event: string; analysisId: string; updatedFields: string[] })
    .filter((x) => !analysisId || x.analysisId === analysisId)
    .map((x) => `${x.event}:${x.updatedFields.join('+')}`);

describe('webhook worker', () => {
  it('delivers the spec §4 body, signed, with JSON content type', async () => {
    const { secret } = await addWebhook(storage, { communityId: COMMUNITY, url: receiver.url, now: T0 });
    await writeEvent(storage, {
      analysisId: A,
      event: 'create_analysis',
      data: { id: A, title: 'x' },
      at: T0 + 250,
    });
    expect(await start().drain()).toEqual({ attempted: 1, delivered: 1 });

    const [got] = receiver.received;
    expect(got!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(got!.body);
    expect(Object.keys(body)).toEqual([
      'event',
      'deliveryId',
      'occurredAt',
      'communityId',
      'analysisId',
      'updatedFields',
      'data',
    ]);
    expect(body).toEqual({
      event: 'create_analysis',
      deliveryId: expect.stringMatching(/^[0-9a-f]{24}$/),
      occurredAt: '2026-01-09T13:45:46.250Z',
      communityId: COMMUNITY,
      analysisId: A,
      updatedFields: [],
      data: { id: A, title: 'x' },
    });
    expect(got!.headers['x-delivery-id']).toBe(body.deliveryId);
    const header = got!.headers['x-signature'] as string;
    expect(header).toMatch(/^t=1767966346,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, got!.body, 1767966346, 300)).toEqual({
      ok: true,
      t: 1767966346,
    });
  });

  it('keeps per-analysis order through a receiver that fails twice, while other analyses proceed', async () => {
    const { id: endpointId, secret } = await addWebhook(storage, {
      communityId: COMMUNITY,
      url: receiver.url,
      now: T0,
    });
    await writeEvent(storage, { analysisId: A, event: 'create_analysis', at: T0 });
    await writeEvent(storage, {
      analysisId: A,
      event: 'update_analysis',
      updatedFields: ['title'],
      at: T0 + 1000,
    });
    await writeEvent(storage, { analysisId: B, event: 'create_analysis', at: T0 + 1500 });
    await writeEvent(storage, {
      analysisId: A,
      event: 'update_analysis',
      updatedFields: ['drawings'],
      at: T0 + 2000,
    });
    await writeEvent(storage, { analysisId: A, event: 'delete_analysis', at: T0 + 3000 });
    let failuresLeft = 2;
    receiver.respond = (body) => (JSON.parse(body).analysisId === A && failuresLeft-- > 0 ? 500 : undefined);
    const w = start({ concurrency: 1 });

    // Pass 1: A's create fails (500); A's later events wait; B's create goes through.
    expect(await w.drain()).toEqual({ attempted: 2, delivered: 1 });
    expect(events(receiver)).toEqual(['create_analysis:']);
    expect(JSON.parse(receiver.received[1]!.body).analysisId).toBe(B);
    expect(await w.pending()).toBe(4);

    // Not yet due (first retry after 1 s): nothing is sent.
    clock += 999;
    expect(await w.drain()).toEqual({ attempted: 0, delivered: 0 });
    clock += 1;
    expect(await w.drain()).toEqual({ attempted: 1, delivered: 0 }); // second 500
    clock += 2000;
    expect(await w.drain()).toEqual({ attempted: 4, delivered: 4 });
    expect(events(receiver, A)).toEqual([
      'create_analysis:',
      'update_analysis:title',
      'update_analysis:drawings',
      'delete_analysis:',
    ]);
    expect(await w.pending()).toBe(0);

    for (const r of receiver.received) {
      const t = Number(/^t=(\d+),/.exec(r.headers['x-signature'] as string)![1]);
      expect(verifyWebhookSignature(secret, r.headers['x-signature'] as string, r.body, t, 0).ok).toBe(true);
    }
    // The create of A kept its deliveryId over the three attempts, so receivers can de-duplicate.
    const firstA = receiver.received.filter((r) => JSON.parse(r.body).analysisId === A).slice(0, 3);
    expect(new Set(firstA.map((r) => r.headers['x-delivery-id'])).size).toBe(1);

    const log = (await w.queue.log(endpointId)).map((l) => [
      l.outboxSeq,
      l.attempt,
      l.statusCode,
      l.error,
      l.at - T0,
    ]);
    expect(log).toEqual([
      [1, 1, 500, null, 0],
      [3, 1, 200, null, 0],
      [1, 2, 500, null, 1000],
      [1, 3, 200, null, 3000],
      [2, 1, 200, null, 3000],
      [4, 1, 200, null, 3000],
      [5, 1, 200, null, 3000],
    ]);
  });

  it('logs a refused connection and a timeout as errors and retries them', async () => {
    const dead = await startReceiver();
    const deadUrl = dead.url;
    await dead.close();
    const { id: deadId } = await addWebhook(storage, { communityId: COMMUNITY, url: deadUrl, now: T0 });
    await writeEvent(storage, { analysisId: A, event: 'create_analysis', at: T0 });
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)),
      );
    const w = start();
    await w.drain();
    const [refused] = await w.queue.log(deadId);
    expect(refused).toMatchObject({ attempt: 1, statusCode: null });
    expect(refused!.error).toMatch(/^Error: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    await w.stop();

    const w2 = start({ fetch: hanging, timeoutMs: 30 });
    clock += 1000;
    await w2.drain();
    expect((await w2.queue.log(deadId))[1]).toMatchObject({
      attempt: 2,
      statusCode: null,
      error: 'timeout after 30 ms',
    });
    expect(await w2.pending()).toBe(1);
  });

  it('connects to the address the check resolved, sending the URL host as Host', async () => {
    const port = new URL(receiver.url).port;
    const { id } = await addWebhook(storage, {
      communityId: COMMUNITY,
      url: `http://hooks.invalid:${port}/hooks`,
      now: T0,
    });
    await writeEvent(storage, { analysisId: A, event: 'create_analysis', at: T0 });
    const asked: string[] = [];
    // .invalid never resolves in real DNS: the request can only arrive through the pinned address.
    const lookup = async (host: string) => {
      asked.push(host);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    expect(await start({ lookup }).drain()).toEqual({ attempted: 1, delivered: 1 });
    expect(asked).toEqual(['hooks.invalid']);
    expect(receiver.received.map((r) => r.headers.host)).toEqual([`hooks.invalid:${port}`]);
    expect((await worker!.queue.log(id)).map((l) => [l.attempt, l.statusCode, l.error])).toEqual([
      [1, 200, null],
    ]);
  });

  it('the default client times out a receiver that accepts but never answers', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const { id } = await addWebhook(storage, {
        communityId: COMMUNITY,
        url: `http://127.0.0.1:${port}/`,
        now: T0,
      });
      await writeEvent(storage, { analysisId: A, event: 'create_analysis', at: T0 });
      expect(await start({ timeoutMs: 50 }).drain()).toEqual({ attempted: 1, delivered: 0 });
      expect((await worker!.queue.log(id)).map((l) => [l.attempt, l.statusCode, l.error])).toEqual([
        [1, null, 'timeout after 50 ms'],
      ]);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('sends to every active endpoint of the community only, from the moment each was added', async () => {
    await writeEvent(storage, { analysisId: A, event: 'create_analysis', at: T0 });
    await addWebhook(storage, { communityId: COMMUNITY, url: receiver.url, now: T0 });
    const other = await startReceiver();
    const off = await startReceiver();
    try {
      await addWebhook(storage, { communityId: OTHER_COMMUNITY, url: other.url, now: T0 });
      const { id: offId } = await addWebhook(storage, { communityId: COMMUNITY, url: off.url, now: T0 });
      expect(await disableWebhook(storage, offId, T0)).toBe(true);
      expect(await disableWebhook(storage, offId, T0)).toBe(false);
      await writeEvent(storage, {
        analysisId: A,
        event: 'update_analysis',
        updatedFields: ['title'],
        at: T0,
      });
      await writeEvent(storage, {
        community: OTHER_COMMUNITY,
        analysisId: B,
        event: 'create_analysis',
        at: T0,
      });
      await start().drain();
      expect(events(receiver)).toEqual(['update_analysis:title']);
      expect(other.received.map((r) => JSON.parse(r.body).analysisId)).toEqual([B]);
      expect(off.received).toEqual([]);
    } finally {
      await other.close();
      await off.close();
    }
  });

  it('delivers on its own timer and stops cleanly', async () => {
    await addWebhook(storage, { communityId: COMMUNITY, url: receiver.url });
    await writeEvent(storage, { analysisId: A, event: 'create_analysis', at: Date.now() });
    const started = vi.spyOn(globalThis, 'setInterval');
    const cleared = vi.spyOn(globalThis, 'clearInterval');
    try {
      const w = startWebhookWorker({ storage, intervalMs: 10, allowPrivateAddresses: true });
      worker = w;
      const timer = started.mock.results.at(-1)?.value;
      // Nothing but the worker's own timer can deliver: poll for the delivery, no drain() here.
      await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 5000, interval: 10 });
      await w.stop();
      expect(events(receiver)).toEqual(['create_analysis:']);
      // Stopped cleanly: its one timer is cleared, so no later event can be delivered by it.
      expect(started).toHaveBeenCalledTimes(1);
      expect(cleared).toHaveBeenCalledWith(timer);
      expect(await w.pending()).toBe(0);
    } finally {
      started.mockRestore();
      cleared.mockRestore();
    }
  });

  it('rejects a non-http URL and a bad community id, naming the field', async () => {
    await expect(addWebhook(storage, { communityId: COMMUNITY, url: 'ftp://x' })).rejects.toThrow(
      'url: must use http or https, got ftp:',
    );
    await expect(addWebhook(storage, { communityId: COMMUNITY, url: 'nope' })).rejects.toThrow(
      'url: must be an absolute http(s) URL, got "nope"',
    );
    await expect(addWebhook(storage, { communityId: 'abc', url: receiver.url })).rejects.toThrow(
      'communityId: must be 24 lower-case hex characters, got "abc"',
    );
  });
});
