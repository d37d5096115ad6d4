// What the local user changed since the server last confirmed, and the rebase that keeps those
// changes over a newer server document: touched drawings, levels and fields win, the rest is the
// server's.
import { LEVEL_NAMES, type LevelName } from '../core/analysis';
import type { Drawing } from '../schema/drawings/drawing';
import type { LevelEntry, Levels } from '../schema/levels';
import type { AnalysisMetadata } from '../schema/metadata';
import { UPDATABLE_METADATA_FIELDS, type UpdatableMetadataField } from '../core/wire/fields';
import { canonical, type DomainDoc, type SyncDoc } from './sync-doc';

/** Ids and names the local user changed; plain arrays so that it persists as JSON. */
export interface Touched {
  readonly drawings: readonly string[];
  readonly levels: readonly LevelName[];
  readonly metadata: readonly UpdatableMetadataField[];
  /**
   * The user changed the paint order (bring to front, send back…). Optional so that outboxes saved
   * before it existed still read: absent means false.
   */
  readonly order?: boolean;
}

/** Nothing touched. */
export const NOTHING_TOUCHED: Touched = { drawings: [], levels: [], metadata: [] };

/** Union of touched sets. */
export function unionTouched(...all: readonly Touched[]): Touched {
  const d = new Set<string>();
  const l = new Set<LevelName>();
  const m = new Set<UpdatableMetadataField>();
  let order = false;
  for (const t of all) {
    for (const x of t.drawings) d.add(x);
    for (const x of t.levels) l.add(x);
    for (const x of t.metadata) m.add(x);
    order ||= t.order === true;
  }
  return { drawings: [...d], levels: [...l], metadata: [...m], ...(order ? { order } : {}) };
}

/** True when nothing is touched. */
export function isUntouched(t: Touched): boolean {
  return t.drawings.length === 0 && t.levels.length === 0 && t.metadata.length === 0 && t.order !== true;
}

/**
 * True when the drawings both lists hold are not in the same relative order. Creating or deleting
 * a drawing is not a reorder; moving one in the paint order is.
 */
export function orderChanged(
  prev: readonly { readonly id: string }[],
  next: readonly { readonly id: string }[],
): boolean {
  // The usual edit keeps every drawing where it was: decided without building sets.
  if (prev.length === next.length && prev.every((d, i) => d.id === next[i]!.id)) return false;
  const inPrev = new Set(prev.map((d) => d.id));
  const inNext = new Set(next.map((d) => d.id));
  const before = prev.filter((d) => inNext.has(d.id));
  const after = next.filter((d) => inPrev.has(d.id));
  return before.some((d, i) => d.id !== after[i]!.id);
}

/** What differs between two editor documents: `ids` come from the editor's change record. */
export function touchedBetween(prev: DomainDoc, next: DomainDoc, ids: readonly string[]): Touched {
  const levels = LEVEL_NAMES.filter((n) => prev.levels[n] !== next.levels[n]);
  const metadata = UPDATABLE_METADATA_FIELDS.filter((f) => prev.metadata[f] !== next.metadata[f]);
  const order = orderChanged(prev.drawings, next.drawings);
  return { drawings: [...ids], levels, metadata, ...(order ? { order } : {}) };
}

/**
 * Adds the local drawings the server lacks (`isNew`) to `merged`, in place: each just above the
 * highest drawing it was above locally — and above the drawings only the server has that follow
 * that one, so what this user drew stays over what others drew meanwhile. A new drawing the user
 * drew on top stays on top; one renamed by sync (an id clash) keeps its place among the user's own.
 */
function insertNewDrawings(
  merged: Drawing[],
  local: readonly Drawing[],
  isNew: (id: string) => boolean,
): void {
  const localIds = new Set(local.map((d) => d.clientObjectId));
  // The local drawings seen so far: those below the current one in the local order.
  const below = new Set<string>();
  for (const d of local) {
    const id = d.clientObjectId;
    if (isNew(id)) {
      let at = 0;
      for (let i = merged.length - 1; i >= 0; i--) {
        if (below.has(merged[i]!.clientObjectId)) {
          at = i + 1;
          break;
        }
      }
      while (at < merged.length && !localIds.has(merged[at]!.clientObjectId)) at++;
      merged.splice(at, 0, d);
    }
    below.add(id);
  }
}

/**
 * `merged` (the server's paint order, local additions on top) put back into the local user's
 * order: drawings the local document holds follow its order, and each drawing only the server has
 * (another client's) stays just above the drawing it sat above on the server.
 */
export function inLocalOrder(merged: readonly Drawing[], localOrder: readonly string[]): Drawing[] {
  const localIds = new Set(localOrder);
  const byId = new Map<string, Drawing>();
  const above = new Map<string | null, Drawing[]>();
  let below: string | null = null;
  for (const d of merged) {
    const id = d.clientObjectId;
    if (localIds.has(id)) {
      byId.set(id, d);
      below = id;
    } else {
      const group = above.get(below) ?? [];
      group.push(d);
      above.set(below, group);
    }
  }
  const out = [...(above.get(null) ?? [])];
  for (const id of localOrder) {
    const d = byId.get(id);
    if (!d) continue;
    out.push(d, ...(above.get(id) ?? []));
  }
  return out;
}

