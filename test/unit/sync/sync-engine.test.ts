import { describe, expect, it } from 'vitest';
import type { Editor } from '../../../src/editor/editor-api';
import { createApiClient } from '../../../src/sync/api-client';
import { memoryOutbox, type OutboxStore } from '../../../src/sync/outbox';
import type { SyncEngine } from '../../../src/sync/engine-api';
import { createSyncEngine } from '../../../src/sync/sync-engine';
import { statusText } from '../../../src/sync/status';
import { docFromDetail, docFromDomain } from '../../../src/sync/sync-doc';
import { pt, vp } from '../editor/fixtures';
import {
  BASE_URL,
  CHANNEL,
  COMMUNITY,
  drain,
  type FetchFn,
  newEditor,
  SENDER,
  settle,
  testEngine,
  type TestServer,
  testServer,
  VirtualClock,
} from './harness';

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly ifMatch: string | null;
  readonly at: number;
}

interface Setup {
  readonly clock: VirtualClock;
  readonly server: TestServer;
  readonly editor: Editor;
  readonly engine: SyncEngine;
  readonly outbox: OutboxStore;
  readonly sent: Sent[];
}

async function setup(
  intercept?: (sent: Sent, real: FetchFn, input: string, init: RequestInit) => Promise<Response>,
): Promise<Setup> {
  const clock = new VirtualClock();
  const server = await testServer(() => clock.now);
  const sent: Sent[] = [];
  const fetch: FetchFn = async (input, init) => {
    const headers = new Headers(init.headers);
    const s: Sent = {
      method: init.method ?? 'GET',
      path: new URL(input).pathname,
      body: typeof init.body === 'string' ? init.body : '',
      ifMatch: headers.get('if-match'),
      at: clock.now,
    };
    sent.push(s);
    return intercept ? intercept(s, server.fetch, input, init) : server.fetch(input, init);
  };
  const client = createApiClient({ baseUrl: BASE_URL, apiKey: server.apiKey, fetch });
  const editor = newEditor();
  const outbox = memoryOutbox();
  const engine = testEngine(editor, client, outbox, clock);
  return { clock, server, editor, engine, outbox, sent };
}

const writes = (sent: readonly Sent[]) => sent.filter((s) => s.method !== 'GET');

/** Another client retitles the analysis and appends its drawing `theirs` on top; returns that client. */
async function otherClientEdits(server: TestServer, analysisId: string) {
  const other = createApiClient({ baseUrl: BASE_URL, apiKey: server.apiKey, fetch: server.fetch });
  await other.update(analysisId, { sender: 'other@example.com', metadata: { title: 'Changed elsewhere' } });
  await other.append(analysisId, {
    sender: 'other@example.com',
    drawings: [
      {
        type: 'HORIZONTAL_LINE',
        clientObjectId: 'theirs',
        points: [{ time: '2026-01-08T03:00:00Z', price: 151 }],
      },
    ],
  });
  return other;
}

