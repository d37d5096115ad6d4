// What the local user changed since the server last confirmed, and the rebase that keeps those
// changes over a newer server document: touched drawings, levels and fields win, the rest is the
// server's.
import { LEVEL_NAMES, type LevelName } from '../core/analysis';
import type { Drawing } from '../schema/drawings/drawing';
import type { LevelEntry, Levels } from '../schema/levels';
import type { AnalysisMetadata } from '../schema/metadata';
import { type DomainDoc, type SyncDoc, UPDATABLE_FIELDS, type UpdatableField } from './sync-doc';

/** Ids and names the local user changed; plain arrays so that it persists as JSON. */
export interface Touched {
  readonly drawings: readonly string[];
  readonly levels: readonly LevelName[];
  readonly metadata: readonly UpdatableField[];
}

/** Nothing touched. */
export const NOTHING_TOUCHED: Touched = { drawings: [], levels: [], metadata: [] };

/** Union of touched sets. */
export function unionTouched(...all: readonly Touched[]): Touched {
  const d = new Set<string>();
  const l = new Set<LevelName>();
  const m = new Set<UpdatableField>();
  for (const t of all) {
    for (const x of t.drawings) d.add(x);
    for (const x of t.levels) l.add(x);
    for (const x of t.metadata) m.add(x);
  }
  return { drawings: [...d], levels: [...l], metadata: [...m] };
}

/** True when nothing is touched. */
export function isUntouched(t: Touched): boolean {
  return t.drawings.length === 0 && t.levels.length === 0 && t.metadata.length === 0;
}

/** What differs between two editor documents: `ids` come from the editor's change record. */
export function touchedBetween(prev: DomainDoc, next: DomainDoc, ids: readonly string[]): Touched {
  const levels = LEVEL_NAMES.filter((n) => prev.levels[n] !== next.levels[n]);
  const metadata = UPDATABLE_FIELDS.filter((f) => prev.metadata[f] !== next.metadata[f]);
  return { drawings: [...ids], levels, metadata };
}

/**
 * Rebases local work on a newer server document. Drawings keep the server's paint order; touched
 * drawings take the local version (or stay deleted), and touched drawings the server lacks are
 * added on top in local order.
 */
export function rebase(server: SyncDoc, local: SyncDoc, touched: Touched): SyncDoc {
  const metadata: { -readonly [K in keyof AnalysisMetadata]: AnalysisMetadata[K] } = { ...server.metadata };
  for (const field of touched.metadata) {
    const value = local.metadata[field];
    if (value === undefined) delete metadata[field as Exclude<UpdatableField, 'title'>];
    else (metadata as Record<string, unknown>)[field] = value;
  }

  const levels: { -readonly [K in keyof Levels]: LevelEntry } = {};
  const touchedLevels = new Set(touched.levels);
  for (const name of LEVEL_NAMES) {
    const entry = touchedLevels.has(name) ? local.levels[name] : server.levels[name];
    if (entry) levels[name] = entry;
  }

  const touchedIds = new Set(touched.drawings);
  const localById = new Map(local.drawings.map((d) => [d.clientObjectId, d]));
  const drawings: Drawing[] = [];
  const placed = new Set<string>();
  for (const d of server.drawings) {
    const id = d.clientObjectId;
    const pick = touchedIds.has(id) ? localById.get(id) : d;
    if (pick) {
      drawings.push(pick);
      placed.add(id);
    }
  }
  for (const d of local.drawings) {
    if (touchedIds.has(d.clientObjectId) && !placed.has(d.clientObjectId)) drawings.push(d);
  }
  // A level and a drawing may not share a clientObjectId; the level named by this side wins.
  const levelIds = new Set(Object.values(levels).map((l) => l.clientObjectId));
  return { metadata, levels, drawings: drawings.filter((d) => !levelIds.has(d.clientObjectId)) };
}
