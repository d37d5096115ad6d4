// The SQLite side of copy-to-postgres: a read-only connection holding one snapshot of every table
// (a read transaction), read with integers as bigint so no value loses precision.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { joinDocument, splitDocument } from '../drawing-rows';
import type { AnalysisColumns } from '../rows';

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
  // A file never opened since drawings became rows (migration 2) still keeps them in the
  // document: the copy splits them as that migration would, and leaves the file as it is.
  const unsplit = exists('analyses') && !exists('analysis_drawings');
  let split: { analyses: Row[]; drawings: Row[] } | undefined;
  const splitTables = () => {
    if (split) return split;
    split = { analyses: [], drawings: [] };
    for (const a of db.prepare('SELECT * FROM analyses ORDER BY rowid').safeIntegers(true).all() as Row[]) {
      const { head, rows } = splitDocument(String(a.id), String(a.document));
      split.analyses.push({ ...a, document: head, drawing_count: BigInt(rows.length) });
      for (const r of rows)
        split.drawings.push({
          analysis_id: a.id ?? null,
          position: BigInt(r.position),
          client_object_id: r.clientObjectId,
          json: r.json,
        });
    }
    return split;
  };
  const columnsOf = (name: string) =>
    (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((c) => c.name);
  return {
    table(name) {
      if (unsplit && name === 'analyses') return { columns: columnsOf(name), rows: splitTables().analyses };
      if (unsplit && name === 'analysis_drawings')
        return {
          columns: ['analysis_id', 'position', 'client_object_id', 'json'],
          rows: splitTables().drawings,
        };
      // A database made before the webhook migrations has no webhook tables: nothing to copy.
      if (!exists(name)) return { columns: [], rows: [] };
      // analysis_drawings is WITHOUT ROWID: its key is its order.
      const order = name === 'analysis_drawings' ? 'analysis_id, position' : 'rowid';
      const rows = db.prepare(`SELECT * FROM ${name} ORDER BY ${order}`).safeIntegers(true).all() as Row[];
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
      const rows = db.prepare('SELECT * FROM analyses').all() as AnalysisColumns[];
      if (unsplit) return rows;
      const texts = db
        .prepare('SELECT json FROM analysis_drawings WHERE analysis_id = ? ORDER BY position')
        .pluck();
      return rows.map((c) => ({ ...c, document: joinDocument(c.document, texts.all(c.id) as string[]) }));
    },
    close() {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}

type Row = Record<string, SourceValue>;
