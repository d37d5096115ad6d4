// Outbox records written before records carried a version (test/fixtures/outbox, made by the
// turn-2 engine) are read by today's code: migrated, then resumed to the server, where they end
// as exactly the document the user had when the page went away.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/sync/api-client';
import { storageOutbox } from '../../../src/sync/outbox';
import { newRecord } from '../../../src/sync/outbox-record';
import { decodeOutboxRecord, OUTBOX_SCHEMA_VERSION } from '../../../src/sync/outbox-version';
import {
  appendBody,
  createBody,
  docFromDetail,
  docFromDomain,
  type SyncDoc,
} from '../../../src/sync/sync-doc';
import { statusText } from '../../../src/sync/status';
import {
  BASE_URL,
  CHANNEL,
  COMMUNITY,
  drain,
  mapStorage,
  newEditor,
  SENDER,
  testEngine,
  testServer,
  VirtualClock,
} from './harness';

interface Fixture {
  readonly key: string;
  readonly record: Record<string, unknown> & {
    readonly desired: SyncDoc;
    readonly analysisId: string | null;
  };
}
const fixtureText = (name: string) => readFileSync(`test/fixtures/outbox/unversioned-${name}.json`, 'utf8');
const fixture = (name: string) => JSON.parse(fixtureText(name)) as Fixture;
/**
 * A document saved in an older wire form, as today's writers put it: the fixtures were written
 * when sync sent an empty style as `style: {}`; today an empty style is left out (spec §3.8 makes
 * every style key optional), and the loaded record must still say the same thing.
 */
function todaysForm<T>(doc: T): T {
  return JSON.parse(
    JSON.stringify(doc, (key, v: unknown) =>
      key === 'style' && typeof v === 'object' && v !== null && Object.keys(v).length === 0 ? undefined : v,
    ),
  ) as T;
}

async function engineOver(storage: Storage) {
  const clock = new VirtualClock();
  const server = await testServer(() => clock.now);
  const client = createApiClient({ baseUrl: BASE_URL, apiKey: server.apiKey, fetch: server.fetch });
  const editor = newEditor();
  const outbox = storageOutbox(storage);
  const engine = testEngine(editor, client, outbox, clock);
  return { clock, server, client, editor, outbox, engine };
}

describe('outbox record versions', () => {
  it.each(['draft', 'analysis'])(
    'migrates the unversioned %s fixture to today: version set, fields kept',
    (name) => {
      const { record } = fixture(name);
      const decoded = decodeOutboxRecord(record);
      expect(record).not.toHaveProperty('schemaVersion');
      // 0 → 1 sets the version (and `sent` where missing), 1 → 2 adds `known`.
      expect(OUTBOX_SCHEMA_VERSION).toBe(2);
      expect(decoded).toEqual({ ...record, schemaVersion: 2, known: [] });
    },
  );

  it('migrates a version-1 record by adding an empty `known` list', () => {
    const v1 = { ...fixture('analysis').record, schemaVersion: 1 };
    expect(decodeOutboxRecord(v1)).toEqual({ ...v1, schemaVersion: 2, known: [] });
  });

  it('fills the `sent` list that the oldest records lack', () => {
    const { sent: _sent, ...older } = fixture('draft').record;
    expect(decodeOutboxRecord(older).sent).toEqual([]);
  });

  it('reads today’s record unchanged', () => {
    const today = newRecord(COMMUNITY, CHANNEL, 'cmprefix');
    expect(today.schemaVersion).toBe(OUTBOX_SCHEMA_VERSION);
    expect(decodeOutboxRecord(JSON.parse(JSON.stringify(today)))).toEqual(today);
  });

  it('refuses a record from a newer build, naming the version, and leaves it stored', async () => {
    const storage = mapStorage();
    const newer = JSON.stringify({ ...fixture('draft').record, schemaVersion: 7 });
    storage.setItem('chartmark-outbox:draft:x', newer);
    await expect(storageOutbox(storage).read('draft:x')).rejects.toThrow(
      'outbox draft:x: schemaVersion: 7 is newer than this build reads (2); it is kept for a newer build',
    );
    expect(storage.getItem('chartmark-outbox:draft:x')).toBe(newer);
  });

  it.each([
    [{ entries: 'x' }, 'entries: must be an array'],
    [
      { entries: [{ seq: 1.5, touched: { drawings: [], levels: [], metadata: [] } }] },
      'entries[0].seq: must be an integer',
    ],
    [{ inFlight: { op: 'delete' } }, 'inFlight.op: must be create, append or patch'],
    [{ nextSeq: 0 }, 'nextSeq: must be an integer ≥ 1'],
    [{ communityId: 5 }, 'communityId: must be a string'],
    [{ schemaVersion: 'one' }, 'schemaVersion: must be an integer ≥ 0 when present'],
    [{ schemaVersion: 2, known: [1] }, 'known: must be an array of drawing ids'],
  ])('refuses a broken record, naming the field: %j', (patch, message) => {
    expect(() => decodeOutboxRecord({ ...fixture('draft').record, ...patch }, 'r')).toThrow(`r: ${message}`);
  });

  it('resumes the unversioned offline draft: its frozen Create, then the later edits, reach the server', async () => {
    const { key, record } = fixture('draft');
    const storage = mapStorage();
    storage.setItem(`chartmark-outbox:${key}`, JSON.stringify(record));
    const { clock, client, editor, engine, outbox } = await engineOver(storage);
    expect(await engine.resumeDraft()).toBe(true);
    expect(docFromDomain(editor.getState())).toEqual(todaysForm(record.desired));
    await drain(engine, clock);
    expect(statusText(engine.status)).toBe('Saved · v2');
    const server = (await client.get(engine.analysisId ?? '')).data;
    expect(docFromDetail(server)).toEqual(todaysForm(record.desired));
    expect(await outbox.keys()).toEqual([`analysis:${engine.analysisId}`]);
    const saved = await outbox.read(`analysis:${engine.analysisId}`);
    expect(saved?.schemaVersion).toBe(OUTBOX_SCHEMA_VERSION);
    expect(saved?.entries).toEqual([]);
  });

  it('resumes the unversioned analysis record: the frozen PATCH (If-Match 2) and the edits behind it land', async () => {
    const { record } = fixture('analysis');
    const base = (record as unknown as { base: { doc: SyncDoc } }).base.doc;
    const storage = mapStorage();
    const { clock, client, editor, engine } = await engineOver(storage);
    // The server the record was written against: a line created (v1), a rectangle appended (v2).
    const created = await client.create(
      COMMUNITY,
      CHANNEL,
      createBody(SENDER, { ...base, drawings: base.drawings.slice(0, 1) }, 'seed-create'),
    );
    await client.append(created.data.id, appendBody(SENDER, base.drawings.slice(1), 'seed-append'));
    const text = fixtureText('analysis').replaceAll(record.analysisId ?? '', created.data.id);
    const moved = JSON.parse(text) as Fixture;
    storage.setItem(`chartmark-outbox:analysis:${created.data.id}`, JSON.stringify(moved.record));
    await engine.open(created.data.id);
    expect(docFromDomain(editor.getState())).toEqual(todaysForm(record.desired));
    await drain(engine, clock);
    const server = (await client.get(created.data.id)).data;
    expect(docFromDetail(server)).toEqual(todaysForm(record.desired));
    expect(server.version).toBe(4);
  });
});