describe('sync engine against the reference server', () => {
  it('sends the first save as a Create carrying the draft idempotency key, then reports Saved · v1', async () => {
    const { editor, engine, clock, sent } = await setup();
    editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await drain(engine, clock);
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      `POST /v1/analysis/${COMMUNITY}/channels/${CHANNEL}`,
    ]);
    const body = JSON.parse(sent[0]!.body);
    expect(body.idempotencyKey).toMatch(/^cm[0-9a-z]+-create$/);
    expect(body.drawings.map((d: { clientObjectId: string }) => d.clientObjectId)).toEqual(['line_1']);
    expect(engine.analysisId).toMatch(/^[0-9a-f]{24}$/);
    expect(statusText(engine.status)).toBe('Saved · v1');
  });

  it('holds a new analysis back while it has no title or symbol, then sends one Create', async () => {
    const { editor, engine, clock, sent } = await setup();
    editor.setMetadata({ title: '', symbol: '' });
    editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    clock.advance(5_000);
    await settle(5);
    // The server would refuse it (400): nothing is sent, and the status says what is missing.
    expect(writes(sent)).toEqual([]);
    expect(statusText(engine.status)).toBe('New · add a title and a symbol to save');
    editor.setMetadata({ title: 'Cable long' });
    clock.advance(5_000);
    await settle(5);
    expect(writes(sent)).toEqual([]);
    expect(statusText(engine.status)).toBe('New · add a symbol to save');
    editor.setMetadata({ symbol: 'GBP/USD' });
    await drain(engine, clock);
    expect(writes(sent).map((s) => s.method)).toEqual(['POST']);
    expect(JSON.parse(writes(sent)[0]!.body).metadata).toMatchObject({
      title: 'Cable long',
      symbol: 'GBP/USD',
    });
    expect(statusText(engine.status)).toBe('Saved · v1');
  });

  it('sends a new drawing as an append with its own key, and a move as a PATCH with If-Match', async () => {
    const { editor, engine, clock, sent } = await setup();
    const first = editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await drain(engine, clock);
    editor.create('RECTANGLE', [pt(2, 140), pt(6, 145)]);
    await drain(engine, clock);
    editor.move(10, 0, vp, [first]);
    await drain(engine, clock);
    const w = writes(sent);
    expect(w.map((s) => `${s.method} ${s.path.replace(engine.analysisId ?? '', ':id')}`)).toEqual([
      `POST /v1/analysis/${COMMUNITY}/channels/${CHANNEL}`,
      'POST /v1/analysis/:id/drawings',
      'PATCH /v1/analysis/:id',
    ]);
    const append = JSON.parse(w[1]!.body);
    expect(append.drawings.map((d: { clientObjectId: string }) => d.clientObjectId)).toEqual(['rect_1']);
    expect(append.idempotencyKey).toMatch(/-a\d+$/);
    expect(append.idempotencyKey).not.toBe(JSON.parse(w[0]!.body).idempotencyKey);
    expect(w[2]!.ifMatch).toBe('"2"');
    const patch = JSON.parse(w[2]!.body);
    expect(patch.drawings.map((d: { clientObjectId: string }) => d.clientObjectId)).toEqual([
      'line_1',
      'rect_1',
    ]);
    expect(patch.drawings[0].points[0].time).toBe('2026-01-08T02:00:00Z');
    expect(statusText(engine.status)).toBe('Saved · v3');
  });

  it('sends nothing during a 60-frame drag and one PATCH after it', async () => {
    const { editor, engine, clock, sent } = await setup();
    const id = editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await drain(engine, clock);
    const before = sent.length;
    editor.beginGesture();
    for (let frame = 0; frame < 60; frame++) {
      editor.move(1, 0, vp, [id]);
      clock.advance(16);
      await settle(1);
    }
    expect(sent.length).toBe(before);
    editor.endGesture();
    await drain(engine, clock);
    expect(
      writes(sent)
        .slice(1)
        .map((s) => s.method),
    ).toEqual(['PATCH']);
    expect(sent.length - before).toBe(1);
  });

  it('coalesces edits made in quick succession into one request', async () => {
    const { editor, engine, clock, sent } = await setup();
    const id = editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await drain(engine, clock);
    editor.move(5, 0, vp, [id]);
    clock.advance(100);
    editor.move(5, 0, vp, [id]);
    clock.advance(100);
    editor.restyle({ color: '#112233' }, [id]);
    await drain(engine, clock);
    expect(writes(sent).map((s) => s.method)).toEqual(['POST', 'PATCH']);
  });

  it('appends one drawing to a 500-drawing analysis in ≤ 1 % of the bytes of the equivalent PATCH', async () => {
    const { editor, engine, clock, sent } = await setup();
    for (let i = 0; i < 500; i++)
      editor.create('LINE', [pt(i % 90, 100 + (i % 50)), pt((i % 90) + 3, 120 + (i % 40))]);
    await drain(engine, clock);
    expect(writes(sent).length).toBe(1);
    editor.create('HORIZONTAL_LINE', [pt(10, 155)]);
    await drain(engine, clock);
    const append = writes(sent)[1]!;
    expect(append.path).toBe(`/v1/analysis/${engine.analysisId}/drawings`);
    const patchBytes = JSON.stringify({ sender: SENDER, drawings: editor.exportDrawings() }).length;
    expect(append.body.length).toBeLessThanOrEqual(patchBytes * 0.01);
    expect(statusText(engine.status)).toBe('Saved · v2');
    // A size check, not a speed one: 500 edits each written to the outbox take seconds on a busy machine.
  }, 60_000);

  it('waits for Retry-After on a 503 and retries the same request', async () => {
    let failures = 1;
    const { editor, engine, clock, sent } = await setup(async (_s, real, input, init) => {
      if (failures-- > 0) {
        return new Response('{"status":"error","message":"down","code":"internal_error"}', {
          status: 503,
          headers: { 'retry-after': '7', 'content-type': 'application/json' },
        });
      }
      return real(input, init);
    });
    editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await drain(engine, clock);
    expect(sent.length).toBe(2);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(7000);
    expect(sent[1]!.body).toBe(sent[0]!.body);
    expect(statusText(engine.status)).toBe('Saved · v1');
  });

  it('reports a 400 without retrying it, and keeps the edit pending', async () => {
    const { editor, engine, clock, sent } = await setup();
    // A title longer than the spec's 200 characters: only the server's validation refuses it.
    editor.setMetadata({ title: 'x'.repeat(201) });
    await drain(engine, clock).catch(() => {});
    await settle();
    expect(sent.length).toBe(1);
    expect(engine.status.kind).toBe('error');
    expect(statusText(engine.status)).toMatch(/^Error: .*\(400 validation_failed\)$/);
    clock.advance(120_000);
    await settle();
    expect(sent.length).toBe(1);
  });

  it('on 412 rebases: the local move wins, the other client’s title and drawing arrive via applyRemote', async () => {
    const { editor, engine, clock, server } = await setup();
    const id = editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await drain(engine, clock);
    const analysisId = engine.analysisId!;
    const other = await otherClientEdits(server, analysisId);
    editor.move(20, 0, vp, [id]);
    const undoable = editor.canUndo();
    await drain(engine, clock);
    const server2 = await other.get(analysisId);
    expect(server2.data.metadata.title).toBe('Changed elsewhere');
    expect(server2.data.drawings.map((d) => d.clientObjectId)).toEqual(['line_1', 'theirs']);
    expect(server2.data.drawings[0]!.points[0]!.time).toBe('2026-01-08T03:00:00Z');
    expect(editor.getState().metadata.title).toBe('Changed elsewhere');
    const st = editor.getState();
    expect(docFromDomain(st)).toEqual(docFromDetail(server2.data));
    expect(editor.canUndo()).toBe(undoable);
    expect(statusText(engine.status)).toBe('Saved · v4');
  });

  it('on 412 keeps the local paint order: a drawing brought to front stays in front after the rebase', async () => {
    const { editor, engine, clock, server } = await setup();
    const a = editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    const b = editor.create('LINE', [pt(2, 151), pt(6, 161)]);
    await drain(engine, clock);
    const analysisId = engine.analysisId!;
    const other = await otherClientEdits(server, analysisId);
    editor.reorder('front', [a]);
    await drain(engine, clock);
    const got = await other.get(analysisId);
    expect(got.data.metadata.title).toBe('Changed elsewhere');
    // The user put `a` above `b`; the other client's drawing came in on top of what it saw.
    expect(got.data.drawings.map((d) => d.clientObjectId)).toEqual([b, 'theirs', a]);
    expect(docFromDomain(editor.getState())).toEqual(docFromDetail(got.data));
  });

  it('keeps both drawings when two clients create the same clientObjectId: the later one is renamed', async () => {
    const a = await setup();
    a.editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await drain(a.engine, a.clock);
    const analysisId = a.engine.analysisId!;
    const clientB = createApiClient({ baseUrl: BASE_URL, apiKey: a.server.apiKey, fetch: a.server.fetch });
    const editorB = newEditor();
    const engineB = createSyncEngine({
      editor: editorB,
      client: clientB,
      outbox: memoryOutbox(),
      communityId: COMMUNITY,
      channelId: CHANNEL,
      sender: 'b@example.com',
      timers: a.clock,
      now: () => a.clock.now,
      random: () => 0.25,
    });
    await engineB.open(analysisId);
    a.editor.create('RECTANGLE', [pt(2, 140), pt(6, 145)]);
    editorB.create('RECTANGLE', [pt(20, 170), pt(26, 175)]);
    expect(a.editor.getState().order.at(-1)).toBe('rect_1');
    expect(editorB.getState().order.at(-1)).toBe('rect_1');
    await drain(a.engine, a.clock);
    await drain(engineB, a.clock);
    a.engine.refresh();
    await drain(a.engine, a.clock);
    const server = await clientB.get(analysisId);
    expect(server.data.drawings.map((d) => d.clientObjectId)).toEqual(['line_1', 'rect_1', 'rect_2']);
    expect(server.data.drawings[2]!.points[0]!.price).toBe(170);
    expect(docFromDomain(editorB.getState())).toEqual(docFromDetail(server.data));
    expect(docFromDomain(a.editor.getState())).toEqual(docFromDetail(server.data));
  });

  it('does not duplicate a new drawing whose PATCH committed but whose answer was lost', async () => {
    let lose = false;
    const { editor, engine, clock, server } = await setup(async (s, real, input, init) => {
      const res = await real(input, init);
      if (lose && s.method === 'PATCH') {
        lose = false;
        throw new TypeError('connection lost after the server answered');
      }
      return res;
    });
    const id = editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await drain(engine, clock);
    editor.move(10, 0, vp, [id]);
    editor.create('RECTANGLE', [pt(2, 140), pt(6, 145)]);
    lose = true;
    await drain(engine, clock);
    const client = createApiClient({ baseUrl: BASE_URL, apiKey: server.apiKey, fetch: server.fetch });
    const detail = (await client.get(engine.analysisId!)).data;
    expect(detail.drawings.map((d) => d.clientObjectId)).toEqual(['line_1', 'rect_1']);
    expect(detail.version).toBe(2);
    expect(docFromDomain(editor.getState())).toEqual(docFromDetail(detail));
  });

  it('opens an analysis: the server document replaces the editor, edits made while it loads are not sent', async () => {
    const first = await setup();
    first.editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    await drain(first.engine, first.clock);
    const editor = newEditor();
    const clock = new VirtualClock();
    const outbox = memoryOutbox();
    const client = createApiClient({
      baseUrl: BASE_URL,
      apiKey: first.server.apiKey,
      fetch: first.server.fetch,
    });
    const engine = createSyncEngine({
      editor,
      client,
      outbox,
      communityId: COMMUNITY,
      channelId: CHANNEL,
      sender: SENDER,
      timers: clock,
    });
    const opening = engine.open(first.engine.analysisId!);
    editor.create('RECTANGLE', [pt(2, 140), pt(6, 145)]);
    await opening;
    await drain(engine, clock);
    expect(engine.analysisId).toBe(first.engine.analysisId);
    expect(editor.getState().order).toEqual(['line_1']);
    expect(statusText(engine.status)).toBe('Saved · v1');
    expect(editor.canUndo()).toBe(false);
    // No draft was started by the edit made during the load.
    expect(await outbox.keys()).toEqual([`analysis:${engine.analysisId}`]);
  });
});
