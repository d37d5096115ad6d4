// The outbox record's transitions at their edges: nothing to send, a no-op edit, an answer
// without a request, a merge or an open with nothing pending.
import { describe, expect, it } from 'vitest';
import {
  ackFlight,
  addEntry,
  mergeServer,
  newRecord,
  openRecord,
  prepareFlight,
} from '../../../src/sync/outbox-record';
import { docFromDetail, type SyncDoc } from '../../../src/sync/sync-doc';
import { detailOf, doc, hline, touched } from './docs';

const COMMUNITY = 'c'.repeat(24);
const CHANNEL = 'd'.repeat(24);
const ID = 'a'.repeat(24);
const SENDER = 'me@example.com';

const opened = (d: SyncDoc, version = 1) =>
  newRecord(COMMUNITY, CHANNEL, 'kp', { analysisId: ID, version, doc: d });

/** The server's detail of `d` at `version`. */
const detail = (d: SyncDoc, version: number) =>
  detailOf(d, version, { id: ID, communityId: COMMUNITY, channelId: CHANNEL, sender: SENDER });

describe('prepareFlight', () => {
  it('sends nothing when no entry is pending, or when an entry has no document', () => {
    const record = opened(doc(hline('l1', 100)));
    expect(prepareFlight(record, SENDER)).toEqual({ record, flight: null });
    const noDoc = { ...record, entries: [{ seq: 1, touched: touched('l1') }], nextSeq: 2 };
    expect(prepareFlight(noDoc, SENDER)).toEqual({ record: noDoc, flight: null });
    const noEntry = { ...record, desired: doc(hline('l1', 101)) };
    expect(prepareFlight(noEntry, SENDER)).toEqual({ record: noEntry, flight: null });
  });

  it('drops edits that cancelled out: entries gone, nothing desired, nothing sent', () => {
    const base = doc(hline('l1', 100));
    let record = addEntry(opened(base), touched('l1'), doc(hline('l1', 101)));
    record = addEntry(record, touched('l1'), doc(hline('l1', 100)));
    const { record: after, flight } = prepareFlight(record, SENDER);
    expect(flight).toBeNull();
    expect(after).toEqual({ ...record, entries: [], desired: null });
    expect(after.nextSeq).toBe(3);
  });

  it('creates whenever the analysis id or the base is missing', () => {
    const d = doc(hline('l1', 100));
    const noId = addEntry(
      { ...opened(d), analysisId: null },
      touched('l2'),
      doc(hline('l1', 100), hline('l2', 90)),
    );
    expect(prepareFlight(noId, SENDER).flight?.op).toBe('create');
    const noBase = addEntry(
      { ...opened(d), base: null },
      touched('l2'),
      doc(hline('l1', 100), hline('l2', 90)),
    );
    expect(prepareFlight(noBase, SENDER).flight?.op).toBe('create');
  });
});

describe('ackFlight', () => {
  it('refuses an answer when no request is in flight', () => {
    expect(() => ackFlight(opened(doc()), { op: 'patch', version: 2, replayed: false })).toThrow(
      'ackFlight: no request in flight',
    );
  });

  it('forgets what the confirmed request sent', () => {
    const record = addEntry(
      opened(doc(hline('l1', 100))),
      touched('l2'),
      doc(hline('l1', 100), hline('l2', 90)),
    );
    const sent = prepareFlight(record, SENDER).record;
    expect(sent.sent.map((d) => d.clientObjectId)).toEqual(['l2']);
    const { record: acked, stale } = ackFlight(sent, { op: 'append', version: 2, replayed: false });
    expect(acked.sent).toEqual([]);
    expect(acked.entries).toEqual([]);
    expect(acked.desired).toBeNull();
    expect(acked.base).toEqual({ version: 2, doc: doc(hline('l1', 100), hline('l2', 90)) });
    expect(stale).toBe(false);
  });
});

