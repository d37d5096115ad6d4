// The better-sqlite3 adapter. One connection, WAL journal. Calls are serialised through a lock:
// a transaction stays open across the awaits of its callback, and on a single connection any
// other statement run meanwhile would see (or join) the uncommitted changes.
import Database from 'better-sqlite3';
import type {
  AnalysisListQuery,
  AnalysisRow,
  ApiKeyRow,
  IdempotencyRow,
  OutboxEvent,
  OutboxRow,
  Storage,
  StorageTx,
} from '../storage';
import { MIGRATIONS, type Migration, migrate } from './migrations';
import {
  type AnalysisColumns,
  type ApiKeyColumns,
  analysisFromColumns,
  analysisToColumns,
  apiKeyFromColumns,
  type IdempotencyColumns,
  idempotencyFromColumns,
  type OutboxColumns,
  outboxFromColumns,
} from './rows';

/** The SQLite storage; `db` is exposed for SQLite-only code (webhook tables, test dumps). */
export interface SqliteStorage extends Storage {
  readonly db: Database.Database;
  /** Runs fn alone on the connection (no other storage call interleaves), outside a transaction. */
  exclusive<R>(fn: (db: Database.Database) => R | Promise<R>): Promise<R>;
}

/** Options of `openSqliteStorage`. */
export interface SqliteOptions {
  /** The migration list; defaults to MIGRATIONS. */
  readonly migrations?: readonly Migration[];
}

const COLUMNS =
  'id, community_id, channel_id, sender, title, symbol, timeframe, direction, entry_placement, ' +
  'drawing_count, expires_at, created_at, updated_at, version, document';
const PARAMS = COLUMNS.split(', ')
  .map((c) => `@${c}`)
  .join(', ');

