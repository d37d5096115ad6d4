// Wire metadata, levels and whole bodies ↔ core: expiry DATE ↔ UTC seconds, clientObjectId ↔ id,
// id ↔ persistedId. Absent levels and drawings become `{}` and `[]` in the domain and are written
// back explicitly, so wire → domain → wire only makes defaults explicit.
import {
  type Analysis,
  type AnalysisMetadata,
  type AnalysisStatus,
  type AnalysisType,
  type Expiry,
  LEVEL_NAMES,
  type Level,
  type Levels,
} from '../analysis';
import { price, type UtcSeconds } from '../units';
import { drawingFromWire, drawingToWire } from './drawing';
import { OPTIONAL_TEXT_FIELDS } from './fields';
import { isoTime, timeFromWire } from './time';
import type {
  WireAnalysisDetail,
  WireAnalysisMetadata,
  WireCreateAnalysisRequest,
  WireDrawing,
  WireExpiry,
  WireLevelEntry,
  WireLevels,
  WireLink,
  WireStoredDrawing,
  WireStoredLevelEntry,
  WireStoredLevels,
} from './types';

/** Wire expiry → domain expiry. */
export function expiryFromWire(e: WireExpiry): Expiry {
  return e.type === 'HOURS'
    ? { type: 'HOURS', hours: e.hours }
    : { type: 'DATE', date: timeFromWire(e.date) };
}

/** Domain expiry → wire expiry. */
export function expiryToWire(e: Expiry): WireExpiry {
  return e.type === 'HOURS' ? { type: 'HOURS', hours: e.hours } : { type: 'DATE', date: isoTime(e.date) };
}

/** Wire metadata → domain metadata (absent optional fields stay absent). */
export function metadataFromWire(m: WireAnalysisMetadata): AnalysisMetadata {
  const out: { -readonly [K in keyof AnalysisMetadata]: AnalysisMetadata[K] } = {
    direction: m.direction,
    entryPlacement: m.entryPlacement,
    title: m.title,
    timeframe: m.timeframe,
    symbol: m.symbol,
  };
  if (m.expiry) out.expiry = expiryFromWire(m.expiry);
  for (const key of OPTIONAL_TEXT_FIELDS) if (m[key] !== undefined) out[key] = m[key];
  return out;
}

/** Domain metadata → wire metadata. */
export function metadataToWire(m: AnalysisMetadata): WireAnalysisMetadata {
  const out: WireAnalysisMetadata = {
    direction: m.direction,
    entryPlacement: m.entryPlacement,
    title: m.title,
    timeframe: m.timeframe,
    symbol: m.symbol,
  };
  if (m.expiry) out.expiry = expiryToWire(m.expiry);
  for (const key of OPTIONAL_TEXT_FIELDS) if (m[key] !== undefined) out[key] = m[key];
  return out;
}

/** Wire level → domain level (`clientObjectId` → `id`, `id` → `persistedId`). */
export function levelFromWire(l: WireLevelEntry | WireStoredLevelEntry): Level {
  const level: Level = { id: l.clientObjectId, price: price(l.price), time: timeFromWire(l.time) };
  return 'id' in l ? { ...level, persistedId: l.id } : level;
}

/** Domain level → wire level in request form (no server id). */
export function requestLevelToWire(l: Level): WireLevelEntry {
  return { price: l.price, clientObjectId: l.id, time: isoTime(l.time) };
}

/** Domain level → wire level, with `id` when the level has a persistedId. */
export function levelToWire(l: Level): WireLevelEntry | WireStoredLevelEntry {
  const entry = requestLevelToWire(l);
  return l.persistedId !== undefined ? { ...entry, id: l.persistedId } : entry;
}

/** Wire levels (absent = none) → domain levels. */
export function levelsFromWire(levels: WireLevels | WireStoredLevels | undefined): Levels {
  const out: { -readonly [N in keyof Levels]: Level } = {};
  if (!levels) return out;
  for (const name of LEVEL_NAMES) {
    const entry = levels[name];
    if (entry) out[name] = levelFromWire(entry);
  }
  return out;
}

