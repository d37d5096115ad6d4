// Webhook fairness (spec §5.5) on every backend: an endpoint that never answers does not hold
// back another endpoint's delivery by more than one delivery timeout — each endpoint has its own
// lane, so the other endpoint's event goes out while the dead one's requests are still waiting.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../../../../src/server/storage/storage';
import { addWebhook } from '../../../../src/server/webhooks/endpoints';
import { startWebhookWorker, type WebhookWorker } from '../../../../src/server/webhooks/worker';
import { BACKENDS, type Backend } from '../storage-backends';
import { type Receiver, startReceiver } from './receiver';

const DEAD_COMMUNITY = '6502c9e514a3e564c5c09c0a';
const LIVE_COMMUNITY = '6502c9e514a3e564c5c09c0b';
/** The delivery timeout of the test: short, so the old global order shows as whole timeouts. */
const TIMEOUT_MS = 1500;

/** A receiver that accepts every request and never answers it. */
async function startBlackHole(): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server: Server = createServer(() => {
    hits++;
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dead`,
    hits: () => hits,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

const event = (communityId: string, analysisId: string): OutboxEvent => ({
  communityId,
  analysisId,
  event: 'create_analysis',
  updatedFields: [],
  data: { id: analysisId },
  occurredAt: Date.now(),
});

/** Polls until `done()` or the deadline; returns whether it came true. */
async function until(done: () => boolean, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (!done()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

for (const kind of BACKENDS) {
  describe.skipIf(kind.skip !== null)(`webhook fairness on ${kind.name}`, () => {
    let b: Backend;
    let live: Receiver;
    let dead: Awaited<ReturnType<typeof startBlackHole>>;
    let worker: WebhookWorker | undefined;

    beforeEach(async () => {
      b = await kind.open();
      live = await startReceiver();
      dead = await startBlackHole();
    }, 90_000);
    afterEach(async () => {
      await dead.close();
      await worker?.stop();
      worker = undefined;
      await live.close();
      await b.dispose();
    });

    it('a dead endpoint with eight due events does not delay another endpoint past one timeout', async () => {
      await addWebhook(b.storage, { communityId: DEAD_COMMUNITY, url: dead.url });
      await addWebhook(b.storage, { communityId: LIVE_COMMUNITY, url: live.url });
      // Eight analyses for the dead endpoint first (lower outbox seqs), then one for the live one.
      const events = [
        ...Array.from({ length: 8 }, (_, i) => event(DEAD_COMMUNITY, `d${String(i).padStart(23, '0')}`)),
        event(LIVE_COMMUNITY, 'f'.repeat(24)),
      ];
      await b.storage.atomically({}, () => ({ writes: { outbox: events }, result: null }));

      const started = Date.now();
      worker = startWebhookWorker({
        storage: b.storage,
        intervalMs: 25,
        timeoutMs: TIMEOUT_MS,
        allowPrivateAddresses: true,
        logger: () => {},
      });
      const arrived = await until(() => live.received.length === 1, 3 * TIMEOUT_MS);
      const waited = Date.now() - started;
      expect(arrived, 'the live endpoint got its event').toBe(true);
      expect(waited, `live delivery after ${waited} ms`).toBeLessThan(TIMEOUT_MS);
      // The dead endpoint was being tried at the same time (its requests hang until the timeout).
      expect(await until(() => dead.hits() > 0, TIMEOUT_MS)).toBe(true);
    }, 20_000);
  });
}