/** Opens (creating if needed) a SQLite database at path or ':memory:' and applies the migrations. */
export function openSqliteStorage(path: string, options: SqliteOptions = {}): SqliteStorage {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, options.migrations ?? MIGRATIONS);

  const st = {
    get: db.prepare(`SELECT ${COLUMNS} FROM analyses WHERE id = ?`),
    insert: db.prepare(`INSERT INTO analyses (${COLUMNS}) VALUES (${PARAMS})`),
    update: db.prepare(
      `UPDATE analyses SET ${COLUMNS.split(', ')
        .slice(1)
        .map((c) => `${c} = @${c}`)
        .join(', ')} WHERE id = @id`,
    ),
    remove: db.prepare('DELETE FROM analyses WHERE id = ?'),
    outbox: db.prepare(
      'INSERT INTO outbox (community_id, analysis_id, event, updated_fields, data, occurred_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    readOutbox: db.prepare('SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?'),
    getIdem: db.prepare('SELECT * FROM idempotency WHERE community_id = ? AND key = ?'),
    putIdem: db.prepare(
      'INSERT OR REPLACE INTO idempotency (community_id, key, request_hash, response_status, response_body, ' +
        'response_etag, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    delIdem: db.prepare('DELETE FROM idempotency WHERE community_id = ? AND key = ?'),
    purgeIdem: db.prepare('DELETE FROM idempotency WHERE expires_at <= ?'),
    insertKey: db.prepare(
      'INSERT INTO api_keys (id, hash, prefix, community_id, channel_ids, permissions, expires_at, revoked_at, ' +
        'created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    findKey: db.prepare('SELECT * FROM api_keys WHERE hash = ?'),
    revokeKey: db.prepare('UPDATE api_keys SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL'),
  };

  const getAnalysis = (id: string): AnalysisRow | null => {
    const c = st.get.get(id) as AnalysisColumns | undefined;
    return c ? analysisFromColumns(c) : null;
  };

  const tx: StorageTx = {
    getAnalysis: async (id) => getAnalysis(id),
    insertAnalysis: async (row) => {
      st.insert.run(analysisToColumns(row));
    },
    updateAnalysis: async (row) => {
      const r = st.update.run(analysisToColumns(row));
      if (r.changes !== 1) throw new Error(`updateAnalysis: no analysis ${row.id}`);
    },
    deleteAnalysis: async (id) => {
      st.remove.run(id);
    },
    appendOutbox: async (e: OutboxEvent) =>
      Number(
        st.outbox.run(
          e.communityId,
          e.analysisId,
          e.event,
          JSON.stringify(e.updatedFields),
          JSON.stringify(e.data),
          e.occurredAt,
        ).lastInsertRowid,
      ),
    getIdempotency: async (communityId, key) => {
      const c = st.getIdem.get(communityId, key) as IdempotencyColumns | undefined;
      return c ? idempotencyFromColumns(c) : null;
    },
    putIdempotency: async (r: IdempotencyRow) => {
      st.putIdem.run(
        r.communityId,
        r.key,
        r.requestHash,
        r.response?.status ?? null,
        r.response?.body ?? null,
        r.response?.etag ?? null,
        r.createdAt,
        r.expiresAt,
      );
    },
    deleteIdempotency: async (communityId, key) => {
      st.delIdem.run(communityId, key);
    },
    purgeIdempotency: async (now) => st.purgeIdem.run(now).changes,
  };

  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  // A promise chain as a lock: each call starts when the previous one has settled.
  const exclusive = <R>(fn: (d: Database.Database) => R | Promise<R>): Promise<R> => {
    const run = tail.then(() => {
      if (closed) throw new Error('storage: the database is closed');
      return fn(db);
    });
    tail = run.catch(() => undefined);
    return run;
  };

  return {
    db,
    exclusive,
    transaction: (fn) =>
      exclusive(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(tx);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      }),
    getAnalysis: (id) => exclusive(() => getAnalysis(id)),
    listAnalyses: (q) => exclusive(() => list(db, q)),
    insertApiKey: (k: ApiKeyRow) =>
      exclusive(() => {
        st.insertKey.run(
          k.id,
          k.hash,
          k.prefix,
          k.communityId,
          k.channelIds === null ? null : JSON.stringify(k.channelIds),
          JSON.stringify(k.permissions),
          k.expiresAt,
          k.revokedAt,
          k.createdAt,
        );
      }),
    findApiKeyByHash: (hash) =>
      exclusive(() => {
        const c = st.findKey.get(hash) as ApiKeyColumns | undefined;
        return c ? apiKeyFromColumns(c) : null;
      }),
    revokeApiKeyByHash: (hash, at) => exclusive(() => st.revokeKey.run(at, hash).changes === 1),
    readOutbox: (afterSeq, limit) =>
      exclusive(() =>
        (st.readOutbox.all(afterSeq, limit) as OutboxColumns[]).map((c): OutboxRow => outboxFromColumns(c)),
      ),
    close: () =>
      exclusive(() => {
        closed = true;
        db.close();
      }),
  };
}

function list(db: Database.Database, q: AnalysisListQuery): { total: number; rows: AnalysisRow[] } {
  const where = ['community_id = @communityId', 'channel_id = @channelId'];
  const params: Record<string, string | number> = { communityId: q.communityId, channelId: q.channelId };
  if (q.symbol !== undefined) {
    where.push('symbol = @symbol');
    params.symbol = q.symbol;
  }
  if (q.direction !== undefined) {
    where.push('direction = @direction');
    params.direction = q.direction;
  }
  if (q.sender !== undefined) {
    where.push('sender = @sender');
    params.sender = q.sender;
  }
  if (q.status !== undefined) {
    params.now = q.now;
    // Mirrors analysisStatus: EXPIRED once now ≥ expiresAt.
    where.push(q.status === 'EXPIRED' ? 'expires_at <= @now' : '(expires_at IS NULL OR expires_at > @now)');
  }
  const clause = where.join(' AND ');
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM analyses WHERE ${clause}`).get(params) as { n: number }
  ).n;
  const rows = (
    db
      .prepare(
        `SELECT ${COLUMNS} FROM analyses WHERE ${clause} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: q.limit, offset: q.offset }) as AnalysisColumns[]
  ).map(analysisFromColumns);
  return { total, rows };
}