/** A rebased document and the local drawings that were renamed because another client took their id. */
export interface Rebased {
  readonly doc: SyncDoc;
  /** Old clientObjectId → new one, for local drawings created under an id the server now uses for another. */
  readonly renamed: ReadonlyMap<string, string>;
}

/** The next `<stem>_<n>` (or `<id>_<n>`) not in `used`. */
function freshId(id: string, used: ReadonlySet<string>): string {
  const m = /^(.*?)_(\d+)$/.exec(id);
  const stem = m ? m[1]! : id;
  let n = m ? Number(m[2]) : 1;
  let candidate = `${stem}_${n}`;
  while (used.has(candidate) || candidate.length > 64) {
    n++;
    candidate = `${stem}_${n}`.slice(-64);
  }
  return candidate;
}

/**
 * Rebases local work on a newer server document. Drawings keep the server's paint order unless
 * the user changed the order (then theirs wins, see `inLocalOrder`); touched drawings take the
 * local version (or stay deleted), and touched drawings the server lacks keep their place among
 * the local ones (see `insertNewDrawings`). A drawing created here under an id that another client
 * has since used (neither side knew) is not the same drawing: it gets a fresh id instead of overwriting —
 * unless it is one of `unanswered`, the new drawings of a request whose answer is still awaited.
 */
export function rebase(
  server: SyncDoc,
  local: SyncDoc,
  touched: Touched,
  base: SyncDoc | null = null,
  sent: readonly Drawing[] = [],
  known: readonly string[] = [],
  unanswered: readonly string[] = [],
): Rebased {
  const metadata: { -readonly [K in keyof AnalysisMetadata]: AnalysisMetadata[K] } = { ...server.metadata };
  for (const field of touched.metadata) {
    const value = local.metadata[field];
    if (value === undefined) delete metadata[field as Exclude<UpdatableMetadataField, 'title'>];
    else (metadata as Record<string, unknown>)[field] = value;
  }

  const levels: { -readonly [K in keyof Levels]: LevelEntry } = {};
  const touchedLevels = new Set(touched.levels);
  for (const name of LEVEL_NAMES) {
    const entry = touchedLevels.has(name) ? local.levels[name] : server.levels[name];
    if (entry) levels[name] = entry;
  }

  // Ids this client knew on the server: its base, plus drawings it merged while a request was in flight.
  const baseIds = new Set([...(base?.drawings ?? []).map((d) => d.clientObjectId), ...known]);
  const serverIds = new Set(server.drawings.map((d) => d.clientObjectId));
  const used = new Set([...serverIds, ...local.drawings.map((d) => d.clientObjectId)]);
  for (const l of [...Object.values(server.levels), ...Object.values(local.levels)])
    if (l) used.add(l.clientObjectId);
  const serverById = new Map(server.drawings.map((d) => [d.clientObjectId, d]));
  // Ours if the server holds exactly what one of our unconfirmed requests sent (its answer was lost).
  const ours = (id: string) => {
    const there = canonical(serverById.get(id));
    return sent.some((d) => d.clientObjectId === id && canonical(d) === there);
  };
  // A drawing the request still on the wire creates may be ours, committed and since edited by
  // someone else: only its answer tells (a replay or 2xx: ours; a 409/412: not), so it is not
  // renamed before that answer.
  const awaiting = new Set(unanswered);
  const renamed = new Map<string, string>();
  const touchedIds = new Set(touched.drawings);
  // Iteration order of localById is the local paint order (renamed ids included).
  const localById = new Map<string, Drawing>();
  for (const d of local.drawings) {
    const id = d.clientObjectId;
    if (
      base !== null &&
      touchedIds.has(id) &&
      serverIds.has(id) &&
      !baseIds.has(id) &&
      !ours(id) &&
      !awaiting.has(id)
    ) {
      const next = freshId(id, used);
      used.add(next);
      renamed.set(id, next);
      localById.set(next, { ...d, clientObjectId: next });
    } else localById.set(id, d);
  }
  for (const [from, to] of renamed) {
    touchedIds.delete(from);
    touchedIds.add(to);
  }

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
  insertNewDrawings(drawings, [...localById.values()], (id) => touchedIds.has(id) && !placed.has(id));
  // A level and a drawing may not share a clientObjectId; the level named by this side wins.
  const levelIds = new Set(Object.values(levels).map((l) => l.clientObjectId));
  const ordered = touched.order === true ? inLocalOrder(drawings, [...localById.keys()]) : drawings;
  const doc = { metadata, levels, drawings: ordered.filter((d) => !levelIds.has(d.clientObjectId)) };
  return { doc, renamed };
}

/** Touched sets with renamed drawing ids replaced. */
export function renameTouched(t: Touched, renamed: ReadonlyMap<string, string>): Touched {
  if (renamed.size === 0) return t;
  return { ...t, drawings: t.drawings.map((id) => renamed.get(id) ?? id) };
}
