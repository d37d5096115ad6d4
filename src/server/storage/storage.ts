// The storage contract of the reference server. Every method is async so that a PostgreSQL
// adapter can implement it; the SQLite adapter answers synchronously inside the promises.
// Times are unix milliseconds here; the wire's ISO strings are produced by the routes.
import type { SqlClient } from './sql';

/** The analysis as stored: the normalised wire JSON (levels and drawings carry persisted `id`s). */
export interface AnalysisDocument {
  readonly sender: string;
  readonly metadata: { readonly [key: string]: unknown };
  readonly levels: { readonly [name: string]: { readonly id: string; readonly clientObjectId: string } };
  readonly drawings: readonly {
    readonly id: string;
    readonly clientObjectId: string;
    readonly type: string;
  }[];
}

/** One stored analysis: indexed columns for listing and filtering, plus the document. */
export interface AnalysisRow {
  readonly id: string;
  readonly communityId: string;
  readonly channelId: string;
  readonly sender: string;
  readonly title: string;
  readonly symbol: string;
  readonly timeframe: string;
  readonly direction: string;
  readonly entryPlacement: string;
  readonly drawingCount: number;
  /** Null when the analysis never expires. */
  readonly expiresAt: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly version: number;
  readonly document: AnalysisDocument;
}

/** A row as listed: the indexed columns without the document, so a page never parses drawings. */
export type AnalysisListRow = Omit<AnalysisRow, 'document'>;

/**
 * A row without its drawings (stored as runs of their own, see drawing-runs.ts): what a write
 * that only adds drawings needs, read without touching the drawings themselves.
 */
export interface AnalysisHead extends AnalysisListRow {
  readonly document: Omit<AnalysisDocument, 'drawings'>;
}

/** Drawings added after the stored ones, with the analyses row's counters and version moved on. */
export interface DrawingsAppend {
  readonly analysisId: string;
  /** The drawings stored before (the head's drawingCount): the first new drawing's position. */
  readonly from: number;
  readonly drawings: AnalysisDocument['drawings'];
  readonly updatedAt: number;
  readonly version: number;
}

/** Filters and page of a list request; `status` is evaluated against `now`. */
export interface AnalysisListQuery {
  /** The community; null only for operator tools that name a channel alone (the CLI's `outcomes`), never for API requests. */
  readonly communityId: string | null;
  readonly channelId: string;
  readonly symbol?: string;
  readonly direction?: string;
  readonly sender?: string;
  readonly status?: 'ACTIVE' | 'EXPIRED';
  readonly now: number;
  readonly offset: number;
  readonly limit: number;
}

/** Webhook event names of the outbox. */
export type OutboxEventName = 'create_analysis' | 'update_analysis' | 'delete_analysis';

/**
 * A change to publish, written in the same transaction as the change itself — and only while
 * its community has an active webhook endpoint (spec §5.5): with none, nobody would ever read it.
 */
export interface OutboxEvent {
  readonly communityId: string;
  readonly analysisId: string;
  readonly event: OutboxEventName;
  readonly updatedFields: readonly string[];
  /**
   * AnalysisDetail after the change, or `{ analysisId }` for a delete; or a function returning
   * it, called only when the event is stored (so a write with no endpoint never builds it).
   */
  readonly data: unknown;
  /**
   * When set, replaces `data`: the storage reads the analysis back after the transaction's writes
   * and stores what this returns for it (an append's detail, built only when the event is stored).
   */
  readonly dataOfStored?: (stored: AnalysisRow) => unknown;
  readonly occurredAt: number;
}

/** An outbox event as stored: its sequence number and its data. */
export interface OutboxRow extends OutboxEvent {
  readonly seq: number;
}

/** The data of an event: the value, or what its function returns. */
export function outboxData(e: OutboxEvent): unknown {
  return typeof e.data === 'function' ? (e.data as () => unknown)() : e.data;
}

/** Whether the community has an active webhook endpoint (the same SQL on every backend). */
export const ACTIVE_ENDPOINT_SQL =
  'SELECT 1 AS active FROM webhook_endpoints WHERE community_id = $1 AND disabled_at IS NULL LIMIT 1';

