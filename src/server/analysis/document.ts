// The stored form of an analysis: normalised wire JSON (times in the response form, levels and
// drawings with persisted ids) plus the indexed columns derived from it.
import { expiresAt as coreExpiresAt } from '../../core/expiry';
import { expiryFromWire } from '../../core/wire/analysis';
import type { Drawing, StoredDrawing } from '../../schema/drawings/drawing';
import type { LevelEntry, StoredLevelEntry, StoredLevels } from '../../schema/levels';
import type { AnalysisMetadata, Expiry } from '../../schema/metadata';
import { parseTime } from '../../schema/time';
import type { AnalysisDocument, AnalysisRow } from '../storage/storage';

/** An analysis as stored: what AnalysisDetail is built from. */
export interface WireDocument {
  readonly sender: string;
  readonly metadata: AnalysisMetadata;
  readonly levels: StoredLevels;
  readonly drawings: readonly StoredDrawing[];
}

/** The stored document of a row, typed (the storage keeps it as opaque JSON). */
export function documentOf(row: AnalysisRow): WireDocument {
  return row.document as unknown as WireDocument;
}

/** A validated wire time in the response form (`…:SSZ` or `…:SS.mmmZ`), equal to `isoTime(parseTime(time))`. */
export function normaliseTime(time: string): string {
  const seconds = parseTime(time);
  if (seconds === null) throw new Error(`normaliseTime: "${time}" was not validated as a wire time`);
  // parseTime accepted the first 19 characters as a real date and time of day in 1970–2100,
  // which isoTime would write the same way; only the fraction needs rewriting. Skipping the
  // Date and its toISOString saves about a tenth of a 100-drawing create (200 point times).
  const ms = Math.round(seconds * 1000) % 1000;
  if (ms === 0) return time.length === 20 ? time : `${time.slice(0, 19)}Z`;
  return `${time.slice(0, 19)}.${String(ms).padStart(3, '0')}Z`;
}

/** The drawing with its persisted id first and its point times normalised. */
export function storeDrawing(drawing: Drawing, id: string): StoredDrawing {
  const points = drawing.points.map((p) => ({ time: normaliseTime(p.time), price: p.price }));
  return { id, ...drawing, points } as StoredDrawing;
}

/** The level with its persisted id first and its time normalised. */
export function storeLevel(level: LevelEntry, id: string): StoredLevelEntry {
  return { id, ...level, time: normaliseTime(level.time) };
}

/** The expiry with a DATE normalised. */
export function storeExpiry(expiry: Expiry): Expiry {
  return expiry.type === 'DATE' ? { type: 'DATE', date: normaliseTime(expiry.date) } : expiry;
}

/** When the analysis expires, in unix ms (null = never); HOURS counts from createdAt. */
export function expiresAtMs(expiry: Expiry | undefined, createdAtMs: number): number | null {
  if (!expiry) return null;
  const at = coreExpiresAt(
    expiryFromWire(expiry),
    (createdAtMs / 1000) as Parameters<typeof coreExpiresAt>[1],
  );
  return at === null ? null : Math.round(at * 1000);
}

/** Server-owned fields of a row. */
export interface RowMeta {
  readonly id: string;
  readonly communityId: string;
  readonly channelId: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly version: number;
}

/** The storage row for a document: indexed columns derived from it. */
export function rowOf(doc: WireDocument, meta: RowMeta): AnalysisRow {
  const m = doc.metadata;
  return {
    ...meta,
    sender: doc.sender,
    title: m.title,
    symbol: m.symbol,
    timeframe: m.timeframe,
    direction: m.direction,
    entryPlacement: m.entryPlacement,
    drawingCount: doc.drawings.length,
    expiresAt: expiresAtMs(m.expiry, meta.createdAt),
    document: doc as unknown as AnalysisDocument,
  };
}
