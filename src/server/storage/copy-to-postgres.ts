// `chartmark copy-to-postgres`: moves a SQLite database into an empty PostgreSQL one. Everything
// happens in ONE PostgreSQL transaction (refusal check, copy, sequences, verification), so a
// failure at any point leaves the target as it was; the SQLite file is only ever read.
import { toDetailJson } from '../analysis/detail';
import type { PgClient, PgSession } from './postgres/pg-client';
import { migratePostgres } from './postgres/pg-migrations';
import { type AnalysisColumns, analysisFromColumns, analysisFromParts, numericColumns } from './rows';
import { inTransaction } from './sql';
import { type CopySource, openCopySource, type SourceValue } from './sqlite/copy-source';

/** One table copied, with its rows counted on both sides. */
export interface CopiedTable {
  readonly table: string;
  readonly copied: number;
}

/** What a copy did: the tables in copy order, and where the outbox seq continues from. */
export interface CopyResult {
  readonly tables: readonly CopiedTable[];
  /** The outbox sequence's last value: the next event gets this + 1. */
  readonly outboxSeq: number;
}

/** A copy that was not started because of what it found (missing source, non-empty target). */
export class CopyRefusedError extends Error {
  override readonly name = 'CopyRefusedError';
}

/** A table of the schema, with its key (for comparing rows) and its serial column if any. */
interface TableSpec {
  readonly name: string;
  readonly key: readonly string[];
  readonly serial?: string;
}

/** Every data table, parents before children (the drawing runs and ids reference analyses, webhook_queue webhook_endpoints). */
export const COPIED_TABLES: readonly TableSpec[] = [
  { name: 'analyses', key: ['id'] },
  { name: 'analysis_drawing_runs', key: ['analysis_id', 'position'] },
  { name: 'analysis_client_object_ids', key: ['analysis_id', 'client_object_id'] },
  { name: 'outbox', key: ['seq'], serial: 'seq' },
  { name: 'api_keys', key: ['id'] },
  { name: 'idempotency', key: ['community_id', 'key'] },
  { name: 'webhook_endpoints', key: ['id'] },
  { name: 'webhook_queue', key: ['delivery_id'] },
  { name: 'webhook_deliveries', key: ['id'], serial: 'id' },
];

/** Rows per INSERT statement (15 columns × 400 stays far below PostgreSQL's 65 535 parameters). */
const BATCH = 400;

type Row = Record<string, SourceValue>;

/**
 * Copies every table of the SQLite file at `from` into the database behind `client`: migrates it,
 * refuses it unless empty, copies, moves the sequences past the copied maximum, verifies, commits.
 */
export async function copySqliteToPostgres(from: string, client: PgClient): Promise<CopyResult> {
  const source = openCopySource(from);
  if (!source) throw new CopyRefusedError(`--from: no SQLite database at ${JSON.stringify(from)}`);
  try {
    await migratePostgres(client);
    return await client.withSession((s) => inTransaction(s, () => copyAll(source, s)));
  } finally {
    source.close();
  }
}

async function copyAll(source: CopySource, s: PgSession): Promise<CopyResult> {
  const names = COPIED_TABLES.map((t) => t.name);
  // No server can write these tables until we commit or roll back.
  await s.exec(`LOCK TABLE ${names.join(', ')} IN EXCLUSIVE MODE`);
  await refuseNonEmpty(s, names);
  const tables: CopiedTable[] = [];
  const copied = new Map<TableSpec, Row[]>();
  for (const t of COPIED_TABLES) {
    const rows = source.table(t.name);
    await named(t.name, async () => {
      const columns = await targetColumns(s, t.name, rows.columns);
      for (let i = 0; i < rows.rows.length; i += BATCH)
        await insertBatch(s, t.name, columns, rows.rows.slice(i, i + BATCH));
      await verifyTable(s, t, columns, rows.rows);
    });
    copied.set(t, rows.rows);
    tables.push({ table: t.name, copied: rows.rows.length });
  }
  await verifyDetails(source, s);
  // setval is not undone by ROLLBACK, so sequences move only after everything else succeeded.
  let outboxSeq = 0;
  for (const [t, rows] of copied) {
    if (!t.serial) continue;
    const last = await named(t.name, () => moveSequence(source, s, t, rows));
    if (t.name === 'outbox') outboxSeq = last;
  }
  return { tables, outboxSeq };
}

/** Runs fn, prefixing the table's name to its error unless the message already starts with it. */
async function named<R>(table: string, fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(message.startsWith(`${table}`) ? message : `${table}: ${message}`);
  }
}

