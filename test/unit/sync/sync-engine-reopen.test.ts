// A tab reloads while a request carrying a new drawing is on the wire; another client writes before
// the reloaded page opens the analysis again. Whether the server's drawing under that id is this
// tab's own (committed, answer lost) or another client's (request refused) is only known from the
// request's answer: the two interleavings the sync model found (seeds 20261127 and 715701549),
// replayed step by step against the real reference server.
import { describe, expect, it } from 'vitest';
import type { Editor } from '../../../src/editor/editor-api';
import { createApiClient } from '../../../src/sync/api-client';
import type { SyncEngine } from '../../../src/sync/engine-api';
import { memoryOutbox } from '../../../src/sync/outbox';
import { docFromDetail, docFromDomain } from '../../../src/sync/sync-doc';
import { pt } from '../editor/fixtures';
import {
  BASE_URL,
  drain,
  type FetchFn,
  newEditor,
  settle,
  testEngine,
  testServer,
  VirtualClock,
} from './harness';

/** A page: an editor and its engine over the shared outbox; `reloadOn` throws the page away mid-request. */
async function world() {
  const clock = new VirtualClock();
  const server = await testServer(() => clock.now);
  const outbox = memoryOutbox();
  const direct = createApiClient({ baseUrl: BASE_URL, apiKey: server.apiKey, fetch: server.fetch });
  let reloadOn: string | null = null;
  const renames: [string, string][] = [];
  /** Every drawing id the editor showed, on any page. */
  const shown = new Set<string>();
  const page: { editor: Editor; engine: SyncEngine } = { editor: newEditor(), engine: null! };
  const fetch: FetchFn = async (input, init) => {
    const res = await server.fetch(input, init);
    if (reloadOn !== null && `${init.method} ${new URL(input).pathname}`.endsWith(reloadOn)) {
      reloadOn = null;
      // The server has answered (committed or refused); the tab is gone before the answer arrives.
      page.engine.dispose();
      throw new TypeError('page reloaded');
    }
    return res;
  };
  const client = createApiClient({ baseUrl: BASE_URL, apiKey: server.apiKey, fetch });
  const boot = () => {
    page.editor = newEditor();
    const rename = page.editor.renameDrawings;
    page.editor.renameDrawings = (renamed) => {
      renames.push(...renamed);
      rename(renamed);
    };
    page.editor.subscribe((state) => {
      for (const id of state.order) shown.add(id);
    });
    page.engine = testEngine(page.editor, client, outbox, clock);
  };
  boot();
  return {
    clock,
    direct,
    page,
    renames,
    shown,
    reloadOn: (what: string) => {
      reloadOn = what;
    },
    /** Lets the engine send after its debounce until the page is gone. */
    async sendUntilReload() {
      clock.advance(400);
      while (reloadOn !== null) await settle(1);
      await settle(3);
    },
    /** The reloaded page opens the analysis its outbox knows. */
    async reopen(analysisId: string) {
      boot();
      await page.engine.open(analysisId);
      await drain(page.engine, clock);
    },
  };
}

