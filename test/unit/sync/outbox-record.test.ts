// Pure outbox transitions around a request in flight: what the server showed meanwhile is known.
import { describe, expect, it } from 'vitest';
import { ackFlight, addEntry, mergeServer, newRecord, prepareFlight } from '../../../src/sync/outbox-record';
import { doc, hline, touched } from './docs';

describe('a drawing merged while a request is in flight', () => {
  it('stays the same drawing when edited locally: no rename after the answer (found by the sync model, seed 5264254)', () => {
    const v1 = doc(hline('mine_1', 150));
    let record = newRecord('c'.repeat(24), 'd'.repeat(24), 'cm', {
      analysisId: 'a'.repeat(24),
      version: 1,
      doc: v1,
    });
    // Append mine_2; frozen and sent.
    record = addEntry(record, touched('mine_2'), doc(hline('mine_1', 150), hline('mine_2', 160)));
    record = prepareFlight(record, 'me@example.com').record;
    expect(record.inFlight?.op).toBe('append');
    // Another writer appends race_1; this client sees it (a reload opened the analysis) before the answer.
    const server = doc(hline('mine_1', 150), hline('race_1', 130));
    const merged = mergeServer(record, server, 2, doc(hline('mine_1', 150), hline('mine_2', 160)));
    expect(merged.record.known).toEqual(['race_1']);
    record = merged.record;
    // The user moves race_1, then the append is answered (version 3: it jumped, so stale).
    const moved = doc(hline('mine_1', 150), hline('race_1', 131), hline('mine_2', 160));
    record = addEntry(record, touched('race_1'), moved);
    const acked = ackFlight(record, { op: 'append', version: 3, replayed: false });
    expect(acked.stale).toBe(true);
    // The fetch shows the server at version 3; the local move of race_1 wins, under its own id.
    const after = mergeServer(
      acked.record,
      doc(hline('mine_1', 150), hline('race_1', 130), hline('mine_2', 160)),
      3,
      moved,
    );
    expect(after.doc.drawings.map((d) => [d.clientObjectId, d.points[0]!.price])).toEqual([
      ['mine_1', 150],
      ['race_1', 131],
      ['mine_2', 160],
    ]);
    expect(after.record.known).toEqual([]);
  });
});
