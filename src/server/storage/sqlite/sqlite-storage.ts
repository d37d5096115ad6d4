// The better-sqlite3 adapter. One connection, WAL journal. A transaction runs synchronously from
// BEGIN to COMMIT (reads, decide, writes), so nothing else on the connection — the webhook
// worker included — can run inside it or see it half done. The writes asked for in one
// event-loop turn share that transaction, each in a savepoint of its own (group-commit.ts).
// With `writer: 'thread'` the API's transactions are read and decided here and their writes
// committed by a worker thread on a second connection (writer.ts, writer-batches.ts); every
// other write on this connection waits until the thread has committed what it was sent.
import Database from 'better-sqlite3';
import type {
  AnalysisDocument,
  AnalysisHead,
  AnalysisListQuery,
  AnalysisListRow,
  AnalysisRow,
  ApiKeyRow,
  IdempotencyRow,
  OutboxEvent,
  OutboxRow,
  Storage,
  TxDecision,
  TxReads,
  TxSnapshot,
  TxWrites,
} from '../storage';
import { ACTIVE_ENDPOINT_SQL, outboxData } from '../storage';
import { drawingRun } from '../drawing-runs';
import { jsonText } from '../json-text';
import { listStatements } from '../list-query';
import { oneAtATime } from '../one-at-a-time';
import {
  ANALYSIS_COLUMNS,
  type AnalysisColumns,
  type ApiKeyColumns,
  analysisFromParts,
  analysisToColumns,
  apiKeyFromColumns,
  apiKeyValues,
  headFromColumns,
  type IdempotencyColumns,
  idempotencyFromColumns,
  listRowFromColumns,
  type OutboxColumns,
  outboxFromColumns,
} from '../rows';
import type { SqlClient } from '../sql';
import { type Checkpointer, type CheckpointerOptions, startCheckpointer } from './checkpointer';
import { groupCommit } from './group-commit';
import { MIGRATIONS, type Migration, migrate } from './migrations';
import { positional, sqliteSqlClient } from './sqlite-sql';
import { startWriter, type Writer } from './writer';
import { writerBatches } from './writer-batches';

/** The SQLite storage; `db` is exposed for SQLite-only code (test dumps, benchmarks). */
export interface SqliteStorage extends Storage {
  readonly kind: 'sqlite';
  /** The SQL port on this connection (webhook tables), taking turns with every other call. */
  readonly sql: SqlClient;
  readonly db: Database.Database;
  /** The background checkpointer of a file database (null for ':memory:' or `checkpoints: 'inline'`). */
  readonly checkpointer: Checkpointer | null;
  /** Runs fn alone: no other call of this storage starts until it settles. */
  exclusive<R>(fn: (db: Database.Database) => R | Promise<R>): Promise<R>;
  /** A synchronous SQLite transaction (a savepoint of the turn's group commit; rolled back when fn throws). */
  transaction<R>(fn: (tx: SqliteTx) => R): Promise<R>;
  /** The writer thread that commits `atomically`'s writes, or null (none, or it has gone). */
  readonly writer: Writer | null;
}

/** Synchronous operations inside `SqliteStorage.transaction`. */
export interface SqliteTx {
  /** The analysis row with this id, read inside the transaction, or null. */
  getAnalysis(id: string): AnalysisRow | null;
  /** Returns the new event's seq. */
  appendOutbox(event: OutboxEvent): number;
}

/** Options of `openSqliteStorage`. */
export interface SqliteOptions {
  /** The migration list; defaults to MIGRATIONS. */
  readonly migrations?: readonly Migration[];
  /**
   * 'normal' (default) syncs the WAL at checkpoints: a process crash loses nothing, a power
   * loss may lose the last commits but never corrupts the file. 'full' syncs every commit
   * (about 3.5 ms per write on the project's machines, see BENCHMARKS.md).
   */
  readonly durability?: 'normal' | 'full';
  /**
   * 'background' (default for a file): WAL checkpoints run in a worker thread on a connection of
   * their own, off the request path (see checkpointer.ts); 'inline': SQLite's automatic
   * checkpoint inside the commit that crosses 1,000 WAL pages.
   */
  readonly checkpoints?: 'background' | 'inline';
  /** Tuning of the background checkpointer; its onError runs after SQLite checkpoints inline again. */
  readonly checkpointer?: Omit<CheckpointerOptions, 'pause'>;
  /**
   * 'thread': the writes of the API's transactions (`atomically`) are committed by a worker thread
   * on a connection of its own (writer.ts), so their b-tree work, WAL writes and COMMIT (with its
   * fsync under 'full') leave the event loop; reads, decisions and every other write stay on this
   * connection. 'connection' (default): all on this connection. A ':memory:' database always uses
   * its connection. If the thread fails, this connection commits again.
   */
  readonly writer?: 'thread' | 'connection';
  /** Called once if the writer thread fails (after the connection has taken its work back). */
  readonly onWriterError?: (error: Error) => void;
}

