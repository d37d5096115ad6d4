// Bytes and requests per edit for a scripted editing session: the sync engine (append for new
// drawings, one PATCH per finished edit, nothing during a drag) next to the naive client that
// PATCHes the whole document on every editor change. Both run against the real reference server
// in this process (app.request, no sockets), on the same script, in the same run.
// Run: npx tsx bench/sync.bench.ts [existing drawings, default 200] [runs, default 5]
import type { Editor } from '../src/editor/editor-api';
import { createApiClient } from '../src/sync/api-client';
import { memoryOutbox } from '../src/sync/outbox';
import { createSyncEngine } from '../src/sync/sync-engine';
import { docFromDomain, domainFromDetail, patchBody } from '../src/sync/sync-doc';
import { pt, vp } from '../test/unit/editor/fixtures';
import {
  BASE_URL,
  CHANNEL,
  COMMUNITY,
  drain,
  type FetchFn,
  newEditor,
  SENDER,
  testServer,
  VirtualClock,
} from '../test/unit/sync/harness';

const EXISTING = Number(process.argv[2] ?? 200);
const RUNS = Number(process.argv[3] ?? 5);

interface Tally {
  requests: number;
  bytes: number;
}

/** The session: 10 new drawings, 5 drags of 60 frames, 3 restyles, 2 deletes, a title, a level. */
async function session(
  editor: Editor,
  pause: () => Promise<void>,
  frame: () => Promise<void>,
): Promise<number> {
  let edits = 0;
  const step = async (edit: () => void) => {
    edit();
    edits++;
    await pause();
  };
  for (let i = 0; i < 10; i++)
    await step(() => editor.create('LINE', [pt(10 + i, 150 + i), pt(20 + i, 160 + i)]));
  for (let i = 0; i < 5; i++) {
    const order = editor.getState().order;
    const id = order[(i * 7) % order.length]!;
    editor.beginGesture();
    for (let f = 0; f < 60; f++) {
      editor.move(1, 0.5, vp, [id]);
      await frame();
    }
    await step(() => editor.endGesture());
  }
  for (let i = 0; i < 3; i++)
    await step(() => editor.restyle({ color: '#2962ff' }, [editor.getState().order[i]!]));
  for (let i = 0; i < 2; i++)
    await step(() => {
      const order = editor.getState().order;
      editor.delete([order[(40 + i) % order.length]!]);
    });
  await step(() => editor.setMetadata({ title: 'EUR/USD: breakout retest' }));
  await step(() =>
    editor.setLevel('pivot', { id: 'pivot_main', price: 150 as never, time: pt(50, 150).time }),
  );
  return edits;
}

async function seeded(clock: VirtualClock) {
  const server = await testServer(() => clock.now);
  const tally: Tally = { requests: 0, bytes: 0 };
  const fetch: FetchFn = (input, init) => {
    if (init.method !== 'GET') {
      tally.requests++;
      tally.bytes += typeof init.body === 'string' ? Buffer.byteLength(init.body) : 0;
    }
    return server.fetch(input, init);
  };
  const client = createApiClient({ baseUrl: BASE_URL, apiKey: server.apiKey, fetch });
  const setup = newEditor();
  for (let i = 0; i < EXISTING; i++)
    setup.create('RECTANGLE', [pt(i % 90, 110 + (i % 60)), pt((i % 90) + 2, 112 + (i % 60))]);
  const doc = docFromDomain(setup.getState());
  const created = await client.create(COMMUNITY, CHANNEL, {
    sender: SENDER,
    ...doc,
    drawings: [...doc.drawings],
  });
  const editor = newEditor();
  return { server, client, tally, editor, id: created.data.id, version: created.data.version };
}

async function withEngine(): Promise<{ tally: Tally; edits: number; ms: number }> {
  const clock = new VirtualClock();
  const s = await seeded(clock);
  const engine = createSyncEngine({
    editor: s.editor,
    client: s.client,
    outbox: memoryOutbox(),
    communityId: COMMUNITY,
    channelId: CHANNEL,
    sender: SENDER,
    timers: clock,
    now: () => clock.now,
  });
  await engine.open(s.id);
  s.tally.requests = 0;
  s.tally.bytes = 0;
  const t0 = performance.now();
  const edits = await session(
    s.editor,
    async () => {
      clock.advance(1500); // the user pauses between edits
      await drain(engine, clock);
    },
    async () => clock.advance(16),
  );
  return { tally: s.tally, edits, ms: performance.now() - t0 };
}

async function naive(): Promise<{ tally: Tally; edits: number; ms: number }> {
  const clock = new VirtualClock();
  const s = await seeded(clock);
  const first = (await s.client.get(s.id)).data;
  let version = first.version;
  let chain = Promise.resolve();
  // Start from the server's document, then PATCH everything on every change the editor reports.
  s.editor.load(domainFromDetail(first));
  let base = docFromDomain(s.editor.getState());
  s.editor.subscribe((state, change) => {
    if (!change.document || change.origin === 'remote') return;
    const desired = docFromDomain(state);
    const body = patchBody(SENDER, base, desired);
    base = desired;
    chain = chain.then(async () => {
      const r = await s.client.update(s.id, body, { ifMatch: version });
      version = r.data.version ?? version + 1;
    });
  });
  const t0 = performance.now();
  const edits = await session(
    s.editor,
    () => chain,
    async () => {},
  );
  await chain;
  return { tally: s.tally, edits, ms: performance.now() - t0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const ours: Awaited<ReturnType<typeof withEngine>>[] = [];
const theirs: Awaited<ReturnType<typeof naive>>[] = [];
for (let r = 0; r < RUNS; r++) {
  ours.push(await withEngine());
  theirs.push(await naive());
}
const o = ours[0]!;
const n = theirs[0]!;
const kb = (b: number) => (b / 1024).toFixed(1);
console.log(
  `sync session on an analysis with ${EXISTING} drawings: ${o.edits} finished edits (10 adds, 5 drags × 60 frames, 3 restyles, 2 deletes, title, level)`,
);
console.log(
  'client              | requests | req/edit | body KiB | KiB/edit | session ms (median of %d)',
  RUNS,
);
console.log(
  `sync engine         | ${o.tally.requests.toString().padStart(8)} | ${(o.tally.requests / o.edits).toFixed(2).padStart(8)} | ${kb(o.tally.bytes).padStart(8)} | ${kb(o.tally.bytes / o.edits).padStart(8)} | ${median(ours.map((x) => x.ms)).toFixed(0)}`,
);
console.log(
  `naive PATCH/change  | ${n.tally.requests.toString().padStart(8)} | ${(n.tally.requests / n.edits).toFixed(2).padStart(8)} | ${kb(n.tally.bytes).padStart(8)} | ${kb(n.tally.bytes / n.edits).padStart(8)} | ${median(theirs.map((x) => x.ms)).toFixed(0)}`,
);
console.log(
  `ratio naive/engine: requests ${(n.tally.requests / o.tally.requests).toFixed(1)}×, bytes ${(n.tally.bytes / o.tally.bytes).toFixed(1)}×, session time ${(median(theirs.map((x) => x.ms)) / median(ours.map((x) => x.ms))).toFixed(1)}×`,
);
