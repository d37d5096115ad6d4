// The PostgreSQL adapter. `atomically` runs BEGIN → locking reads → decide → writes → COMMIT on
// one connection, so version checks, idempotency markers and duplicate clientObjectIds are
// decided by the database even with several server processes. Locks are always taken in one
// order (idempotency key, then analysis row, then the outbox) so transactions cannot deadlock
// on each other; a deadlock or serialization failure anyway is retried, decide being pure.
import type {
  AnalysisHead,
  AnalysisListQuery,
  AnalysisRow,
  ApiKeyRow,
  IdempotencyRow,
  OutboxEvent,
  Storage,
  TxDecision,
  TxReads,
  TxSnapshot,
  TxWrites,
} from '../storage';
import { ACTIVE_ENDPOINT_SQL, outboxData } from '../storage';
import { drawingRun } from '../drawing-runs';
import { listStatements } from '../list-query';
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
  idempotencyValues,
  listRowFromColumns,
  numericColumns,
  type OutboxColumns,
  outboxFromColumns,
} from '../rows';
import type { PgClient, PgSession } from './pg-client';
import { insertDrawingRun, removeDrawingRuns, runTexts, takenClientObjectIds } from './pg-drawings';
import {
  ADVISORY_LOCK_SQL,
  inTransaction,
  migratePostgres,
  PG_MIGRATIONS,
  type PgMigration,
} from './pg-migrations';

/** The PostgreSQL storage; `client` is exposed for PostgreSQL-only code (tests). */
export interface PostgresStorage extends Storage {
  readonly kind: 'postgres';
  /** The SQL port (webhook tables): the same client. */
  readonly sql: PgClient;
  readonly client: PgClient;
}

/** Options of {@link openPostgresStorage}. */
export interface PostgresOptions {
  /** The migration list; defaults to PG_MIGRATIONS. */
  readonly migrations?: readonly PgMigration[];
}

/** Advisory-lock purposes (see ADVISORY_LOCK_SQL). */
export const LOCK_IDEMPOTENCY = 'idempotency';
/** Writers of outbox rows hold this lock until commit, so seq order is commit order. */
export const LOCK_OUTBOX = 'outbox';

/** SQLSTATEs after which the whole transaction is safely run again: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
/** Attempts of one `atomically` call before its error is passed on. */
export const PG_TX_ATTEMPTS = 3;

