// The editor's single source of state: local changes go through immer with patches into history,
// remote changes and loads bypass it, and every change is announced with what it touched.
import { type Draft, type Patch, produce, produceWithPatches } from 'immer';
import type { Drawing } from '../core/drawing';
import { applyStep, History } from './history';
import { type Quantize, quantizeRecipe } from './quantize';
import { createInitialState, documentState, finishState, indexDrawings } from './state';
import type { ChangeRecord, ChangeSource, EditorDocument, EditorListener, EditorState } from './types';

/** A change to the state, written as mutations of an immer draft. */
export type Recipe = (draft: Draft<EditorState>) => void;

/** Owner of the state, history and subscribers. */
export interface Store {
  get(): EditorState;
  subscribe(listener: EditorListener): () => void;
  /** A local change; enters history (merged into the open gesture, if any). `moved`: see History.record. */
  update(recipe: Recipe, moved?: readonly string[]): void;
  beginGesture(): void;
  endGesture(): void;
  /** Reverts everything the open gesture changed; returns false when none was open. */
  cancelGesture(): boolean;
  undo(): boolean;
  redo(): boolean;
  readonly history: History;
  applyRemote(recipe: Recipe): void;
  /** Gives drawings new ids (state and undo history), outside undo: another client took their ids. */
  renameDrawings(renamed: ReadonlyMap<string, string>): void;
  load(doc: EditorDocument): void;
  /** Changes how later local changes round stored values. */
  setQuantize(quantize: Quantize): void;
  /** How local changes round stored values now. */
  quantize(): Quantize;
}

/** Ids of drawings whose data, flags or paint position differ between two states. */
export function changedIds(prev: EditorState, next: EditorState): string[] {
  const ids = new Set<string>();
  if (prev.byId !== next.byId) {
    for (const id in prev.byId) if (prev.byId[id] !== next.byId[id]) ids.add(id);
    for (const id in next.byId) if (!(id in prev.byId)) ids.add(id);
  }
  if (prev.flags !== next.flags) {
    for (const id in prev.flags) if (prev.flags[id] !== next.flags[id]) ids.add(id);
    for (const id in next.flags) if (!(id in prev.flags)) ids.add(id);
  }
  if (prev.order !== next.order) {
    const at = new Map(prev.order.map((id, i) => [id, i]));
    next.order.forEach((id, i) => {
      if (at.get(id) !== i) ids.add(id);
    });
  }
  return [...ids];
}

// A local change's patches already name the drawings it touched: no scan of every drawing per
// pointer move (a scan costs ~0.35 ms per move at 1,000 drawings).
function idsFromPatches(patches: readonly Patch[], prev: EditorState, next: EditorState): string[] {
  const ids = new Set<string>();
  for (const p of patches) if (p.path[0] === 'byId' || p.path[0] === 'flags') ids.add(String(p.path[1]));
  if (prev.order !== next.order) {
    const at = new Map(prev.order.map((id, i) => [id, i]));
    next.order.forEach((id, i) => {
      if (at.get(id) !== i) ids.add(id);
    });
    for (const id of prev.order) if (!(id in next.byId)) ids.add(id);
  }
  return [...ids];
}