/** Domain levels → wire levels (entries carry `id` when persisted), lowest first. */
export function levelsToWire(levels: Levels): WireLevels | WireStoredLevels {
  const out: { [N in keyof WireLevels]: WireLevelEntry | WireStoredLevelEntry } = {};
  for (const name of LEVEL_NAMES) {
    const level = levels[name];
    if (level) out[name] = levelToWire(level);
  }
  return out;
}

/** Domain levels → wire levels in request form (no server ids), lowest first. */
export function requestLevelsToWire(levels: Levels): WireLevels {
  const out: WireLevels = {};
  for (const name of LEVEL_NAMES) {
    const level = levels[name];
    if (level) out[name] = requestLevelToWire(level);
  }
  return out;
}

/** A validated Create Analysis body → an unsaved domain analysis (the idempotencyKey stays on the wire). */
export function createRequestToDomain(body: WireCreateAnalysisRequest): Analysis {
  return {
    sender: body.sender,
    metadata: metadataFromWire(body.metadata),
    levels: levelsFromWire(body.levels),
    drawings: (body.drawings ?? []).map(drawingFromWire),
  };
}

/** A domain analysis → a Create Analysis body; persisted ids are left out (the server assigns them). */
export function createRequestFromDomain(
  analysis: Analysis,
  idempotencyKey?: string,
): WireCreateAnalysisRequest {
  const body: WireCreateAnalysisRequest = {
    sender: analysis.sender,
    metadata: metadataToWire(analysis.metadata),
    levels: requestLevelsToWire(analysis.levels),
    drawings: analysis.drawings.map((d) => drawingToWire({ ...d, persistedId: undefined }) as WireDrawing),
  };
  if (idempotencyKey !== undefined) body.idempotencyKey = idempotencyKey;
  return body;
}

/** A stored analysis from the server → domain analysis (derived fields are recomputed, not kept). */
export function analysisFromWire(detail: WireAnalysisDetail): Analysis {
  return {
    id: detail.id,
    communityId: detail.communityId,
    channelId: detail.channelId,
    sender: detail.sender,
    metadata: metadataFromWire(detail.metadata),
    levels: levelsFromWire(detail.levels),
    drawings: detail.drawings.map(drawingFromWire),
    createdAt: timeFromWire(detail.createdAt),
    updatedAt: timeFromWire(detail.updatedAt),
    version: detail.version,
  };
}

/** What the server derives for a detail: type, status, links and the expiry instant. */
export interface DerivedFields {
  readonly analysisType: AnalysisType;
  readonly status: AnalysisStatus;
  readonly links: readonly WireLink[];
  readonly expiresAt: UtcSeconds | null;
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined)
    throw new Error(`analysisToDetail: analysis.${field} is required for a saved analysis`);
  return value;
}

/**
 * A saved domain analysis plus its derived fields → AnalysisDetail. Every drawing and level must
 * carry a persistedId; throws naming the field otherwise.
 */
export function analysisToDetail(analysis: Analysis, derived: DerivedFields): WireAnalysisDetail {
  const drawings = analysis.drawings.map((d, i) => {
    required(d.persistedId, `drawings[${i}].persistedId`);
    return drawingToWire(d) as WireStoredDrawing;
  });
  for (const [name, level] of Object.entries(analysis.levels))
    required(level?.persistedId, `levels.${name}.persistedId`);
  return {
    id: required(analysis.id, 'id'),
    communityId: required(analysis.communityId, 'communityId'),
    channelId: required(analysis.channelId, 'channelId'),
    sender: analysis.sender,
    analysisType: derived.analysisType,
    status: derived.status,
    metadata: metadataToWire(analysis.metadata),
    levels: levelsToWire(analysis.levels) as WireStoredLevels,
    drawings,
    links: [...derived.links],
    expiresAt: derived.expiresAt === null ? null : isoTime(derived.expiresAt),
    createdAt: isoTime(required(analysis.createdAt, 'createdAt')),
    updatedAt: isoTime(required(analysis.updatedAt, 'updatedAt')),
    version: required(analysis.version, 'version'),
  };
}
