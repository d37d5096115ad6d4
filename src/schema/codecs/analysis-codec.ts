// Wire metadata and levels ↔ core: expiry DATE ↔ UTC seconds, clientObjectId ↔ id, id ↔ persistedId.
import {
  type AnalysisMetadata as DomainMetadata,
  type Expiry as DomainExpiry,
  LEVEL_NAMES,
  type Level,
  type Levels as DomainLevels,
} from '../../core/analysis';
import { price } from '../../core/units';
import type { LevelEntry, Levels, StoredLevelEntry, StoredLevels } from '../levels';
import type { AnalysisMetadata, Expiry } from '../metadata';
import { formatTime } from '../time';
import { timeFromWire } from './drawing-codec';

/** Wire expiry → domain expiry. */
export function expiryFromWire(e: Expiry): DomainExpiry {
  return e.type === 'HOURS'
    ? { type: 'HOURS', hours: e.hours }
    : { type: 'DATE', date: timeFromWire(e.date) };
}

/** Domain expiry → wire expiry. */
export function expiryToWire(e: DomainExpiry): Expiry {
  return e.type === 'HOURS' ? { type: 'HOURS', hours: e.hours } : { type: 'DATE', date: formatTime(e.date) };
}

const OPTIONAL_TEXTS = ['preferenceText', 'alternativeText', 'comments'] as const;

/** Wire metadata → domain metadata (absent optional fields stay absent). */
export function metadataFromWire(m: AnalysisMetadata): DomainMetadata {
  const out: { -readonly [K in keyof DomainMetadata]: DomainMetadata[K] } = {
    direction: m.direction,
    entryPlacement: m.entryPlacement,
    title: m.title,
    timeframe: m.timeframe,
    symbol: m.symbol,
  };
  if (m.expiry) out.expiry = expiryFromWire(m.expiry);
  for (const key of OPTIONAL_TEXTS) if (m[key] !== undefined) out[key] = m[key];
  return out;
}

/** Domain metadata → wire metadata. */
export function metadataToWire(m: DomainMetadata): AnalysisMetadata {
  const out: AnalysisMetadata = {
    direction: m.direction,
    entryPlacement: m.entryPlacement,
    title: m.title,
    timeframe: m.timeframe,
    symbol: m.symbol,
  };
  if (m.expiry) out.expiry = expiryToWire(m.expiry);
  for (const key of OPTIONAL_TEXTS) if (m[key] !== undefined) out[key] = m[key];
  return out;
}

/** Wire level → domain level (`clientObjectId` → `id`, `id` → `persistedId`). */
export function levelFromWire(l: LevelEntry | StoredLevelEntry): Level {
  const level: Level = { id: l.clientObjectId, price: price(l.price), time: timeFromWire(l.time) };
  return 'id' in l ? { ...level, persistedId: l.id } : level;
}

/** Domain level → wire level, with `id` when the level has a persistedId. */
export function levelToWire(l: Level): LevelEntry | StoredLevelEntry {
  const entry = { price: l.price, clientObjectId: l.id, time: formatTime(l.time) };
  return l.persistedId !== undefined ? { ...entry, id: l.persistedId } : entry;
}

/** Wire levels (absent = none) → domain levels. */
export function levelsFromWire(levels: Levels | StoredLevels | undefined): DomainLevels {
  const out: { -readonly [N in keyof DomainLevels]: Level } = {};
  if (!levels) return out;
  for (const name of LEVEL_NAMES) {
    const entry = levels[name];
    if (entry) out[name] = levelFromWire(entry);
  }
  return out;
}

/** Domain levels → wire levels (entries carry `id` when persisted). */
export function levelsToWire(levels: DomainLevels): Levels | StoredLevels {
  const out: { [N in keyof Levels]: LevelEntry | StoredLevelEntry } = {};
  for (const name of LEVEL_NAMES) {
    const level = levels[name];
    if (level) out[name] = levelToWire(level);
  }
  return out;
}