/** An idempotency record: in flight until `response` is set. */
export interface IdempotencyRow {
  readonly communityId: string;
  readonly key: string;
  /** SHA-256 hex of the canonical request (operation, target and body). */
  readonly requestHash: string;
  readonly response: { readonly status: number; readonly body: string; readonly etag: string | null } | null;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** A stored API key; only the SHA-256 hash of the key itself is kept. */
export interface ApiKeyRow {
  readonly id: string;
  readonly hash: string;
  readonly prefix: string;
  readonly communityId: string;
  /** Null = every channel of the community. */
  readonly channelIds: readonly string[] | null;
  readonly permissions: readonly string[];
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
  readonly createdAt: number;
}

/** What a transaction reads (and, on PostgreSQL, locks) before deciding. */
export interface TxReads {
  readonly analysisId?: string;
  /**
   * The caller's community: an analysis of another community reads as null, decided on the
   * indexed column before the document is read, so it costs what an unknown id costs.
   */
  readonly communityId?: string;
  readonly idempotency?: { readonly communityId: string; readonly key: string };
  /**
   * Read the analysis without its drawings (snapshot.head, snapshot.analysis stays null), and
   * which of these clientObjectIds its drawings already use — looked up, never parsed.
   */
  readonly headOnly?: { readonly clientObjectIds: readonly string[] };
}

/** The rows named by TxReads, as they are inside the transaction. */
export interface TxSnapshot {
  readonly analysis: AnalysisRow | null;
  readonly idempotency: IdempotencyRow | null;
  /** With TxReads.headOnly: the analysis without its drawings, or null. */
  readonly head?: AnalysisHead | null;
  /** With TxReads.headOnly: the asked clientObjectIds that a stored drawing of the analysis has. */
  readonly takenClientObjectIds?: ReadonlySet<string>;
}

/**
 * What a transaction writes; applied in this order: purge, analysis (insert, update, append,
 * delete), outbox, idempotency. Outbox events of a community without an active webhook endpoint
 * are dropped (see OutboxEvent).
 */
export interface TxWrites {
  /** Deletes idempotency records whose expiresAt ≤ this time. */
  readonly purgeIdempotencyAt?: number;
  readonly insertAnalysis?: AnalysisRow;
  /** Replaces the row with the same id, its drawings (as one run) too unless `sameDrawings`. */
  readonly updateAnalysis?: AnalysisRow;
  /** updateAnalysis's drawings are the stored ones unchanged: only the analyses row is written. */
  readonly sameDrawings?: boolean;
  /** Inserts only the new drawings (one run) and moves the analyses row's count, version and updatedAt. */
  readonly appendDrawings?: DrawingsAppend;
  readonly deleteAnalysisId?: string;
  readonly outbox?: readonly OutboxEvent[];
  /** Inserts or replaces the record for (communityId, key). */
  readonly putIdempotency?: IdempotencyRow;
  readonly deleteIdempotency?: { readonly communityId: string; readonly key: string };
}

/** A decision taken on a snapshot: the writes to apply and the value to return. */
export interface TxDecision<R> {
  readonly writes: TxWrites;
  readonly result: R;
}

/** The server's persistence. */
export interface Storage {
  /**
   * One transaction: reads the named rows, calls `decide` (synchronous and pure, so no other
   * work can interleave on the connection) and applies its writes. When decide or a write
   * throws, nothing is written and the promise rejects with that error.
   */
  atomically<R>(reads: TxReads, decide: (snapshot: TxSnapshot) => TxDecision<R>): Promise<R>;
  /**
   * The analysis with this id, or null; with `communityId`, also null when it belongs to another
   * community — decided before its document is read or parsed (no timing difference to an unknown id).
   */
  getAnalysis(id: string, communityId?: string): Promise<AnalysisRow | null>;
  /** As getAnalysis, without reading the drawings. */
  getAnalysisHead(id: string, communityId?: string): Promise<AnalysisHead | null>;
  /** One page, newest first (createdAt, then id), and the total matching the filters. */
  listAnalyses(query: AnalysisListQuery): Promise<{ total: number; rows: AnalysisListRow[] }>;
  /** Stores a new API key (its hash, never the key). */
  insertApiKey(row: ApiKeyRow): Promise<void>;
  /** The API key with this SHA-256 hash, or null. */
  findApiKeyByHash(hash: string): Promise<ApiKeyRow | null>;
  /** The key with this id (browser tokens name the key that issued them), or null. */
  findApiKeyById(id: string): Promise<ApiKeyRow | null>;
  /** Marks the key revoked at `at`; false when no such unrevoked key exists. */
  revokeApiKeyByHash(hash: string, at: number): Promise<boolean>;
  /** Outbox events with seq > afterSeq, in seq order. */
  readOutbox(afterSeq: number, limit: number): Promise<OutboxRow[]>;
  /** Closes the database; the storage is unusable afterwards. */
  close(): Promise<void>;
}

/** A storage as a backend opens it: the API's Storage plus the SQL port its webhook tables use. */
export interface BackendStorage extends Storage {
  /** Which backend: 'sqlite' (one file, one process) or 'postgres' (several processes). */
  readonly kind: 'sqlite' | 'postgres';
  /** The SQL port on the same database (webhook endpoints, queue, pruning). */
  readonly sql: SqlClient;
}