describe('mergeServer with nothing pending', () => {
  it('takes the server document as the new base and forgets sent and known drawings', () => {
    const record = { ...opened(doc(hline('l1', 100))), sent: [hline('old', 1)], known: ['k1'] };
    const server = doc(hline('l1', 100), hline('x', 120));
    const merged = mergeServer(record, server, 4, server);
    expect(merged.record).toEqual({ ...record, base: { version: 4, doc: server }, sent: [], known: [] });
    expect(merged.doc).toBe(server);
    expect(merged.renamed.size).toBe(0);
  });

  it('with a request in flight and no entries, keeps the base until the answer', () => {
    const base = doc(hline('l1', 100));
    const frozen = prepareFlight(
      addEntry(opened(base), touched('l2'), doc(hline('l1', 100), hline('l2', 90))),
      SENDER,
    );
    const acked = { ...frozen.record, entries: [] };
    const server = doc(hline('l1', 100), hline('x', 120));
    const merged = mergeServer(acked, server, 2, doc(hline('l1', 100), hline('l2', 90)));
    expect(merged.record.base).toEqual({ version: 1, doc: base });
    expect(merged.record.inFlight).toEqual(frozen.flight);
    expect(merged.record.known).toEqual(['x']);
  });
});

describe('mergeServer with edits pending and no request in flight', () => {
  it('moves the base to the server, keeps the edits on top, and forgets refused sends', () => {
    const record = {
      ...addEntry(opened(doc(hline('l1', 100))), touched('l2'), doc(hline('l1', 100), hline('l2', 90))),
      sent: [hline('refused', 1)],
      known: ['k1'],
    };
    const server = doc(hline('l1', 100), hline('x', 120));
    const merged = mergeServer(record, server, 3, doc(hline('l1', 100), hline('l2', 90)));
    expect(merged.record.base).toEqual({ version: 3, doc: server });
    expect(merged.record.sent).toEqual([]);
    expect(merged.record.known).toEqual([]);
    expect(merged.record.entries).toEqual(record.entries);
    expect(merged.doc.drawings.map((d) => d.clientObjectId)).toEqual(['l1', 'x', 'l2']);
    expect(merged.record.desired).toEqual(merged.doc);
  });
});

describe('openRecord', () => {
  const server = doc(hline('l1', 100));

  it('without a saved record starts a fresh one with a new key prefix at seq 1', () => {
    const opened1 = openRecord(undefined, detail(server, 3), COMMUNITY, CHANNEL, () => 'fresh');
    expect(opened1.record).toEqual(
      newRecord(COMMUNITY, CHANNEL, 'fresh', {
        analysisId: ID,
        version: 3,
        doc: docFromDetail(detail(server, 3)),
      }),
    );
  });

  it('a saved record with nothing pending keeps its key prefix and counter (keys never repeat)', () => {
    const saved = { ...opened(doc(hline('l1', 99))), keyPrefix: 'kept', nextSeq: 7, known: ['k'] };
    const result = openRecord(saved, detail(server, 3), COMMUNITY, CHANNEL, () => 'fresh');
    expect(result.record.keyPrefix).toBe('kept');
    expect(result.record.nextSeq).toBe(7);
    expect(result.record.base).toEqual({ version: 3, doc: docFromDetail(detail(server, 3)) });
    expect(result.record.known).toEqual([]);
    expect(result.doc).toEqual(docFromDetail(detail(server, 3)));
  });

  it('a saved record with pending entries keeps them, rebased on the server', () => {
    const saved = addEntry(opened(server), touched('l2'), doc(hline('l1', 100), hline('l2', 90)));
    const result = openRecord(saved, detail(server, 1), COMMUNITY, CHANNEL, () => 'fresh');
    expect(result.record.keyPrefix).toBe('kp');
    expect(result.record.entries).toEqual(saved.entries);
    expect(result.doc.drawings.map((d) => d.clientObjectId)).toEqual(['l1', 'l2']);
  });

  it('a saved record with only a request in flight keeps it and its base until the answer', () => {
    const frozen = prepareFlight(
      addEntry(opened(server), touched('l2'), doc(hline('l1', 100), hline('l2', 90))),
      SENDER,
    );
    const saved = { ...frozen.record, entries: [], desired: null };
    const result = openRecord(saved, detail(server, 1), COMMUNITY, CHANNEL, () => 'fresh');
    expect(result.record.inFlight).toEqual(frozen.flight);
    expect(result.record.keyPrefix).toBe('kp');
    expect(result.record.base?.version).toBe(1);
  });
});
