// The AnalysisDetail as the read-only renderers accept it: not validated, so every field is read
// defensively. It trusts the server's validation but never throws on odd input — a preview must
// render what it can: a drawing or level it cannot place is left out, an odd time becomes NaN.
import type { Analysis, AnalysisMetadata, Level, LevelName, Levels } from '../analysis';
import type { ChartPoint, Drawing, DrawingKind, DrawingStyle, LineHead } from '../drawing';
import { POINT_COUNT } from '../drawing';
import { createDrawingWithOptions } from '../kinds/registry';
import type { Price, UtcSeconds } from '../units';
import { LEVEL_NAMES } from '../analysis';
import { expiresAt } from '../expiry';
import { parseTime } from './time';
import type { WireCoordinate } from './types';

/** A drawing of any kind as a preview reads it (`type` unchecked, options optional). */
export interface PreviewDrawing {
  readonly id?: string | undefined;
  readonly type: string;
  readonly clientObjectId: string;
  readonly points: readonly WireCoordinate[];
  readonly style?: DrawingStyle | undefined;
  readonly startHead?: LineHead | undefined;
  readonly endHead?: LineHead | undefined;
  readonly extendLeft?: boolean | undefined;
  readonly extendRight?: boolean | undefined;
  readonly showMidline?: boolean | undefined;
  readonly levels?: readonly number[] | undefined;
}

/** A level entry as a preview reads it. */
export interface PreviewLevelEntry {
  readonly id?: string | undefined;
  readonly price: number;
  readonly clientObjectId: string;
  readonly time: string;
}

/** A link as a preview reads it. */
export interface PreviewLink {
  readonly field: string;
  readonly key: string;
  readonly text: string;
  readonly targetType: 'DRAWING' | 'LEVEL';
  readonly targetId: string;
}

/** AnalysisDetail (spec §3.10) as the renderers accept it; every validated detail is one. */
export interface PreviewAnalysisDetail {
  readonly id: string;
  readonly communityId: string;
  readonly channelId: string;
  readonly sender: string;
  readonly analysisType: string;
  readonly status: string;
  /** Core's metadata, except that a DATE expiry is still ISO text. */
  readonly metadata: Omit<AnalysisMetadata, 'expiry'> & {
    readonly expiry?:
      | { readonly type: 'HOURS'; readonly hours: number }
      | { readonly type: 'DATE'; readonly date: string }
      | undefined;
  };
  readonly levels?: { readonly [N in LevelName]?: PreviewLevelEntry | undefined } | undefined;
  readonly drawings?: readonly PreviewDrawing[] | undefined;
  readonly links?: readonly PreviewLink[] | undefined;
  readonly expiresAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** Wire time → UTC seconds, NaN when the text is not a wire time (callers skip what is not finite). */
export function previewTime(iso: string): UtcSeconds {
  return parseTime(iso) ?? (Number.NaN as UtcSeconds);
}

/** One drawing → core drawing, or null when it cannot be drawn (wrong point count, bad time, unknown type). */
export function previewDrawingFromWire(d: PreviewDrawing): Drawing | null {
  if (!Object.hasOwn(POINT_COUNT, d.type)) return null;
  const kind = d.type as DrawingKind;
  if (d.points.length !== POINT_COUNT[kind]) return null;
  const points: ChartPoint[] = [];
  for (const c of d.points) {
    const p = { time: previewTime(c.time), price: c.price as Price };
    if (!Number.isFinite(p.time) || !Number.isFinite(p.price)) return null;
    points.push(p);
  }
  // A new drawing (createDrawingWithOptions makes one), so its persisted id is set on it, not on a copy.
  const drawing: Drawing & { persistedId?: string | undefined } = createDrawingWithOptions(
    kind,
    d.clientObjectId,
    points,
    d.style ?? {},
    d,
  );
  drawing.persistedId = d.id;
  return drawing;
}

/** The levels → core levels, dropping entries whose time or price is not finite. */
export function previewLevelsFromWire(levels: PreviewAnalysisDetail['levels']): Levels {
  const out: { [N in LevelName]?: Level } = {};
  for (const name of LEVEL_NAMES) {
    const l = levels?.[name];
    if (!l) continue;
    const time = previewTime(l.time);
    if (!Number.isFinite(time) || !Number.isFinite(l.price)) continue;
    out[name] = { id: l.clientObjectId, persistedId: l.id, price: l.price as Price, time };
  }
  return out;
}

/** The whole detail → core Analysis (drawings that cannot be drawn are left out). */
export function analysisFromDetail(detail: PreviewAnalysisDetail): Analysis {
  const drawings: Drawing[] = [];
  for (const d of detail.drawings ?? []) {
    const c = previewDrawingFromWire(d);
    if (c) drawings.push(c);
  }
  const { expiry, ...meta } = detail.metadata;
  const coreExpiry =
    expiry === undefined
      ? undefined
      : expiry.type === 'HOURS'
        ? expiry
        : { type: 'DATE' as const, date: previewTime(expiry.date) };
  return {
    id: detail.id,
    communityId: detail.communityId,
    channelId: detail.channelId,
    sender: detail.sender,
    metadata: coreExpiry ? { ...meta, expiry: coreExpiry } : meta,
    levels: previewLevelsFromWire(detail.levels),
    drawings,
    createdAt: previewTime(detail.createdAt),
    updatedAt: previewTime(detail.updatedAt),
    version: detail.version,
  };
}

/**
 * When the analysis expires, in UTC seconds, or null: computed from its expiry and createdAt by
 * core's `expiresAt` (the editor and the server use the same function), so a post and the editor
 * of the same stored analysis agree; the stored `expiresAt` only stands in when those cannot be read.
 */
export function detailExpiresAt(detail: PreviewAnalysisDetail): UtcSeconds | null {
  const expiry = detail.metadata?.expiry;
  const createdAt = typeof detail.createdAt === 'string' ? previewTime(detail.createdAt) : Number.NaN;
  const date = expiry?.type === 'DATE' ? previewTime(expiry.date) : 0;
  if (expiry === undefined || (Number.isFinite(createdAt) && Number.isFinite(date))) {
    const t = expiresAt(
      expiry?.type === 'DATE' ? { type: 'DATE', date: date as UtcSeconds } : expiry,
      createdAt as UtcSeconds,
    );
    if (t === null || Number.isFinite(t)) return t;
  }
  if (detail.expiresAt === null || detail.expiresAt === undefined) return null;
  const t = previewTime(detail.expiresAt);
  return Number.isFinite(t) ? t : null;
}