/** Creates a store around `initial`. */
export function createStore(
  initial: EditorState = createInitialState(),
  historyLimit?: number,
  initialQuantize: Quantize = {},
): Store {
  let quantize = initialQuantize;
  let state = initial;
  const history = new History(historyLimit);
  const listeners = new Set<EditorListener>();
  let gesture = { ids: new Set<string>(), levels: false, metadata: false };

  function emit(prev: EditorState, source: ChangeSource, inGesture: boolean, known?: string[]): void {
    const ids = known ?? changedIds(prev, state);
    const levels = prev.levels !== state.levels;
    const metadata = prev.metadata !== state.metadata;
    const change: ChangeRecord = {
      source,
      origin: source === 'remote' || source === 'load' ? 'remote' : 'local',
      ids,
      levels,
      metadata,
      document: ids.length > 0 || levels || metadata,
      inGesture,
    };
    if (inGesture) {
      for (const id of ids) gesture.ids.add(id);
      gesture.levels ||= levels;
      gesture.metadata ||= metadata;
    }
    for (const l of [...listeners]) l(state, change);
  }

  function set(next: EditorState, source: ChangeSource, ids?: string[]): void {
    const prev = state;
    if (next === prev) return;
    state = next;
    emit(prev, source, history.inGesture, ids);
  }

  function announceGestureEnd(): void {
    const g = gesture;
    gesture = { ids: new Set(), levels: false, metadata: false };
    if (g.ids.size === 0 && !g.levels && !g.metadata) return;
    const change: ChangeRecord = {
      source: 'local',
      origin: 'local',
      ids: [...g.ids],
      levels: g.levels,
      metadata: g.metadata,
      document: true,
      inGesture: false,
    };
    for (const l of [...listeners]) l(state, change);
  }

  const store: Store = {
    history,
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(recipe, moved) {
      const before = state;
      const [changed, patches, inverse] = produceWithPatches(before, recipe);
      if (changed === before) return;
      // Round what this change touched, in the same history step (patches after, inverse before).
      const [produced, qPatches, qInverse] = produceWithPatches(
        changed,
        quantizeRecipe(quantize, idsFromPatches(patches, before, changed), before.levels !== changed.levels),
      );
      patches.push(...qPatches);
      inverse.unshift(...qInverse);
      const next = finishState(before, produced);
      history.record(patches, inverse, before, next, moved);
      set(next, 'local', idsFromPatches(patches, before, next));
    },
    beginGesture() {
      history.beginGesture();
    },
    endGesture() {
      const wasOpen = history.inGesture;
      history.endGesture();
      if (wasOpen && !history.inGesture) announceGestureEnd();
    },
    cancelGesture() {
      if (!history.inGesture) return false;
      const entry = history.cancelGesture();
      if (entry) set(finishState(state, applyStep(state, entry, 'undo')), 'local');
      announceGestureEnd();
      return true;
    },
    undo() {
      if (history.inGesture) return store.cancelGesture();
      const entry = history.takeUndo();
      if (!entry) return false;
      set(finishState(state, { ...applyStep(state, entry, 'undo'), toolState: { type: 'idle' } }), 'undo');
      return true;
    },
    redo() {
      if (history.inGesture) return false;
      const entry = history.takeRedo();
      if (!entry) return false;
      set(finishState(state, { ...applyStep(state, entry, 'redo'), toolState: { type: 'idle' } }), 'redo');
      return true;
    },
    applyRemote(recipe) {
      const produced = produce(state, recipe);
      let next = produced;
      if (produced.drawings !== state.drawings) {
        next = {
          ...produced,
          byId: indexDrawings(produced.drawings),
          order: produced.drawings.map((d) => d.id),
        };
      }
      if (next.byId !== state.byId) {
        const flags = Object.fromEntries(Object.entries(next.flags).filter(([id]) => id in next.byId));
        next = { ...next, flags };
      }
      set(finishState(state, next), 'remote');
    },
    renameDrawings(renamed) {
      const moving = [...renamed].filter(([from, to]) => from in state.byId && !(to in state.byId));
      history.renameIds(renamed);
      if (moving.length === 0) return;
      const map = new Map(moving);
      const id = (x: string) => map.get(x) ?? x;
      const byId: { [id: string]: Drawing } = {};
      for (const [key, d] of Object.entries(state.byId))
        byId[id(key)] = map.has(key) ? { ...d, id: id(key) } : d;
      const flags = Object.fromEntries(Object.entries(state.flags).map(([key, f]) => [id(key), f]));
      const hover =
        state.hover?.type === 'drawing' && map.has(state.hover.id)
          ? { ...state.hover, id: id(state.hover.id) }
          : state.hover;
      const next = {
        ...state,
        byId,
        flags,
        order: state.order.map(id),
        selection: state.selection.map(id),
        hover,
      };
      set(finishState(state, next), 'remote', [...map.keys(), ...map.values()]);
    },
    load(doc) {
      history.clear();
      gesture = { ids: new Set(), levels: false, metadata: false };
      set(
        { ...state, ...documentState(doc), selection: [], toolState: { type: 'idle' }, hover: null },
        'load',
      );
    },
    setQuantize(next) {
      quantize = next;
    },
    quantize: () => quantize,
  };
  return store;
}
