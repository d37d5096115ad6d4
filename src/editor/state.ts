// Building and finishing editor states: the derived `drawings` array and the invariants that
// every change must leave intact (selection and hover only name visible, existing drawings).
import type { AnalysisMetadata } from '../core/analysis';
import type { Drawing } from '../core/drawing';
import { referenceKeys } from '../core/references';
import type { DrawingFlags, EditorDocument, EditorState } from './types';

/** Metadata of a new, empty analysis. */
export const DEFAULT_METADATA: AnalysisMetadata = {
  direction: 'BULLISH',
  entryPlacement: 'BELOW_CURRENT',
  title: '',
  timeframe: 'H1',
  symbol: '',
};

/** Indexes drawings by id; throws on a duplicate id. */
export function indexDrawings(drawings: readonly Drawing[]): { [id: string]: Drawing } {
  const byId: { [id: string]: Drawing } = {};
  drawings.forEach((d, i) => {
    if (d.id in byId) throw new Error(`drawings[${i}].id: "${d.id}" is used by another drawing`);
    byId[d.id] = d;
  });
  return byId;
}

/** The document part of a state built from a document. */
export function documentState(
  doc: EditorDocument,
): Pick<EditorState, 'byId' | 'order' | 'flags' | 'levels' | 'metadata' | 'drawings'> {
  const byId = indexDrawings(doc.drawings);
  const flags: { [id: string]: DrawingFlags } = {};
  for (const [id, f] of Object.entries(doc.flags ?? {})) if (id in byId) flags[id] = f;
  return {
    byId,
    order: doc.drawings.map((d) => d.id),
    drawings: [...doc.drawings],
    flags,
    levels: doc.levels ?? {},
    metadata: doc.metadata ?? DEFAULT_METADATA,
  };
}

/** A fresh editor state. */
export function createInitialState(doc: EditorDocument = { drawings: [] }): EditorState {
  return {
    ...documentState(doc),
    selection: [],
    tool: 'select',
    toolState: { type: 'idle' },
    magnet: 'off',
    stayInDrawingMode: false,
    clipboard: null,
    hover: null,
    drawingDefaults: {},
    keyboard: { focus: null, cursor: null },
  };
}

/**
 * Restores the invariants after a change from `prev` to `next`: `drawings` follows order/byId,
 * selection and hover drop ids that are gone or hidden, flags of deleted drawings go.
 */
export function finishState(prev: EditorState, next: EditorState): EditorState {
  if (next === prev) return prev;
  let out = next;
  if (next.order !== prev.order || next.byId !== prev.byId) {
    out = { ...out, drawings: next.order.map((id) => next.byId[id]!) };
  }
  const visible = (id: string) => id in out.byId && !out.flags[id]?.hidden;
  if (!out.selection.every(visible)) out = { ...out, selection: out.selection.filter(visible) };
  if (out.hover?.type === 'drawing' && !visible(out.hover.id)) out = { ...out, hover: null };
  return out;
}

/** Ids in use by drawings and levels (clientObjectIds are unique across both) and referred to by the texts. */
export function usedIds(state: Pick<EditorState, 'byId' | 'levels' | 'metadata'>): Set<string> {
  const ids = new Set(Object.keys(state.byId));
  for (const level of Object.values(state.levels)) if (level) ids.add(level.id);
  // Keys the texts refer to stay taken even when their drawing is gone: a new drawing must not
  // answer an old `[[line_1:…]]` (the texts are stored with the analysis, so this holds on reload).
  const m = state.metadata;
  for (const text of [m.preferenceText, m.alternativeText, m.comments])
    if (text) for (const key of referenceKeys(text)) ids.add(key);
  return ids;
}

/** True when the drawing exists and is locked. */
export function isLocked(state: EditorState, id: string): boolean {
  return state.flags[id]?.locked === true;
}

/** Drawings that are not hidden, in paint order. */
export function visibleDrawings(state: EditorState): Drawing[] {
  return state.drawings.filter((d) => !state.flags[d.id]?.hidden);
}
