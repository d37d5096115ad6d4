// The write statements of the SQLite adapter and how a transaction's writes (TxWrites) become
// them: run at once on the connection (`direct`), or recorded for the writer thread (writer.ts),
// which has the same statements by name.
import type Database from 'better-sqlite3';
import { drawingRun } from '../drawing-runs';
import { jsonText } from '../json-text';
import { ANALYSIS_COLUMNS, analysisToColumns, idempotencyValues } from '../rows';
import type { AnalysisDocument, AnalysisRow, OutboxEvent, TxWrites } from '../storage';
import { outboxData } from '../storage';

/** The analyses columns, comma-separated, in ANALYSIS_COLUMNS order. */
export const COLUMNS = ANALYSIS_COLUMNS.join(', ');
/** The integer key of the analysis with the id bound here (the drawing tables' key, migration 4). */
export const KEY_OF = '(SELECT key FROM analyses WHERE id = ?)';
const PARAMS = COLUMNS.split(', ')
  .map((c) => `@${c}`)
  .join(', ');

/**
 * The statements a write transaction runs, by name: prepared on the storage's connection, and
 * sent by name to the writer thread (writer.ts) when it has one.
 */
export const WRITE_SQL = {
  insert: `INSERT INTO analyses (${COLUMNS}) VALUES (${PARAMS})`,
  update: `UPDATE analyses SET ${COLUMNS.split(', ')
    .slice(1)
    .map((c) => `${c} = @${c}`)
    .join(', ')} WHERE id = @id`,
  remove: 'DELETE FROM analyses WHERE id = ?',
  insertRun: `INSERT INTO analysis_drawing_runs (analysis_key, position, json) VALUES (${KEY_OF}, ?, ?)`,
  // The clientObjectIds arrive as one JSON array, expanded in SQLite: one statement, one binding.
  insertIds: `INSERT INTO analysis_client_object_ids (analysis_key, client_object_id) SELECT ${KEY_OF}, value FROM json_each(?)`,
  removeRuns: `DELETE FROM analysis_drawing_runs WHERE analysis_key = ${KEY_OF}`,
  removeIds: `DELETE FROM analysis_client_object_ids WHERE analysis_key = ${KEY_OF}`,
  moveHead: 'UPDATE analyses SET drawing_count = ?, updated_at = ?, version = ? WHERE id = ?',
  outbox:
    'INSERT INTO outbox (community_id, analysis_id, event, updated_fields, data, occurred_at) VALUES (?, ?, ?, ?, ?, ?)',
  putIdem:
    'INSERT OR REPLACE INTO idempotency (community_id, key, request_hash, response_status, response_body, ' +
    'response_etag, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  delIdem: 'DELETE FROM idempotency WHERE community_id = ? AND key = ?',
  purgeIdem: 'DELETE FROM idempotency WHERE expires_at <= ?',
} as const;

/** The name of a write statement. */
export type WriteName = keyof typeof WRITE_SQL;

/**
 * Where a transaction's writes go: run now on the storage's connection, or recorded for the
 * writer thread. `expect` makes the statement fail the transaction unless it changed that many rows.
 */
export type WriteSink = (
  name: WriteName,
  params: readonly unknown[] | object,
  expect?: { readonly changes: number; readonly otherwise: string },
) => void;

/** What the writes read on the connection: the webhook endpoints, and an analysis read back. */
export interface WriteReads {
  /** Whether the community has an active webhook endpoint (its events are stored). */
  activeEndpoint(communityId: string): boolean;
  getAnalysis(id: string): AnalysisRow | null;
}

