// The engine's public surface against the reference server: status listeners (each status once,
// none after unsubscribing), the pending count, createdAt from the server's detail, flush, and
// resumeDraft's refusals — what the demo's status bar and expiry picker read.
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/sync/api-client';
import { analysisKey, draftKey, memoryOutbox, type OutboxStore } from '../../../src/sync/outbox';
import { statusText } from '../../../src/sync/status';
import { pt } from '../editor/fixtures';
import {
  BASE_URL,
  CHANNEL,
  COMMUNITY,
  drain,
  newEditor,
  settle,
  T0_MS,
  testEngine,
  testServer,
  VirtualClock,
} from './harness';

async function setup(outbox: OutboxStore = memoryOutbox()) {
  const clock = new VirtualClock();
  const server = await testServer(() => clock.now);
  const posts: string[] = [];
  const client = createApiClient({
    baseUrl: BASE_URL,
    apiKey: server.apiKey,
    fetch: async (input, init) => {
      posts.push(`${init.method ?? 'GET'} ${new URL(input).pathname}`);
      return server.fetch(input, init);
    },
  });
  const editor = newEditor();
  const engine = testEngine(editor, client, outbox, clock);
  return { clock, editor, engine, outbox, posts };
}

describe('sync engine surface', () => {
  it('tells each listener every new status once, and nothing after it unsubscribes', async () => {
    const { editor, engine, clock } = await setup();
    const seen: string[] = [];
    const later: string[] = [];
    const stop = engine.subscribe((s) => seen.push(statusText(s)));
    engine.subscribe((s) => later.push(statusText(s)));
    editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    editor.create('LINE', [pt(2, 140), pt(6, 145)]);
    expect(engine.pending).toBe(2);
    await drain(engine, clock);
    expect(seen).toEqual(['Saving…', 'Saved · v1']);
    expect(engine.pending).toBe(0);
    stop();
    editor.setMetadata({ title: 'Cable long' });
    await drain(engine, clock);
    expect(seen).toEqual(['Saving…', 'Saved · v1']);
    expect(later).toEqual(['Saving…', 'Saved · v1', 'Saving…', 'Saved · v2']);
  });

  it("createdAt is the server detail's createdAt in UTC seconds, null before the Create", async () => {
    const { editor, engine, clock } = await setup();
    expect(engine.createdAt).toBeNull();
    expect(engine.analysisId).toBeNull();
    clock.advance(5000);
    editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await drain(engine, clock);
    // The server stamps the Create with its clock: T0 + 5 s + the 400 ms debounce (…T12:00:05.400Z).
    expect(engine.createdAt).toBe((T0_MS + 5400) / 1000);
  });

  it('flush sends at once, without waiting for the debounce', async () => {
    const { editor, engine, clock, posts } = await setup();
    editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    engine.flush();
    await engine.settled();
    await settle();
    expect(posts).toEqual([`POST /v1/analysis/${COMMUNITY}/channels/${CHANNEL}`]);
    expect(clock.now).toBe(T0_MS);
  });

  it('resumeDraft: false with no saved draft and with one that holds nothing pending', async () => {
    const empty = await setup();
    expect(await empty.engine.resumeDraft()).toBe(false);
    const outbox = memoryOutbox();
    const first = await setup(outbox);
    first.editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await first.outbox.read(draftKey(COMMUNITY, CHANNEL));
    first.engine.dispose();
    const saved = await outbox.read(draftKey(COMMUNITY, CHANNEL));
    expect(saved?.entries.length).toBe(1);
    await outbox.write(draftKey(COMMUNITY, CHANNEL), {
      ...saved!,
      entries: [],
      desired: null,
      inFlight: null,
    });
    const second = await setup(outbox);
    expect(await second.engine.resumeDraft()).toBe(false);
    expect(second.engine.status).toEqual({ kind: 'saved', version: 0 });
  });

  it('a draft saved with a pending edit resumes: true, and it is sent', async () => {
    const outbox = memoryOutbox();
    const first = await setup(outbox);
    first.editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    first.engine.dispose();
    await settle();
    const second = await setup(outbox);
    expect(await second.engine.resumeDraft()).toBe(true);
    expect(second.editor.getState().drawings.map((d) => d.id)).toEqual(['line_1']);
    await drain(second.engine, second.clock);
    expect(second.posts).toEqual([`POST /v1/analysis/${COMMUNITY}/channels/${CHANNEL}`]);
  });

  it('an outbox that cannot store is reported, still sends to the server, and the report clears once it stores', async () => {
    // Before: a failed write stayed rejected in the write chain (an unhandled rejection in the
    // page), and the report blocked sending, so with storage full nothing was kept anywhere.
    const inner = memoryOutbox();
    let full = true;
    const outbox: OutboxStore = {
      ...inner,
      write: (key, record) =>
        full ? Promise.reject(new Error('QuotaExceededError: storage full')) : inner.write(key, record),
    };
    const { editor, engine, clock, posts } = await setup(outbox);
    editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await drain(engine, clock);
    // The server has it (the only copy), and the status says the device could not keep it.
    expect(posts).toEqual([`POST /v1/analysis/${COMMUNITY}/channels/${CHANNEL}`]);
    expect(engine.status).toEqual({ kind: 'error', message: 'outbox: QuotaExceededError: storage full' });
    expect(engine.pending).toBe(0);
    // A further edit is sent too, while storage is still full.
    editor.setMetadata({ title: 'Cable long' });
    await drain(engine, clock);
    expect(posts).toHaveLength(2);
    expect(posts[1]).toMatch(/^PATCH \/v1\/analysis\//);
    expect(engine.status).toEqual({ kind: 'error', message: 'outbox: QuotaExceededError: storage full' });
    // Storage works again: the next stored write clears the report.
    full = false;
    editor.setMetadata({ title: 'Cable long, 1.35 target' });
    await drain(engine, clock);
    expect(posts).toHaveLength(3);
    expect(engine.status).toEqual({ kind: 'saved', version: 3 });
    // And the outbox holds the saved analysis' record again, with nothing pending.
    const id = /^PATCH \/v1\/analysis\/([^/]+)$/.exec(posts[2] ?? '')?.[1] ?? '';
    expect((await inner.read(analysisKey(id)))?.entries).toEqual([]);
  });
});
