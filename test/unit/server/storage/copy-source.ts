// A SQLite database file filled through the real API and the real webhook worker, as the
// copy-to-postgres tests start from: three analyses left (one updated, one appended to, one made
// with an idempotency key), one deleted, the harness's six API keys, and one webhook endpoint
// whose first delivery for analysis A failed (a retry is pending when the copy happens).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage } from '../../../../src/server/storage/sqlite/sqlite-storage';
import { addWebhook } from '../../../../src/server/webhooks/endpoints';
import { DeliveryQueue } from '../../../../src/server/webhooks/queue';
import { startWebhookWorker } from '../../../../src/server/webhooks/worker';
import {
  COMMUNITY,
  channelPath,
  createBody,
  createExample,
  dumpDatabase,
  type Harness,
  harnessOn,
  T0,
} from '../harness';

/** The webhook receiver's URL (never contacted: the worker's fetch is injected). */
export const HOOK_URL = 'https://hooks.example/in';
/** A public address for the worker's address check, so no DNS is asked. */
export const PUBLIC_LOOKUP = async () => [{ address: '93.184.216.34', family: 4 }];
/** The idempotency key of the keyed create. */
export const IDEMPOTENCY_KEY = 'copy-create-1';

/** The built source: its file, the harness serving it, and what the API answered. */
export interface CopySource {
  readonly file: string;
  readonly h: Harness;
  /** Analyses left: A (updated), B (appended to), D (created with the idempotency key). */
  readonly ids: { readonly a: string; readonly b: string; readonly d: string };
  readonly deleted: string;
  readonly keyedBody: Record<string, unknown>;
  /** The keyed create's first answer. */
  readonly keyedFirst: { readonly text: string; readonly etag: string | null };
  readonly endpointId: string;
  /** The clock after the last write (unix ms). */
  readonly now: number;
  dispose(): Promise<void>;
}

/** Builds the source database in a temporary directory. */
export async function buildCopySource(): Promise<CopySource> {
  const dir = mkdtempSync(join(tmpdir(), 'chartmark-copy-'));
  const file = join(dir, 'chartmark.sqlite');
  const storage = openSqliteStorage(file);
  const h: Harness = {
    storage,
    ...(await harnessOn(storage, { rateLimit: false }, () => dumpDatabase(storage))),
  };
  const { id: endpointId } = await addWebhook(storage, { communityId: COMMUNITY, url: HOOK_URL, now: T0 });
  let now = T0;
  const tick = () => {
    now += 1000;
    h.setNow(now);
  };
  const ok = async (res: Promise<Response>) => {
    const r = await res;
    if (!r.ok) throw new Error(`source write failed: ${r.status} ${await r.text()}`);
    return r;
  };
  const a = await createExample(h);
  tick();
  const b = await createExample(h);
  tick();
  const c = await createExample(h);
  tick();
  await ok(
    h.call('PATCH', `/v1/analysis/${a}`, { body: { sender: 'a@b.co', metadata: { title: 'Renamed' } } }),
  );
  tick();
  const drawing = {
    type: 'HORIZONTAL_LINE',
    clientObjectId: 'h_new',
    points: [{ time: '2026-01-08T10:00:00Z', price: 1.36 }],
  };
  await ok(h.call('POST', `/v1/analysis/${b}/drawings`, { body: { sender: 'a@b.co', drawings: [drawing] } }));
  tick();
  await ok(h.call('DELETE', `/v1/analysis/${c}`));
  tick();
  const keyedBody = createBody({ idempotencyKey: IDEMPOTENCY_KEY });
  const first = await ok(h.call('POST', channelPath(), { body: keyedBody }));
  const keyedFirst = { text: await first.text(), etag: first.headers.get('etag') };
  const d = (JSON.parse(keyedFirst.text) as { data: { id: string } }).data.id;

  // The real worker on the same clock: A's first delivery gets a 500, everything else a 200.
  const worker = startWebhookWorker({
    queue: new DeliveryQueue(storage),
    now: () => now,
    intervalMs: 0,
    random: () => 0.5,
    lookup: PUBLIC_LOOKUP,
    fetch: async (_url, init) => {
      const body = JSON.parse(String(init!.body)) as { analysisId: string };
      return new Response(null, { status: body.analysisId === a ? 500 : 200 });
    },
  });
  await worker.drain();
  await worker.stop();
  return {
    file,
    h,
    ids: { a, b, d },
    deleted: c,
    keyedBody,
    keyedFirst,
    endpointId,
    now,
    async dispose() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
