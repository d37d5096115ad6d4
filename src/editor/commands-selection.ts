// Selection commands. Selection is UI state: it never enters history, and only visible,
// existing drawings can be selected.
import { visibleDrawings } from './state';
import type { Store } from './store';
import type { EditorState } from './types';

function selectable(state: EditorState, ids: readonly string[]): string[] {
  return [...new Set(ids)].filter((id) => id in state.byId && !state.flags[id]?.hidden);
}

/** Replaces the selection. */
export function selectCommand(store: Store, ids: readonly string[]): void {
  const state = store.get();
  const next = selectable(state, ids);
  if (next.length === state.selection.length && next.every((id, i) => id === state.selection[i])) return;
  store.update((d) => {
    d.selection = next;
  });
}

/** Adds ids to the selection (keeping the existing order). */
export function addToSelectionCommand(store: Store, ids: readonly string[]): void {
  const state = store.get();
  selectCommand(store, [...state.selection, ...ids]);
}

/** Adds the id when absent, removes it when present. */
export function toggleSelectionCommand(store: Store, id: string): void {
  const state = store.get();
  if (state.selection.includes(id))
    selectCommand(
      store,
      state.selection.filter((s) => s !== id),
    );
  else selectCommand(store, [...state.selection, id]);
}

/** Selects every visible drawing, in paint order. */
export function selectAllCommand(store: Store): void {
  selectCommand(
    store,
    visibleDrawings(store.get()).map((d) => d.id),
  );
}