/** Throws the refusal naming each table that holds rows. */
async function refuseNonEmpty(s: PgSession, names: readonly string[]): Promise<void> {
  const held: string[] = [];
  for (const name of names) {
    const n = Number((await s.query(`SELECT COUNT(*) AS n FROM ${name}`)).rows[0]!.n);
    if (n > 0) held.push(`${name}: ${n}`);
  }
  if (held.length > 0)
    throw new CopyRefusedError(
      `--to: the target database already holds data (${held.join(', ')}); ` +
        'copy-to-postgres only copies into an empty database and never merges or overwrites',
    );
}

/** The source columns, after checking the target has each of them. */
async function targetColumns(s: PgSession, table: string, columns: readonly string[]): Promise<string[]> {
  const r = await s.query(
    'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
    [table],
  );
  const target = new Set(r.rows.map((c) => String(c.column_name)));
  const missing = columns.find((c) => !target.has(c));
  if (missing !== undefined) throw new Error(`${table}.${missing}: the PostgreSQL schema has no such column`);
  return [...columns];
}

/** SQLite INTEGER → decimal text, which PostgreSQL reads exactly into INTEGER or BIGINT. */
function param(table: string, column: string, v: unknown): string | number | null {
  if (v === null || typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return v;
  throw new Error(`${table}.${column}: a ${typeof v} value cannot be copied (BLOB columns are not expected)`);
}

async function insertBatch(s: PgSession, table: string, columns: readonly string[], rows: readonly Row[]) {
  if (rows.length === 0 || columns.length === 0) return;
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const slots = columns.map((c) => {
      params.push(param(table, c, row[c] ?? null));
      return `$${params.length}`;
    });
    return `(${slots.join(', ')})`;
  });
  await s.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
}

/**
 * Sets the serial column's sequence so the next value follows the copied maximum, or SQLite's
 * AUTOINCREMENT high-water mark when that is higher (rows pruned from the end keep their seq
 * taken: endpoint cursors may point past the last row). Returns the sequence's last value.
 */
async function moveSequence(
  source: CopySource,
  s: PgSession,
  t: TableSpec,
  rows: readonly Row[],
): Promise<number> {
  const column = t.serial!;
  let last = 0n;
  for (const r of rows) if (BigInt(r[column] ?? 0) > last) last = BigInt(r[column] ?? 0);
  const mark = source.sequenceMark(t.name);
  if (mark !== undefined && mark > last) last = mark;
  const sequence = `pg_get_serial_sequence('${t.name}', '${column}')`;
  if (last > 0n) await s.query(`SELECT setval(${sequence}, $1::bigint, true)`, [last.toString()]);
  else await s.query(`SELECT setval(${sequence}, 1, false)`);
  return Number(last);
}

/** Canonical text of a row for comparison: every value as text or null, keys in column order. */
function rowText(columns: readonly string[], row: Record<string, unknown>): string {
  return JSON.stringify(
    columns.map((c) => (row[c] === null || row[c] === undefined ? null : String(row[c]))),
  );
}

/** Count and every value of every row equal, read back inside the transaction. */
async function verifyTable(s: PgSession, t: TableSpec, columns: readonly string[], rows: readonly Row[]) {
  const n = Number((await s.query(`SELECT COUNT(*) AS n FROM ${t.name}`)).rows[0]!.n);
  if (n !== rows.length)
    throw new Error(`${t.name}: ${rows.length} rows in SQLite but ${n} in PostgreSQL after the copy`);
  if (columns.length === 0) return;
  const copied = new Map<string, string>();
  const keyOf = (r: Record<string, unknown>) => rowText(t.key, r);
  for (const r of (await s.query(`SELECT ${columns.join(', ')} FROM ${t.name}`)).rows)
    copied.set(keyOf(r), rowText(columns, r));
  for (const r of rows) {
    if (copied.get(keyOf(r)) !== rowText(columns, r))
      throw new Error(`${t.name}: the row with key ${keyOf(r)} differs after the copy`);
  }
}

/** Every analysis's AnalysisDetail JSON, built from each side's row, is the same text. */
async function verifyDetails(source: CopySource, s: PgSession): Promise<void> {
  const now = Date.now();
  const texts = new Map<string, string[]>();
  const drawings = await s.query(
    'SELECT analysis_id, json FROM analysis_drawing_runs ORDER BY analysis_id, position',
  );
  for (const r of drawings.rows) {
    const id = String(r.analysis_id);
    const list = texts.get(id);
    if (list) list.push(String(r.json));
    else texts.set(id, [String(r.json)]);
  }
  const copied = new Map<string, string>();
  for (const r of (await s.query('SELECT * FROM analyses')).rows) {
    const c = numericColumns<AnalysisColumns>(r);
    copied.set(c.id, toDetailJson(analysisFromParts(c, texts.get(c.id) ?? []), now).text);
  }
  for (const c of source.analyses()) {
    if (copied.get(c.id) !== toDetailJson(analysisFromColumns(c), now).text)
      throw new Error(`analyses: the detail JSON of analysis ${c.id} differs after the copy`);
  }
}
