// Undo/redo from immer's patches (after tldraw's HistoryManager: recorded diffs, one mark per
// gesture, remote changes outside history). Patches address drawings by id (state.byId), so a
// remote edit of other drawings between an edit and its undo does not disturb it; paint order is
// kept as before/after snapshots and rebased (see order.ts) for the same reason.
import { applyPatches, enablePatches, type Patch } from 'immer';
import type { EditorState } from './types';
import { movedIds, rebaseOrder } from './order';

enablePatches();

/** State keys whose changes are undoable; selection, tool, hover and the rest are not. */
export const DOCUMENT_KEYS: readonly string[] = ['byId', 'flags', 'levels', 'metadata'];

/** Default maximum number of undo steps kept. */
export const HISTORY_LIMIT = 200;

/** One undo step. */
export interface HistoryEntry {
  readonly redo: readonly Patch[];
  readonly undo: readonly Patch[];
  readonly orderBefore: readonly string[];
  readonly orderAfter: readonly string[];
  /** Ids whose paint position the step changed (added, removed or reordered). */
  readonly moved: ReadonlySet<string>;
  readonly selectionBefore: readonly string[];
  readonly selectionAfter: readonly string[];
}

interface PendingEntry {
  redo: Patch[];
  undo: Patch[];
  orderBefore: readonly string[];
  orderAfter: readonly string[];
  moved: Set<string>;
  selectionBefore: readonly string[];
  selectionAfter: readonly string[];
}

/** Keeps only patches of document keys. */
export function documentPatches(patches: readonly Patch[]): Patch[] {
  return patches.filter((p) => DOCUMENT_KEYS.includes(String(p.path[0])));
}

function isEmpty(e: PendingEntry): boolean {
  return e.redo.length === 0 && e.orderBefore === e.orderAfter;
}

/** Undo and redo stacks plus the gesture being recorded. */
export class History {
  private readonly undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private pending: PendingEntry | null = null;
  private depth = 0;
  private amendFrom = -1;
  /** Bumped whenever the undo stack changes; lets a caller tell that its step is still the newest. */
  version = 0;

  constructor(private readonly limit = HISTORY_LIMIT) {}