const COLUMNS = ANALYSIS_COLUMNS;
const SELECT = COLUMNS.join(', ');
const ALIASED = COLUMNS.map((c) => `a.${c}`).join(', ');
const INSERT = `INSERT INTO analyses (${SELECT}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
const UPDATE = `UPDATE analyses SET ${COLUMNS.slice(1)
  .map((c, i) => `${c} = $${i + 2}`)
  .join(', ')} WHERE id = $1`;

/** @deprecated Moved to storage/rows; kept for existing imports. */
export { numericColumns };

/** Opens the storage over a client and applies the migrations (safe from several processes). */
export async function openPostgresStorage(
  client: PgClient,
  options: PostgresOptions = {},
): Promise<PostgresStorage> {
  await migratePostgres(client, options.migrations ?? PG_MIGRATIONS);

  // The community is decided on the analyses row, before any drawing is read.
  const headColumns = async (
    s: PgSession,
    id: string,
    lock: boolean,
    communityId?: string,
  ): Promise<AnalysisColumns | null> => {
    const inCommunity = communityId === undefined ? '' : ' AND community_id = $2';
    const r = await s.query(
      `SELECT ${SELECT} FROM analyses WHERE id = $1${inCommunity}${lock ? ' FOR UPDATE' : ''}`,
      communityId === undefined ? [id] : [id, communityId],
    );
    return r.rows[0] ? numericColumns<AnalysisColumns>(r.rows[0]) : null;
  };
  const getAnalysis = async (
    s: PgSession,
    id: string,
    lock: boolean,
    communityId?: string,
  ): Promise<AnalysisRow | null> => {
    if (lock) {
      // Locked first, then read: every writer of drawings holds this row's lock, so the drawings
      // read after it are those of the version just read.
      const c = await headColumns(s, id, true, communityId);
      return c ? analysisFromParts(c, await runTexts(s, id)) : null;
    }
    // Unlocked: one statement, so the row and its drawings come from one snapshot (two statements
    // could straddle an append's commit and pair version n with the drawings of n + 1). The runs'
    // items come back joined into one array's text, in position order (no run is ever empty).
    const inCommunity = communityId === undefined ? '' : ' AND a.community_id = $2';
    const r = await s.query(
      `SELECT ${ALIASED}, (SELECT string_agg(substr(d.json, 2, length(d.json) - 2), ',' ORDER BY d.position) ` +
        `FROM analysis_drawing_runs d WHERE d.analysis_id = a.id) AS drawings FROM analyses a WHERE a.id = $1${inCommunity}`,
      communityId === undefined ? [id] : [id, communityId],
    );
    const row = r.rows[0];
    if (!row) return null;
    const { drawings, ...columns } = row;
    return analysisFromParts(
      numericColumns<AnalysisColumns>(columns),
      drawings == null ? [] : [`[${String(drawings)}]`],
    );
  };
  const getHead = async (
    s: PgSession,
    id: string,
    lock: boolean,
    communityId?: string,
  ): Promise<AnalysisHead | null> => {
    const c = await headColumns(s, id, lock, communityId);
    return c ? headFromColumns(c) : null;
  };

  const snapshot = async (s: PgSession, reads: TxReads): Promise<TxSnapshot> => {
    let idempotency: IdempotencyRow | null = null;
    if (reads.idempotency) {
      const { communityId, key } = reads.idempotency;
      // A key seen for the first time has no row to lock: the advisory lock on its name makes
      // a concurrent request with the same key wait here and then read our committed marker.
      await s.query(ADVISORY_LOCK_SQL.replace('$2', `hashtext($2)`), [
        LOCK_IDEMPOTENCY,
        `${communityId}/${key}`,
      ]);
      const r = await s.query('SELECT * FROM idempotency WHERE community_id = $1 AND key = $2 FOR UPDATE', [
        communityId,
        key,
      ]);
      if (r.rows[0]) idempotency = idempotencyFromColumns(numericColumns<IdempotencyColumns>(r.rows[0]));
    }
    if (reads.analysisId === undefined) return { analysis: null, idempotency };
    if (!reads.headOnly)
      return { analysis: await getAnalysis(s, reads.analysisId, true, reads.communityId), idempotency };
    // The row lock serialises appends to one analysis across processes: the count read here is
    // the one the next position follows, and the lookup below sees every committed drawing.
    const head = await getHead(s, reads.analysisId, true, reads.communityId);
    const taken = head
      ? await takenClientObjectIds(s, head.id, reads.headOnly.clientObjectIds)
      : new Set<string>();
    return { analysis: null, idempotency, head, takenClientObjectIds: taken };
  };

  const apply = async (s: PgSession, w: TxWrites): Promise<void> => {
    if (w.purgeIdempotencyAt !== undefined) {
      // Rows another transaction holds are left for a later purge rather than waited for.
      await s.query(
        'DELETE FROM idempotency WHERE ctid IN (SELECT ctid FROM idempotency WHERE expires_at <= $1 FOR UPDATE SKIP LOCKED)',
        [w.purgeIdempotencyAt],
      );
    }
    // Only the events someone will read (a community with an active endpoint); data built first.
    const outbox: OutboxEvent[] = [];
    for (const e of w.outbox ?? []) {
      if ((await s.query(ACTIVE_ENDPOINT_SQL, [e.communityId])).rows.length > 0)
        outbox.push(e.dataOfStored ? e : { ...e, data: outboxData(e) });
    }
    if (w.insertAnalysis) {
      await s.query(INSERT, values(w.insertAnalysis));
      await insertDrawingRun(s, w.insertAnalysis.id, drawingRun(w.insertAnalysis.document.drawings));
    }
    if (w.updateAnalysis) {
      const r = await s.query(UPDATE, values(w.updateAnalysis));
      if (r.changed !== 1) throw new Error(`updateAnalysis: no analysis ${w.updateAnalysis.id}`);
      if (!w.sameDrawings) {
        await removeDrawingRuns(s, w.updateAnalysis.id);
        await insertDrawingRun(s, w.updateAnalysis.id, drawingRun(w.updateAnalysis.document.drawings));
      }
    }
    if (w.appendDrawings) {
      const a = w.appendDrawings;
      const r = await s.query(
        'UPDATE analyses SET drawing_count = $1, updated_at = $2, version = $3 WHERE id = $4',
        [a.from + a.drawings.length, a.updatedAt, a.version, a.analysisId],
      );
      if (r.changed !== 1) throw new Error(`appendDrawings: no analysis ${a.analysisId}`);
      await insertDrawingRun(s, a.analysisId, drawingRun(a.drawings, a.from));
    }
    if (w.deleteAnalysisId !== undefined) {
      await removeDrawingRuns(s, w.deleteAnalysisId);
      await s.query('DELETE FROM analyses WHERE id = $1', [w.deleteAnalysisId]);
    }
    if (outbox.length > 0) {
      await s.query(ADVISORY_LOCK_SQL, [LOCK_OUTBOX, 0]);
      for (const e of outbox) {
        if (!e.dataOfStored) await insertOutbox(s, e);
        else await insertOutbox(s, { ...e, data: e.dataOfStored(await stored(s, e)) });
      }
    }
    if (w.deleteIdempotency) {
      await s.query('DELETE FROM idempotency WHERE community_id = $1 AND key = $2', [
        w.deleteIdempotency.communityId,
        w.deleteIdempotency.key,
      ]);
    }
    if (w.putIdempotency) await putIdempotency(s, w.putIdempotency);
  };

  const stored = async (s: PgSession, e: OutboxEvent): Promise<AnalysisRow> => {
    const row = await getAnalysis(s, e.analysisId, false);
    if (!row) throw new Error(`outbox: ${e.event} of ${e.analysisId} reads back no analysis`);
    return row;
  };

  const atomically = async <R>(reads: TxReads, decide: (s: TxSnapshot) => TxDecision<R>): Promise<R> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await client.withSession((s) =>
          inTransaction(s, async () => {
            const decision = decide(await snapshot(s, reads));
            await apply(s, decision.writes);
            return decision.result;
          }),
        );
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (attempt >= PG_TX_ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw e;
      }
    }
  };

  const one = <R>(fn: (s: PgSession) => Promise<R>): Promise<R> => client.withSession(fn);

  return {
    kind: 'postgres',
    sql: client,
    client,
    atomically,
    getAnalysis: (id, communityId) => one((s) => getAnalysis(s, id, false, communityId)),
    getAnalysisHead: (id, communityId) => one((s) => getHead(s, id, false, communityId)),
    listAnalyses: (q) => one((s) => list(s, q)),
    insertApiKey: (k: ApiKeyRow) =>
      one(async (s) => {
        await s.query(
          'INSERT INTO api_keys (id, hash, prefix, community_id, channel_ids, permissions, expires_at, revoked_at, ' +
            'created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          apiKeyValues(k),
        );
      }),
    findApiKeyByHash: (hash) =>
      one(async (s) => {
        const r = await s.query('SELECT * FROM api_keys WHERE hash = $1', [hash]);
        return r.rows[0] ? apiKeyFromColumns(numericColumns<ApiKeyColumns>(r.rows[0])) : null;
      }),
    findApiKeyById: (id) =>
      one(async (s) => {
        const r = await s.query('SELECT * FROM api_keys WHERE id = $1', [id]);
        return r.rows[0] ? apiKeyFromColumns(numericColumns<ApiKeyColumns>(r.rows[0])) : null;
      }),
    revokeApiKeyByHash: (hash, at) =>
      one(
        async (s) =>
          (
            await s.query('UPDATE api_keys SET revoked_at = $1 WHERE hash = $2 AND revoked_at IS NULL', [
              at,
              hash,
            ])
          ).changed === 1,
      ),
    readOutbox: (afterSeq, limit) =>
      one(async (s) =>
        (
          await s.query('SELECT * FROM outbox WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit])
        ).rows.map((r) => outboxFromColumns(numericColumns<OutboxColumns>(r))),
      ),
    close: () => client.end(),
  };
}

function values(r: AnalysisRow): unknown[] {
  const c = analysisToColumns(r);
  return COLUMNS.map((name) => c[name]);
}

async function insertOutbox(s: PgSession, e: OutboxEvent): Promise<void> {
  await s.query(
    'INSERT INTO outbox (community_id, analysis_id, event, updated_fields, data, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      e.communityId,
      e.analysisId,
      e.event,
      JSON.stringify(e.updatedFields),
      JSON.stringify(e.data),
      e.occurredAt,
    ],
  );
}

async function putIdempotency(s: PgSession, r: IdempotencyRow): Promise<void> {
  await s.query(
    'INSERT INTO idempotency (community_id, key, request_hash, response_status, response_body, response_etag, ' +
      'created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (community_id, key) DO UPDATE SET ' +
      'request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status, ' +
      'response_body = EXCLUDED.response_body, response_etag = EXCLUDED.response_etag, ' +
      'created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at',
    idempotencyValues(r),
  );
}

async function list(
  s: PgSession,
  q: AnalysisListQuery,
): Promise<{ total: number; rows: ReturnType<typeof listRowFromColumns>[] }> {
  const l = listStatements(q);
  const total = Number((await s.query(l.count, l.countParams)).rows[0]!.n);
  const rows = (await s.query(l.page, l.pageParams)).rows.map((r) =>
    listRowFromColumns(numericColumns<Omit<AnalysisColumns, 'document'>>(r)),
  );
  return { total, rows };
}
