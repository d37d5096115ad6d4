// The AnalysisDetail wire shape (spec §3.10) as far as the read-only renderers need it, and a small
// converter to core types. svg/ may not import schema/: this trusts the server's validation and
// only fills defaults, but it never throws on odd input — a preview must render what it can.
import type { Analysis, AnalysisMetadata, Level, LevelName, Levels } from '../core/analysis';
import { LEVEL_NAMES } from '../core/analysis';
import type { ChartPoint, Drawing, DrawingKind, DrawingStyle, LineHead } from '../core/drawing';
import { POINT_COUNT } from '../core/drawing';
import { createDrawingWithOptions } from '../core/kinds/registry';
import type { Price, UtcSeconds } from '../core/units';

/** A wire coordinate: ISO time and price. */
export interface WireCoordinate {
  readonly time: string;
  readonly price: number;
}

/** A wire drawing (any of the five kinds), as the API returns it. */
export interface WireDrawing {
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

/** A wire level entry. */
export interface WireLevel {
  readonly id?: string | undefined;
  readonly price: number;
  readonly clientObjectId: string;
  readonly time: string;
}

/** A wire link derived from a `[[key:text]]` reference. */
export interface WireLink {
  readonly field: string;
  readonly key: string;
  readonly text: string;
  readonly targetType: 'DRAWING' | 'LEVEL';
  readonly targetId: string;
}

/** AnalysisDetail exactly as Get/Create return it in `data` (spec §3.10). */
export interface AnalysisDetailWire {
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
  readonly levels?: { readonly [N in LevelName]?: WireLevel | undefined } | undefined;
  readonly drawings?: readonly WireDrawing[] | undefined;
  readonly links?: readonly WireLink[] | undefined;
  readonly expiresAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** ISO time → UTC seconds; an unparseable time becomes NaN so callers can skip it. */
export function wireTime(iso: string): UtcSeconds {
  return (Date.parse(iso) / 1000) as UtcSeconds;
}

function point(c: WireCoordinate): ChartPoint {
  return { time: wireTime(c.time), price: c.price as Price };
}

/** One wire drawing → core drawing, or null when it cannot be drawn (wrong point count, bad time, unknown type). */
export function drawingFromWire(d: WireDrawing): Drawing | null {
  if (!Object.hasOwn(POINT_COUNT, d.type)) return null;
  const kind = d.type as DrawingKind;
  if (d.points.length !== POINT_COUNT[kind]) return null;
  const points = d.points.map(point);
  if (!points.every((p) => Number.isFinite(p.time) && Number.isFinite(p.price))) return null;
  const drawing = createDrawingWithOptions(kind, d.clientObjectId, points, d.style ?? {}, d);
  return { ...drawing, persistedId: d.id };
}

/** The wire levels → core levels, dropping entries whose time or price is not finite. */
export function levelsFromWire(levels: AnalysisDetailWire['levels']): Levels {
  const out: { [N in LevelName]?: Level } = {};
  for (const name of LEVEL_NAMES) {
    const l = levels?.[name];
    if (!l) continue;
    const time = wireTime(l.time);
    if (!Number.isFinite(time) || !Number.isFinite(l.price)) continue;
    out[name] = { id: l.clientObjectId, persistedId: l.id, price: l.price as Price, time };
  }
  return out;
}

/** The whole detail → core Analysis (drawings that cannot be drawn are left out). */
export function analysisFromDetail(detail: AnalysisDetailWire): Analysis {
  const drawings: Drawing[] = [];
  for (const d of detail.drawings ?? []) {
    const c = drawingFromWire(d);
    if (c) drawings.push(c);
  }
  const { expiry, ...meta } = detail.metadata;
  const coreExpiry =
    expiry === undefined
      ? undefined
      : expiry.type === 'HOURS'
        ? expiry
        : { type: 'DATE' as const, date: wireTime(expiry.date) };
  return {
    id: detail.id,
    communityId: detail.communityId,
    channelId: detail.channelId,
    sender: detail.sender,
    metadata: coreExpiry ? { ...meta, expiry: coreExpiry } : meta,
    levels: levelsFromWire(detail.levels),
    drawings,
    createdAt: wireTime(detail.createdAt),
    updatedAt: wireTime(detail.updatedAt),
    version: detail.version,
  };
}

/** expiresAt in UTC seconds, or null (no expiry, or an unparseable time). */
export function detailExpiresAt(detail: AnalysisDetailWire): UtcSeconds | null {
  if (detail.expiresAt === null || detail.expiresAt === undefined) return null;
  const t = wireTime(detail.expiresAt);
  return Number.isFinite(t) ? t : null;
}