/** The adapter's writes on `db`. */
export function sqliteWrites(db: Database.Database, reads: WriteReads) {
  const writes = Object.fromEntries(
    Object.entries(WRITE_SQL).map(([name, sql]) => [name, db.prepare(sql)]),
  ) as Record<WriteName, Database.Statement>;
  // Runs each write at once on this connection.
  const direct: WriteSink = (name, params, expect) => {
    const s = writes[name];
    const r = Array.isArray(params) ? s.run(...params) : s.run(params);
    if (expect && r.changes !== expect.changes) throw new Error(expect.otherwise);
  };
  const insertDrawings = (
    sink: WriteSink,
    analysisId: string,
    drawings: AnalysisDocument['drawings'],
    from = 0,
  ) => {
    const run = drawingRun(drawings, from);
    if (!run) return;
    sink('insertRun', [analysisId, run.position, run.json]);
    sink('insertIds', [analysisId, run.clientObjectIds]);
  };
  const removeDrawings = (sink: WriteSink, analysisId: string): void => {
    sink('removeRuns', [analysisId]);
    sink('removeIds', [analysisId]);
  };

  // Only the events someone will read: a community with an active webhook endpoint.
  const activeOutbox = (w: TxWrites): readonly OutboxEvent[] =>
    (w.outbox ?? []).filter((e) => reads.activeEndpoint(e.communityId));
  const apply = (w: TxWrites, sink: WriteSink, active: readonly OutboxEvent[] = activeOutbox(w)): void => {
    // The data is built before the rows are written, so a detail and a document that share
    // their drawings' JSON text serialise it once.
    const outbox = active.map((e) => (e.dataOfStored ? e : { ...e, data: outboxData(e) }));
    if (w.purgeIdempotencyAt !== undefined) sink('purgeIdem', [w.purgeIdempotencyAt]);
    if (w.insertAnalysis) {
      sink('insert', analysisToColumns(w.insertAnalysis));
      insertDrawings(sink, w.insertAnalysis.id, w.insertAnalysis.document.drawings);
    }
    if (w.updateAnalysis) {
      sink('update', analysisToColumns(w.updateAnalysis), {
        changes: 1,
        otherwise: `updateAnalysis: no analysis ${w.updateAnalysis.id}`,
      });
      if (!w.sameDrawings) {
        removeDrawings(sink, w.updateAnalysis.id);
        insertDrawings(sink, w.updateAnalysis.id, w.updateAnalysis.document.drawings);
      }
    }
    if (w.appendDrawings) {
      const a = w.appendDrawings;
      sink('moveHead', [a.from + a.drawings.length, a.updatedAt, a.version, a.analysisId], {
        changes: 1,
        otherwise: `appendDrawings: no analysis ${a.analysisId}`,
      });
      insertDrawings(sink, a.analysisId, a.drawings, a.from);
    }
    if (w.deleteAnalysisId !== undefined) {
      removeDrawings(sink, w.deleteAnalysisId);
      sink('remove', [w.deleteAnalysisId]);
    }
    for (const e of outbox) {
      // The read-back sees this connection's writes only: writer-batches.ts commits such a
      // transaction here.
      if (e.dataOfStored && sink !== direct) throw new Error('apply: dataOfStored needs the connection');
      sink('outbox', outboxValues(e.dataOfStored ? { ...e, data: e.dataOfStored(stored(e)) } : e));
    }
    if (w.deleteIdempotency) sink('delIdem', [w.deleteIdempotency.communityId, w.deleteIdempotency.key]);
    if (w.putIdempotency) sink('putIdem', idempotencyValues(w.putIdempotency));
  };
  const stored = (e: OutboxEvent): AnalysisRow => {
    const row = reads.getAnalysis(e.analysisId);
    if (!row) throw new Error(`outbox: ${e.event} of ${e.analysisId} reads back no analysis`);
    return row;
  };
  const outboxValues = (e: OutboxEvent): unknown[] => [
    e.communityId,
    e.analysisId,
    e.event,
    JSON.stringify(e.updatedFields),
    jsonText(e.data),
    e.occurredAt,
  ];

  return {
    /** Runs each write at once on the connection. */
    direct,
    /** Applies a transaction's writes through `sink`, in TxWrites' order. */
    apply,
    /** The events of `w` that someone will read. */
    activeOutbox,
    /** Stores an event at once on the connection (its data as given); returns its seq. */
    appendOutbox: (e: OutboxEvent): number => Number(writes.outbox.run(...outboxValues(e)).lastInsertRowid),
  };
}
