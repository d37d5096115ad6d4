// The SQLite side of copy-to-postgres: a read-only connection holding one snapshot of every table
// (a read transaction), read with integers as bigint so no value loses precision.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AnalysisColumns } from '../rows';

/** A value as the copy reads it. */
export type SourceValue = string | number | bigint | null;

/** What copy-to-postgres reads from the SQLite file. */
export interface CopySource {
  /** A table's columns and rows in rowid order; none when the table does not exist. */
  table(name: string): { columns: string[]; rows: Record<string, SourceValue>[] };
  /** SQLite's AUTOINCREMENT high-water mark of a table, if it has one. */
  sequenceMark(table: string): bigint | undefined;
  /** Every analyses row, numbers as numbers (for rebuilding details). */
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
  return {
    table(name) {
      // A database made before the webhook migrations has no webhook tables: nothing to copy.
      if (!exists(name)) return { columns: [], rows: [] };
      const columns = (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      const rows = db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).safeIntegers(true).all() as Record<
        string,
        SourceValue
      >[];
      return { columns, rows };
    },
    sequenceMark(table) {
      if (!exists('sqlite_sequence')) return undefined;
      const r = db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').safeIntegers(true).get(table) as
        | { seq: bigint }
        | undefined;
      return r?.seq;
    },
    analyses: () => db.prepare('SELECT * FROM analyses').all() as AnalysisColumns[],
    close() {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}
