// The better-sqlite3 adapter. One connection, WAL journal. A transaction runs synchronously from
// BEGIN to COMMIT (reads, decide, writes), so nothing else on the connection — the webhook
// worker included — can run inside it or see it half done. The writes asked for in one
// event-loop turn share that transaction, each in a savepoint of its own (group-commit.ts).
// With `writer: 'thread'` the API's transactions are read and decided here and their writes
// committed by a worker thread on a second connection (writer.ts, writer-batches.ts); every
// other write on this connection waits until the thread has committed what it was sent. The
// write statements, and how TxWrites become them, are in writes.ts.
import Database from 'better-sqlite3';
import type {
  AnalysisHead,
  AnalysisListQuery,
  AnalysisListRow,
  AnalysisRow,
  ApiKeyRow,
  OutboxEvent,
  OutboxRow,
  Storage,
  TxDecision,
  TxReads,
  TxSnapshot,
} from '../storage';
import { ACTIVE_ENDPOINT_SQL, outboxData } from '../storage';
import { listStatements } from '../list-query';
import { oneAtATime } from '../one-at-a-time';
import {
  type AnalysisColumns,
  type ApiKeyColumns,
  analysisFromParts,
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
import { COLUMNS, KEY_OF, sqliteWrites, WRITE_SQL } from './writes';

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

  const { direct, apply, activeOutbox, appendOutbox } = sqliteWrites(db, {
    activeEndpoint: (communityId) => st.activeEndpoint.get(communityId) !== undefined,
    getAnalysis: (id) => getAnalysis(id),
  });
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
    appendOutbox: (e) => appendOutbox({ ...e, data: outboxData(e) }),
  };

  // One call at a time, so an `exclusive` caller that awaits inside its own transaction is never
  // joined by another call. Async by contract: errors surface as rejections.
  const queue = oneAtATime();
  const later = <R>(fn: () => R | Promise<R>): Promise<R> => queue.run(fn);
  // A file another connection can open: the checkpointer's, the writer thread's.
  const shared = !db.memory && path !== '';
  const threaded = shared && options.writer === 'thread';
  // With a writer thread, a write on this connection first waits for what the thread was sent.
  const writeLater: typeof later = threaded
    ? (fn) =>
        later(async () => {
          await onWriter?.drain();
          return fn();
        })
    : later;
  const checkpointer =
    shared && options.checkpoints !== 'inline' ? backgroundCheckpoints(db, path, options, writeLater) : null;
  // Writes asked for in one event-loop turn share a COMMIT, each in a savepoint of its own.
  const group = groupCommit(db, writeLater);
  let closing = false;
  let writer: Writer | null = threaded
    ? startWriter(path, {
        statements: WRITE_SQL,
        synchronous: options.durability === 'full' ? 'FULL' : 'NORMAL',
        walAutocheckpoint: checkpointer ? 0 : 1000,
        onGone: (error) => {
          writer = null;
          if (!closing) options.onWriterError?.(error);
        },
      })
    : null;
  const onWriter = writer
    ? writerBatches({
        db,
        later,
        snapshot,
        activeOutbox,
        apply: (w, sink, active) => apply(w, sink ?? direct, active),
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