  /** True while a gesture is open. */
  get inGesture(): boolean {
    return this.depth > 0;
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Opens a gesture (nesting counts): every change until the matching end is one step. */
  beginGesture(): void {
    this.depth++;
  }

  /**
   * Records one local change; returns true when it touched the document. Outside a gesture it is
   * a step of its own; inside, it merges into the gesture's step. `moved` names the ids a reorder
   * moved, since for a swap either id would be a minimal answer and only the command knows which.
   */
  record(
    patches: readonly Patch[],
    inverse: readonly Patch[],
    before: EditorState,
    after: EditorState,
    moved?: readonly string[],
  ): boolean {
    const redo = documentPatches(patches);
    const undo = documentPatches(inverse);
    const orderChanged = before.order !== after.order;
    if (redo.length === 0 && !orderChanged) {
      if (this.pending) this.pending.selectionAfter = after.selection;
      return false;
    }
    if (!this.pending && this.depth === 0 && this.amendFrom === this.version && this.undoStack.length) {
      // A held key's auto-repeat: reopen the newest step instead of adding one per repeat.
      const last = this.undoStack.pop()!;
      this.pending = { ...last, redo: [...last.redo], undo: [...last.undo], moved: new Set(last.moved) };
    }
    this.amendFrom = -1;
    if (!this.pending) {
      this.pending = {
        redo: [],
        undo: [],
        orderBefore: before.order,
        orderAfter: before.order,
        moved: new Set(),
        selectionBefore: before.selection,
        selectionAfter: before.selection,
      };
    }
    this.pending.redo.push(...redo);
    this.pending.undo.unshift(...undo);
    this.pending.orderAfter = after.order;
    if (orderChanged)
      for (const id of moved ?? movedIds(before.order, after.order)) this.pending.moved.add(id);
    this.pending.selectionAfter = after.selection;
    if (this.depth === 0) this.commit();
    return true;
  }

  /** The next recorded step joins the newest one, if nothing changed the stack since `version`. */
  amendNext(version: number): void {
    this.amendFrom = version;
  }

  /** Closes a gesture; returns true when this closed the outermost one and a step was recorded. */
  endGesture(): boolean {
    if (this.depth === 0) return false;
    this.depth--;
    return this.depth === 0 ? this.commit() : false;
  }

  /** Abandons the open gesture and returns what it had changed, for the caller to revert. */
  cancelGesture(): HistoryEntry | null {
    this.depth = 0;
    const p = this.pending;
    this.pending = null;
    return p && !isEmpty(p) ? p : null;
  }

  /** Takes the newest step for undoing (it moves to the redo stack). */
  takeUndo(): HistoryEntry | null {
    this.version++;
    const e = this.undoStack.pop() ?? null;
    if (e) this.redoStack.push(e);
    return e;
  }

  /** Takes the newest undone step for redoing (it moves back to the undo stack). */
  takeRedo(): HistoryEntry | null {
    this.version++;
    const e = this.redoStack.pop() ?? null;
    if (e) this.undoStack.push(e);
    return e;
  }

  /**
   * Makes every step address drawings by their new ids: another client took an id this one had
   * used, and sync renamed ours. Without this an undo would act on the other client's drawing.
   */
  renameIds(renamed: ReadonlyMap<string, string>): void {
    if (renamed.size === 0) return;
    const entry = <E extends HistoryEntry | PendingEntry>(e: E): E => renameEntry(e, renamed);
    this.undoStack.splice(0, this.undoStack.length, ...this.undoStack.map(entry));
    this.redoStack = this.redoStack.map(entry);
    if (this.pending) this.pending = entry(this.pending);
  }

  /** Forgets everything (after `load`). */
  clear(): void {
    this.version++;
    this.undoStack.length = 0;
    this.redoStack = [];
    this.pending = null;
    this.depth = 0;
  }

  /** Sizes, for tests and debugging. */
  sizes(): { undo: number; redo: number } {
    return { undo: this.undoStack.length, redo: this.redoStack.length };
  }

  private commit(): boolean {
    const p = this.pending;
    this.pending = null;
    this.version++;
    if (!p || isEmpty(p)) return false;
    this.undoStack.push(p);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
    return true;
  }
}

/**
 * Applies the patches of a step in one direction onto `state`, skipping what a remote change made
 * moot: an edit of a drawing (or level) that no longer exists is dropped rather than resurrecting it.
 */
export function applyStep(state: EditorState, entry: HistoryEntry, direction: 'undo' | 'redo'): EditorState {
  const patches = direction === 'undo' ? entry.undo : entry.redo;
  const alive: { [key: string]: Set<string> } = {
    byId: new Set(Object.keys(state.byId)),
    flags: new Set(Object.keys(state.flags)),
    levels: new Set(Object.keys(state.levels)),
  };
  const safe = patches.filter((p) => {
    const set = alive[String(p.path[0])];
    if (!set || p.path.length < 2) return true;
    const key = String(p.path[1]);
    if (p.path.length > 2) return set.has(key);
    if (p.op === 'remove') return set.delete(key);
    if (p.op === 'replace' && !set.has(key)) return false;
    set.add(key);
    return true;
  });
  const patched = safe.length ? applyPatches(state, safe) : state;
  const to = direction === 'undo' ? entry.orderBefore : entry.orderAfter;
  const order =
    entry.moved.size === 0 && sameIds(patched.order, Object.keys(patched.byId))
      ? patched.order
      : rebaseOrder(patched.order, to, entry.moved, (id) => id in patched.byId);
  const wanted = direction === 'undo' ? entry.selectionBefore : entry.selectionAfter;
  const selection = wanted.filter((id) => id in patched.byId && !patched.flags[id]?.hidden);
  return { ...patched, order, selection };
}

function sameIds(order: readonly string[], keys: readonly string[]): boolean {
  if (order.length !== keys.length) return false;
  const set = new Set(keys);
  return order.every((id) => set.has(id));
}

function renamePatch(p: Patch, renamed: ReadonlyMap<string, string>): Patch {
  const [root, key, ...rest] = p.path;
  if ((root !== 'byId' && root !== 'flags') || key === undefined) return p;
  const to = renamed.get(String(key));
  if (to === undefined) return p;
  // A whole drawing (added or restored) carries its id inside too.
  const value =
    root === 'byId' && rest.length === 0 && p.value && typeof p.value === 'object'
      ? { ...p.value, id: to }
      : root === 'byId' && rest.length === 1 && rest[0] === 'id'
        ? to
        : p.value;
  return { ...p, path: [root, to, ...rest], ...(p.op === 'remove' ? {} : { value }) };
}

function renameEntry<E extends HistoryEntry | PendingEntry>(e: E, renamed: ReadonlyMap<string, string>): E {
  const id = (x: string) => renamed.get(x) ?? x;
  return {
    ...e,
    redo: e.redo.map((p) => renamePatch(p, renamed)),
    undo: e.undo.map((p) => renamePatch(p, renamed)),
    orderBefore: e.orderBefore.map(id),
    orderAfter: e.orderAfter.map(id),
    moved: new Set([...e.moved].map(id)),
    selectionBefore: e.selectionBefore.map(id),
    selectionAfter: e.selectionAfter.map(id),
  };
}