/** Most API keys the storage keeps in memory by hash (see findKey). */
const KEYS_KEPT = 1000;

const COLUMNS = ANALYSIS_COLUMNS.join(', ');
/** The integer key of the analysis with the id bound here (the drawing tables' key, migration 4). */
const KEY_OF = '(SELECT key FROM analyses WHERE id = ?)';
const PARAMS = COLUMNS.split(', ')
  .map((c) => `@${c}`)
  .join(', ');

/**
 * The statements a write transaction runs, by name: prepared on the storage's connection, and
 * sent by name to the writer thread (writer.ts) when it has one.
 */
const WRITE_SQL = {
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

type WriteName = keyof typeof WRITE_SQL;

/**
 * Where a transaction's writes go: run now on the storage's connection, or recorded for the
 * writer thread. `expect` makes the statement fail the transaction unless it changed that many rows.
 */
type WriteSink = (
  name: WriteName,
  params: readonly unknown[] | object,
  expect?: { readonly changes: number; readonly otherwise: string },
) => void;

/** Opens (creating if needed) a SQLite database at path or ':memory:' and applies the migrations. */
export function openSqliteStorage(path: string, options: SqliteOptions = {}): SqliteStorage {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
  migrate(db, options.migrations ?? MIGRATIONS);

  const st = {
    get: db.prepare(`SELECT ${COLUMNS} FROM analyses WHERE id = ?`),
    getIn: db.prepare(`SELECT ${COLUMNS} FROM analyses WHERE id = ? AND community_id = ?`),
    runTexts: db
      .prepare(`SELECT json FROM analysis_drawing_runs WHERE analysis_key = ${KEY_OF} ORDER BY position`)
      .pluck(),
    // The key (analysis_key, client_object_id) answers this; no drawing is read.
    takenIds: db
      .prepare(
        `SELECT client_object_id FROM analysis_client_object_ids WHERE analysis_key = ${KEY_OF} ` +
          'AND client_object_id IN (SELECT value FROM json_each(?))',
      )
      .pluck(),
    activeEndpoint: db.prepare(positional(ACTIVE_ENDPOINT_SQL).text),
    readOutbox: db.prepare('SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?'),
    getIdem: db.prepare('SELECT * FROM idempotency WHERE community_id = ? AND key = ?'),
    insertKey: db.prepare(
      'INSERT INTO api_keys (id, hash, prefix, community_id, channel_ids, permissions, expires_at, revoked_at, ' +
        'created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    findKey: db.prepare('SELECT * FROM api_keys WHERE hash = ?'),
    findKeyById: db.prepare('SELECT * FROM api_keys WHERE id = ?'),
    revokeKey: db.prepare('UPDATE api_keys SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL'),
  };

  // The community is decided on the analyses row, before any drawing is read.
  const headColumns = (id: string, communityId?: string): AnalysisColumns | undefined =>
    (communityId === undefined ? st.get.get(id) : st.getIn.get(id, communityId)) as
      | AnalysisColumns
      | undefined;
  const getAnalysis = (id: string, communityId?: string): AnalysisRow | null => {
    const c = headColumns(id, communityId);
    return c ? analysisFromParts(c, st.runTexts.all(id) as string[]) : null;
  };
  const getHead = (id: string, communityId?: string): AnalysisHead | null => {
    const c = headColumns(id, communityId);
    return c ? headFromColumns(c) : null;
  };
  const writes = Object.fromEntries(
    Object.entries(WRITE_SQL).map(([name, sql]) => [name, db.prepare(sql)]),
  ) as Record<WriteName, Database.Statement>;
  const lastRowid = { value: 0 };
  // Runs each write at once on this connection.
  const direct: WriteSink = (name, params, expect) => {
    const s = writes[name];
    const r = Array.isArray(params) ? s.run(...params) : s.run(params);
    if (expect && r.changes !== expect.changes) throw new Error(expect.otherwise);
    lastRowid.value = Number(r.lastInsertRowid);
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

  // Keys by hash, kept while no other connection has committed (PRAGMA data_version moves then)
  // and this one has written no key, so a request's authentication reads no row. Found keys
  // only, at most KEYS_KEPT: unknown hashes are looked up every time and never fill the map.
  const keys = new Map<string, ApiKeyRow>();
  let keysAt: unknown = null;
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const findKey = (hash: string): ApiKeyRow | null => {
    const version = dataVersion.get();
    if (version !== keysAt) {
      keys.clear();
      keysAt = version;
    }
    const kept = keys.get(hash);
    if (kept) return kept;
    const c = st.findKey.get(hash) as ApiKeyColumns | undefined;
    if (!c) return null;
    const row = apiKeyFromColumns(c);
    if (keys.size >= KEYS_KEPT) keys.clear();
    keys.set(hash, row);
    return row;
  };

  // Only the events someone will read: a community with an active webhook endpoint.
  const readOutbox = (w: TxWrites): readonly OutboxEvent[] =>
    (w.outbox ?? []).filter((e) => st.activeEndpoint.get(e.communityId) !== undefined);
  const apply = (w: TxWrites, sink: WriteSink, active: readonly OutboxEvent[] = readOutbox(w)): void => {
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
      insertOutbox(sink, e.dataOfStored ? { ...e, data: e.dataOfStored(stored(e)) } : e);
    }
    if (w.deleteIdempotency) sink('delIdem', [w.deleteIdempotency.communityId, w.deleteIdempotency.key]);
    if (w.putIdempotency) putIdempotency(sink, w.putIdempotency);
  };
  const stored = (e: OutboxEvent): AnalysisRow => {
    const row = getAnalysis(e.analysisId);
    if (!row) throw new Error(`outbox: ${e.event} of ${e.analysisId} reads back no analysis`);
    return row;
  };
  const insertOutbox = (sink: WriteSink, e: OutboxEvent): void =>
    sink('outbox', [
      e.communityId,
      e.analysisId,
      e.event,
      JSON.stringify(e.updatedFields),
      jsonText(e.data),
      e.occurredAt,
    ]);
  const putIdempotency = (sink: WriteSink, r: IdempotencyRow): void =>
    sink('putIdem', [
      r.communityId,
      r.key,
      r.requestHash,
      r.response?.status ?? null,
      r.response?.body ?? null,
      r.response?.etag ?? null,
      r.createdAt,
      r.expiresAt,
    ]);
  const snapshot = (reads: TxReads): TxSnapshot => {
    const idem = reads.idempotency
      ? (st.getIdem.get(reads.idempotency.communityId, reads.idempotency.key) as
          | IdempotencyColumns
          | undefined)
      : undefined;
    const idempotency = idem ? idempotencyFromColumns(idem) : null;
    if (reads.analysisId === undefined) return { analysis: null, idempotency };
    if (!reads.headOnly) return { analysis: getAnalysis(reads.analysisId, reads.communityId), idempotency };
    const head = getHead(reads.analysisId, reads.communityId);
    const asked = JSON.stringify(reads.headOnly.clientObjectIds);
    const taken = head ? (st.takenIds.all(head.id, asked) as string[]) : [];
    return { analysis: null, idempotency, head, takenClientObjectIds: new Set(taken) };
  };
  const run = (reads: TxReads, decide: (s: TxSnapshot) => TxDecision<unknown>): unknown => {
    const decision = decide(snapshot(reads));
    apply(decision.writes, direct);
    return decision.result;
  };

  const sqliteTx: SqliteTx = {
    getAnalysis: (id) => getAnalysis(id),
    appendOutbox: (e) => {
      insertOutbox(direct, { ...e, data: outboxData(e) });
      return lastRowid.value;
    },
  };

  // One call at a time, so an `exclusive` caller that awaits inside its own transaction is never
  // joined by another call. Async by contract: errors surface as rejections.
  const queue = oneAtATime();
  const later = <R>(fn: () => R | Promise<R>): Promise<R> => queue.run(fn);
  // A write on this connection first waits for the writer thread's parts in flight (if any).
  const writeLater = <R>(fn: () => R | Promise<R>): Promise<R> =>
    later(async () => {
      await onWriter?.drain();
      return fn();
    });
  const checkpointer =
    db.memory || path === '' || options.checkpoints === 'inline'
      ? null
      : backgroundCheckpoints(db, path, options, writeLater);
  // Writes asked for in one event-loop turn share a COMMIT, each in a savepoint of its own.
  const group = groupCommit(db, writeLater);
  let closing = false;
  let writer: Writer | null =
    db.memory || path === '' || options.writer !== 'thread'
      ? null
      : startWriter(path, {
          statements: WRITE_SQL,
          synchronous: options.durability === 'full' ? 'FULL' : 'NORMAL',
          walAutocheckpoint: checkpointer ? 0 : 1000,
          onGone: (error) => {
            writer = null;
            if (!closing) options.onWriterError?.(error);
          },
        });
  const onWriter = writer
    ? writerBatches({
        db,
        later,
        snapshot,
        activeOutbox: readOutbox,
        apply: (w, record, active) =>
          apply(
            w,
            record
              ? (name, params, expect) =>
                  record({
                    name,
                    params,
                    ...(expect ? { expectChanges: expect.changes, otherwise: expect.otherwise } : {}),
                  })
              : direct,
            active,
          ),
        writer: () => writer,
      })
    : null;

  return {
    kind: 'sqlite',
    sql: sqliteSqlClient(db, writeLater),
    db,
    checkpointer,
    exclusive: (fn) => writeLater(() => fn(db)),
    get writer() {
      return writer;
    },
    transaction: <R>(fn: (tx: SqliteTx) => R) => group.join(() => fn(sqliteTx)),
    atomically: <R>(reads: TxReads, decide: (s: TxSnapshot) => TxDecision<R>) =>
      onWriter ? onWriter.atomically(reads, decide) : group.join(() => run(reads, decide) as R),
    getAnalysis: (id, communityId) => later(() => getAnalysis(id, communityId)),
    getAnalysisHead: (id, communityId) => later(() => getHead(id, communityId)),
    listAnalyses: (q) => later(() => list(db, q)),
    insertApiKey: (k: ApiKeyRow) =>
      writeLater(() => {
        keys.clear();
        st.insertKey.run(...apiKeyValues(k));
      }),
    findApiKeyByHash: (hash) => later(() => findKey(hash)),
    findApiKeyById: (id) =>
      later(() => {
        const c = st.findKeyById.get(id) as ApiKeyColumns | undefined;
        return c ? apiKeyFromColumns(c) : null;
      }),
    revokeApiKeyByHash: (hash, at) =>
      writeLater(() => {
        keys.clear();
        return st.revokeKey.run(at, hash).changes === 1;
      }),
    readOutbox: (afterSeq, limit) =>
      later(() =>
        (st.readOutbox.all(afterSeq, limit) as OutboxColumns[]).map((c): OutboxRow => outboxFromColumns(c)),
      ),
    // The writer thread first (nothing is queued behind this), then the checkpointer: its last
    // TRUNCATE leaves an empty WAL, then this connection, the last one, closes the file.
    close: () =>
      writeLater(async () => {
        closing = true;
        await writer?.close();
        await checkpointer?.close();
        db.close();
      }),
  };
}

/** Turns the connection's automatic checkpoint off and starts the worker that does it instead. */
function backgroundCheckpoints(
  db: Database.Database,
  path: string,
  options: SqliteOptions,
  pause: <R>(fn: () => Promise<R>) => Promise<R>,
): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  return startCheckpointer(path, {
    ...options.checkpointer,
    pause,
    onError: (error) => {
      // Without the worker nothing would bound the WAL: SQLite checkpoints inline again.
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
      options.checkpointer?.onError?.(error);
    },
  });
}

function list(db: Database.Database, q: AnalysisListQuery): { total: number; rows: AnalysisListRow[] } {
  const l = listStatements(q);
  const run = (sql: string, params: readonly unknown[]) => {
    const { text, order } = positional(sql);
    return db.prepare(text).all(...order.map((i) => params[i]));
  };
  const total = (run(l.count, l.countParams)[0] as { n: number }).n;
  const rows = (run(l.page, l.pageParams) as Omit<AnalysisColumns, 'document'>[]).map(listRowFromColumns);
  return { total, rows };
}
