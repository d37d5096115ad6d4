// toDetailJson serialises the drawings once for the response, the outbox row and the drawings'
// run; the texts written must be exactly what JSON.stringify of each object gives.
import { afterEach, describe, expect, it } from 'vitest';
import { channelPath, createBody, type Harness, harness } from '../harness';

let h: Harness;
afterEach(async () => h.storage.close());

interface Stored {
  document: string;
}

/** The analysis' drawing runs' texts, in position order. */
const runTexts = (h: Harness, id: string) =>
  h.storage.db
    .prepare(
      'SELECT json FROM analysis_drawing_runs WHERE analysis_key = (SELECT key FROM analyses WHERE id = ?) ORDER BY position',
    )
    .pluck()
    .all(id) as string[];
interface Event {
  data: string;
}

/** The text is JSON.stringify output of what it parses to: same bytes after a round trip. */
const expectStringifyForm = (text: string) => expect(JSON.stringify(JSON.parse(text))).toBe(text);

describe('create and append write the texts JSON.stringify would', () => {
  it('response, outbox data and stored document of the documented create and of an append', async () => {
    h = await harness();
    const res = await h.call('POST', channelPath(), { body: createBody() });
    expect(res.status).toBe(201);
    const text = await res.text();
    expectStringifyForm(text);
    const detail = (JSON.parse(text) as { data: { id: string; drawings: unknown[] } }).data;
    expect(detail.drawings.length).toBe(3);
    const [created] = h.storage.db.prepare('SELECT data FROM outbox ORDER BY seq').all() as Event[];
    expect(created!.data).toBe(JSON.stringify(detail));
    const row = h.storage.db.prepare('SELECT document FROM analyses WHERE id = ?').get(detail.id) as Stored;
    expectStringifyForm(row.document);
    const doc = JSON.parse(row.document) as Record<string, unknown>;
    // The document without its drawings; the create's drawings are one run holding JSON.stringify of them.
    expect(Object.keys(doc)).toEqual(['sender', 'metadata', 'levels']);
    expect(runTexts(h, detail.id)).toEqual([JSON.stringify(detail.drawings)]);

    const line = {
      type: 'LINE',
      clientObjectId: 'appended',
      points: [
        { time: '2026-01-08T10:00:00.000Z', price: 1.3 },
        { time: '2026-01-08T11:00:00.250Z', price: 1.31 },
      ],
    };
    const appended = await h.call('POST', `/v1/analysis/${detail.id}/drawings`, {
      body: { sender: 'bench@example.com', drawings: [line] },
    });
    expect(appended.status).toBe(200);
    const events = h.storage.db.prepare('SELECT data FROM outbox ORDER BY seq').all() as Event[];
    expect(events.length).toBe(2);
    expectStringifyForm(events[1]!.data);
    const got = await h.call('GET', `/v1/analysis/${detail.id}`);
    const after = (JSON.parse(await got.text()) as { data: { version: number; drawings: unknown[] } }).data;
    expect(after.version).toBe(2);
    expect(after.drawings.length).toBe(4);
    expect(events[1]!.data).toBe(JSON.stringify(after));
    const row2 = h.storage.db.prepare('SELECT document FROM analyses WHERE id = ?').get(detail.id) as Stored;
    expect(row2.document).toBe(row.document);
    // The append's drawing is a run of its own after the create's.
    expect(runTexts(h, detail.id)).toEqual([
      JSON.stringify(after.drawings.slice(0, 3)),
      JSON.stringify(after.drawings.slice(3)),
    ]);
  });
});
