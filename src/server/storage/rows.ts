// Row ↔ record mapping shared by both adapters: column names are snake_case, JSON columns are
// text, times are unix ms. Driver-free: each adapter runs the statements, this maps the rows.
import { joinRuns } from './drawing-runs';
import { headText } from './drawing-rows';
import type {
  AnalysisHead,
  AnalysisListRow,
  AnalysisRow,
  ApiKeyRow,
  IdempotencyRow,
  OutboxRow,
} from './storage';

/** The analyses columns in table order (both schemas define them so). */
export const ANALYSIS_COLUMNS = [
  'id',
  'community_id',
  'channel_id',
  'sender',
  'title',
  'symbol',
  'timeframe',
  'direction',
  'entry_placement',
  'drawing_count',
  'expires_at',
  'created_at',
  'updated_at',
  'version',
  'document',
] as const;

/** The analyses columns a list page reads: all but the document. */
export const LIST_COLUMNS = ANALYSIS_COLUMNS.filter((c) => c !== 'document');

// Numeric columns arrive as strings from `pg` (BIGINT) and as numbers from SQLite and PGlite.
const NUMERIC = new Set([
  'drawing_count',
  'expires_at',
  'created_at',
  'updated_at',
  'version',
  'revoked_at',
  'response_status',
  'seq',
  'occurred_at',
]);

/** A row with its numeric columns as numbers (null stays null). */
export function numericColumns<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = NUMERIC.has(k) && v !== null ? Number(v) : v;
  return out as T;
}

/** An analyses row as a driver returns it (after numericColumns). */
export interface AnalysisColumns {
  id: string;
  community_id: string;
  channel_id: string;
  sender: string;
  title: string;
  symbol: string;
  timeframe: string;
  direction: string;
  entry_placement: string;
  drawing_count: number;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
  /** The document without its drawings (they are runs of analysis_drawing_runs). */
  document: string;
}

/** Columns → record; `document` here is the whole document's text (see analysisFromParts). */
export function analysisFromColumns(c: AnalysisColumns): AnalysisRow {
  return { ...listRowFromColumns(c), document: JSON.parse(c.document) };
}

/** The analyses row's columns and its drawing runs' JSON arrays in position order → record. */
export function analysisFromParts(c: AnalysisColumns, runs: readonly string[]): AnalysisRow {
  return analysisFromColumns({ ...c, document: joinRuns(c.document, runs) });
}

/** The analyses row's columns → the record without drawings. */
export function headFromColumns(c: AnalysisColumns): AnalysisHead {
  return { ...listRowFromColumns(c), document: JSON.parse(c.document) };
}

/** Columns without the document → list record. */
export function listRowFromColumns(c: Omit<AnalysisColumns, 'document'>): AnalysisListRow {
  return {
    id: c.id,
    communityId: c.community_id,
    channelId: c.channel_id,
    sender: c.sender,
    title: c.title,
    symbol: c.symbol,
    timeframe: c.timeframe,
    direction: c.direction,
    entryPlacement: c.entry_placement,
    drawingCount: c.drawing_count,
    expiresAt: c.expires_at,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    version: c.version,
  };
}

/** Record → column values by name, for the INSERT/UPDATE statements (the document without drawings). */
export function analysisToColumns(r: AnalysisRow): AnalysisColumns {
  return {
    id: r.id,
    community_id: r.communityId,
    channel_id: r.channelId,
    sender: r.sender,
    title: r.title,
    symbol: r.symbol,
    timeframe: r.timeframe,
    direction: r.direction,
    entry_placement: r.entryPlacement,
    drawing_count: r.drawingCount,
    expires_at: r.expiresAt,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    version: r.version,
    document: headText(r.document),
  };
}

/** An api_keys row. */
export interface ApiKeyColumns {
  id: string;
  hash: string;
  prefix: string;
  community_id: string;
  channel_ids: string | null;
  permissions: string;
  expires_at: number | null;
  revoked_at: number | null;
  created_at: number;
}

/** Record → the api_keys column values, in table order (both adapters insert with these). */
export function apiKeyValues(k: ApiKeyRow): unknown[] {
  return [
    k.id,
    k.hash,
    k.prefix,
    k.communityId,
    k.channelIds === null ? null : JSON.stringify(k.channelIds),
    JSON.stringify(k.permissions),
    k.expiresAt,
    k.revokedAt,
    k.createdAt,
  ];
}

/** Record → the idempotency column values, in table order (both adapters insert with these). */
export function idempotencyValues(r: IdempotencyRow): unknown[] {
  return [
    r.communityId,
    r.key,
    r.requestHash,
    r.response?.status ?? null,
    r.response?.body ?? null,
    r.response?.etag ?? null,
    r.createdAt,
    r.expiresAt,
  ];
}

/** Columns → record. */
export function apiKeyFromColumns(c: ApiKeyColumns): ApiKeyRow {
  return {
    id: c.id,
    hash: c.hash,
    prefix: c.prefix,
    communityId: c.community_id,
    channelIds: c.channel_ids === null ? null : JSON.parse(c.channel_ids),
    permissions: JSON.parse(c.permissions),
    expiresAt: c.expires_at,
    revokedAt: c.revoked_at,
    createdAt: c.created_at,
  };
}

/** An idempotency row. */
export interface IdempotencyColumns {
  community_id: string;
  key: string;
  request_hash: string;
  response_status: number | null;
  response_body: string | null;
  response_etag: string | null;
  created_at: number;
  expires_at: number;
}

/** Columns → record; a row without a status is still in flight. */
export function idempotencyFromColumns(c: IdempotencyColumns): IdempotencyRow {
  return {
    communityId: c.community_id,
    key: c.key,
    requestHash: c.request_hash,
    response:
      c.response_status === null
        ? null
        : { status: c.response_status, body: c.response_body ?? '', etag: c.response_etag },
    createdAt: c.created_at,
    expiresAt: c.expires_at,
  };
}

/** An outbox row. */
export interface OutboxColumns {
  seq: number;
  community_id: string;
  analysis_id: string;
  event: string;
  updated_fields: string;
  data: string;
  occurred_at: number;
}

/** Columns → record. */
export function outboxFromColumns(c: OutboxColumns): OutboxRow {
  return {
    seq: c.seq,
    communityId: c.community_id,
    analysisId: c.analysis_id,
    event: c.event as OutboxRow['event'],
    updatedFields: JSON.parse(c.updated_fields),
    data: JSON.parse(c.data),
    occurredAt: c.occurred_at,
  };
}