describe('reloaded while a request with a new drawing is on the wire', () => {
  it('keeps its committed append as its own drawing after another client edited it (seed 20261127)', async () => {
    const w = await world();
    w.page.editor.create('HORIZONTAL_LINE', [pt(0, 110)]);
    await drain(w.page.engine, w.clock);
    const id = w.page.engine.analysisId!;
    w.page.editor.create('HORIZONTAL_LINE', [pt(0, 110)]);
    expect(w.page.editor.getState().order).toEqual(['hline_1', 'hline_2']);
    w.reloadOn('/drawings');
    await w.sendUntilReload();
    // The append committed; another client moves hline_2 (one price up) before the page opens again.
    const committed = (await w.direct.get(id)).data;
    expect(committed.drawings.map((d) => d.clientObjectId)).toEqual(['hline_1', 'hline_2']);
    const moved = committed.drawings.map(({ id: _id, ...d }) =>
      d.clientObjectId === 'hline_2' ? { ...d, points: [{ ...d.points[0]!, price: 111 }] } : d,
    );
    await w.direct.update(id, { sender: 'other@example.com', drawings: moved as never });
    await w.reopen(id);
    const server = (await w.direct.get(id)).data;
    // One hline_2 — the other client's move of this tab's drawing — and no copy under a new id.
    expect(server.drawings.map((d) => [d.clientObjectId, d.points[0]!.price])).toEqual([
      ['hline_1', 110],
      ['hline_2', 111],
    ]);
    // Not even for a moment: the reopened page never showed a copy of hline_2 under another id.
    expect([...w.shown].sort()).toEqual(['hline_1', 'hline_2']);
    expect(w.renames).toEqual([]);
    expect(docFromDomain(w.page.editor.getState())).toEqual(docFromDetail(server));
  });

  it('renames its refused drawing whose id another client took, and the editor hears of it (seed 715701549)', async () => {
    const w = await world();
    w.page.editor.create('HORIZONTAL_LINE', [pt(0, 110)]);
    await drain(w.page.engine, w.clock);
    const id = w.page.engine.analysisId!;
    // Another client appends line_1: the id this editor gives its next line.
    await w.direct.append(id, {
      sender: 'other@example.com',
      drawings: [
        {
          type: 'LINE',
          clientObjectId: 'line_1',
          points: [
            { time: '2026-01-08T05:00:00Z', price: 150 },
            { time: '2026-01-08T09:00:00Z', price: 161 },
          ],
        },
      ],
    });
    w.page.editor.create('LINE', [pt(0, 110), pt(3, 112)]);
    w.page.editor.setMetadata({ title: 'a' });
    // A PATCH (the title changed) with If-Match 1 meets version 2: refused, and the tab reloads.
    w.reloadOn('PATCH /v1/analysis/' + id);
    await w.sendUntilReload();
    await w.reopen(id);
    const server = (await w.direct.get(id)).data;
    expect(server.metadata.title).toBe('a');
    expect(server.drawings.map((d) => [d.clientObjectId, d.points[1]?.price ?? d.points[0]!.price])).toEqual([
      ['hline_1', 110],
      ['line_1', 161],
      ['line_2', 112],
    ]);
    // The rename reached the editor (its history and whoever follows the user's drawings).
    expect(w.renames).toEqual([['line_1', 'line_2']]);
    expect(docFromDomain(w.page.editor.getState())).toEqual(docFromDetail(server));
  });
});

describe('reloaded before a delete reached the server', () => {
  it('does not give a new drawing the id of one whose create and delete are still unconfirmed', async () => {
    const clock = new VirtualClock();
    const server = await testServer(() => clock.now);
    const outbox = memoryOutbox();
    let editor = newEditor();
    let engine: SyncEngine;
    let deleteMidFlight = true;
    const fetch: FetchFn = async (input, init) => {
      const res = await server.fetch(input, init);
      if (deleteMidFlight && init.method === 'POST') {
        deleteMidFlight = false;
        // The Create committed; the user deletes its rectangle, then the tab reloads before either answer.
        editor.delete(['rect_1']);
        engine.dispose();
        throw new TypeError('page reloaded');
      }
      return res;
    };
    const client = createApiClient({ baseUrl: BASE_URL, apiKey: server.apiKey, fetch });
    engine = testEngine(editor, client, outbox, clock);
    expect(editor.create('RECTANGLE', [pt(0, 110), pt(3, 112)])).toBe('rect_1');
    clock.advance(400);
    while (deleteMidFlight) await settle(1);
    await settle(3);
    // The reloaded page: a fresh editor, its draft resumed from the outbox.
    editor = newEditor();
    engine = testEngine(editor, client, outbox, clock);
    expect(await engine.resumeDraft()).toBe(true);
    expect(editor.getState().order).toEqual([]);
    // rect_1 is on the server until the pending delete lands: a new rectangle must not take its id.
    const second = editor.create('RECTANGLE', [pt(5, 120), pt(8, 125)]);
    expect(second).not.toBe('rect_1');
    await drain(engine, clock);
    const got = (
      await createApiClient({ baseUrl: BASE_URL, apiKey: server.apiKey, fetch: server.fetch }).get(
        engine.analysisId!,
      )
    ).data;
    expect(got.drawings.map((d) => [d.clientObjectId, d.points[0]!.price])).toEqual([[second, 120]]);
  });
});
