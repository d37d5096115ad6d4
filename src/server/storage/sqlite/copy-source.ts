// The SQLite side of copy-to-postgres: a read-only connection holding one snapshot of every table
// (a read transaction), read with integers as bigint so no value loses precision.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { splitDocument } from '../drawing-rows';
import { joinRuns } from '../drawing-runs';
import { ANALYSIS_COLUMNS, type AnalysisColumns } from '../rows';

/** A value as the copy reads it. */
export type SourceValue = string | number | bigint | null;

/** What copy-to-postgres reads from the SQLite file. */
export interface CopySource {
  /** A table's columns and rows in rowid order; none when the table does not exist. */
  table(name: string): { columns: string[]; rows: Record<string, SourceValue>[] };
  /** SQLite's AUTOINCREMENT high-water mark of a table, if it has one. */
  sequenceMark(table: string): bigint | undefined;
  /** Every analyses row with its whole document (drawings joined in), numbers as numbers (for rebuilding details). */
  analyses(): AnalysisColumns[];
  /** Ends the read transaction and closes the file. */
  close(): void;
}

/** Opens the file read-only and pins one snapshot; undefined when no such file exists. */
export function openCopySource(path: string): CopySource | undefined {
  // better-sqlite3 would create a missing file even read-only in some modes; check first.
  if (path === ':memory:' || !existsSync(path)) return undefined;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  // The read transaction pins one snapshot of every table, even if a server writes meanwhile.
  db.exec('BEGIN');
  const exists = (name: string) =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  // A file not opened since drawings became runs (migration 3) keeps them as rows of
  // analysis_drawings (version 2) or, never opened since migration 2, in the document (version 1):
  // the copy regroups them as those migrations would, and leaves the file as it is.
  const older =
    !exists('analyses') || exists('analysis_drawing_runs') ? null : exists('analysis_drawings') ? 2 : 1;
  const columnsOf = (name: string) =>
    (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((c) => c.name);
  // Since migration 4 the drawing tables name an analysis by its integer key, which PostgreSQL
  // does not have: the copy reads them joined back to the id, and leaves the key out of analyses.
  const keyed = older === null && columnsOf('analysis_drawing_runs').includes('analysis_key');
  const byId = keyed ? 'analysis_key = (SELECT key FROM analyses WHERE id = ?)' : 'analysis_id = ?';
  let moved: { analyses: Row[]; runs: Row[]; ids: Row[] } | undefined;
  const movedTables = () => {
    if (moved) return moved;
    moved = { analyses: [], runs: [], ids: [] };
    const rowsOf =
      older === 2
        ? db
            .prepare(
              'SELECT client_object_id, json FROM analysis_drawings WHERE analysis_id = ? ORDER BY position',
            )
            .raw(true)
        : null;
    for (const a of db.prepare('SELECT * FROM analyses ORDER BY rowid').safeIntegers(true).all() as Row[]) {
      const id = String(a.id);
      let head = String(a.document);
      let drawings: { clientObjectId: string; json: string }[];
      if (older === 1) {
        const split = splitDocument(id, head);
        head = split.head;
        drawings = split.rows;
      } else {
        drawings = (rowsOf!.all(id) as [string, string][]).map(([clientObjectId, json]) => ({
          clientObjectId,
          json,
        }));
      }
      moved.analyses.push({ ...a, document: head, drawing_count: BigInt(drawings.length) });
      if (drawings.length > 0)
        moved.runs.push({
          analysis_id: id,
          position: 0n,
          json: `[${drawings.map((d) => d.json).join(',')}]`,
        });
      for (const d of drawings) moved.ids.push({ analysis_id: id, client_object_id: d.clientObjectId });
    }
    return moved;
  };
  const drawingTable = (name: string, columns: string, order: string) => ({
    columns: ['analysis_id', ...columns.split(', ')],
    rows: db
      .prepare(
        keyed
          ? `SELECT a.id AS analysis_id, ${columns} FROM ${name} JOIN analyses a ON a.key = analysis_key ORDER BY analysis_key, ${order}`
          : `SELECT analysis_id, ${columns} FROM ${name} ORDER BY analysis_id, ${order}`,
      )
      .safeIntegers(true)
      .all() as Row[],
  });
  return {
    table(name) {
      if (older !== null && name === 'analyses')
        return { columns: columnsOf(name), rows: movedTables().analyses };
      if (older !== null && name === 'analysis_drawing_runs')
        return { columns: ['analysis_id', 'position', 'json'], rows: movedTables().runs };
      if (older !== null && name === 'analysis_client_object_ids')
        return { columns: ['analysis_id', 'client_object_id'], rows: movedTables().ids };
      // A database made before the webhook migrations has no webhook tables: nothing to copy.
      if (!exists(name)) return { columns: [], rows: [] };
      if (name === 'analysis_drawing_runs') return drawingTable(name, 'position, json', 'position');
      if (name === 'analysis_client_object_ids')
        return drawingTable(name, 'client_object_id', 'client_object_id');
      if (name === 'analyses' && keyed) {
        const columns = columnsOf(name).filter((c) => c !== 'key');
        const rows = db
          .prepare(`SELECT ${columns.join(', ')} FROM analyses ORDER BY rowid`)
          .safeIntegers(true)
          .all() as Row[];
        return { columns, rows };
      }
      const rows = db
        .prepare(`SELECT * FROM ${name} ORDER BY ${copyOrder(name)}`)
        .safeIntegers(true)
        .all() as Row[];
      return { columns: columnsOf(name), rows };
    },
    sequenceMark(table) {
      if (!exists('sqlite_sequence')) return undefined;
      const r = db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').safeIntegers(true).get(table) as
        | { seq: bigint }
        | undefined;
      return r?.seq;
    },
    analyses: () => {
      const rows = db
        .prepare(`SELECT ${ANALYSIS_COLUMNS.join(', ')} FROM analyses`)
        .all() as AnalysisColumns[];
      if (older === 1) return rows;
      const texts =
        older === 2
          ? db.prepare('SELECT json FROM analysis_drawings WHERE analysis_id = ? ORDER BY position').pluck()
          : db.prepare(`SELECT json FROM analysis_drawing_runs WHERE ${byId} ORDER BY position`).pluck();
      // Version 2's rows are one drawing each: as one run, they join the same way.
      const runs = (id: string) => {
        const all = texts.all(id) as string[];
        return older === 2 ? (all.length === 0 ? [] : [`[${all.join(',')}]`]) : all;
      };
      return rows.map((c) => ({ ...c, document: joinRuns(c.document, runs(c.id)) }));
    },
    close() {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}

type Row = Record<string, SourceValue>;

/** The order of a table's rows in today's schema: rowid, or the key of a WITHOUT ROWID table (which is its order). */
export function copyOrder(table: string): string {
  if (table === 'analysis_drawing_runs') return 'analysis_key, position';
  if (table === 'analysis_client_object_ids') return 'analysis_key, client_object_id';
  return 'rowid';
}
