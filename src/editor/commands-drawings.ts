// Commands that create, move, delete and copy drawings. Each is one local change (one undo step
// unless a gesture is open); ids always come from the allocator so they are wire-valid.
import { castDraft } from 'immer';
import type { ChartPoint, Drawing, DrawingKind, DrawingStyle } from '../core/drawing';
import {
  createDrawing,
  createDrawingWithOptions,
  moveDrawing,
  moveDrawingHandle,
} from '../core/kinds/registry';
import type { Logical } from '../core/units';
import type { Viewport } from '../core/viewport';
import type { IdAllocator } from './ids';
import { isLocked, usedIds } from './state';
import type { Store } from './store';

/** Adds a drawing of `kind` on top and selects it, starting from the kind's drawingDefaults (`style` keys win); returns its id. */
export function createCommand(
  store: Store,
  ids: IdAllocator,
  kind: DrawingKind,
  points: readonly ChartPoint[],
  style?: DrawingStyle,
): string {
  const state = store.get();
  const id = ids.next(kind, usedIds(state));
  const defaults = state.drawingDefaults[kind];
  const drawing = defaults
    ? createDrawingWithOptions(kind, id, points, { ...defaults.style, ...style }, defaults.options ?? {})
    : createDrawing(kind, id, points, style);
  store.update((d) => {
    d.byId[id] = castDraft(drawing);
    d.order.push(id);
    d.selection = [id];
  });
  return id;
}

/** Moves the given drawings (default: the selection) by a pixel delta; locked ones stay. */
export function moveCommand(
  store: Store,
  viewport: Viewport,
  dx: number,
  dy: number,
  which?: readonly string[],
): void {
  const state = store.get();
  const targets = (which ?? state.selection).filter((id) => id in state.byId && !isLocked(state, id));
  if (targets.length === 0 || (dx === 0 && dy === 0)) return;
  store.update((d) => {
    for (const id of targets) d.byId[id] = castDraft(moveDrawing(state.byId[id]!, viewport, dx, dy));
  });
}

/** Puts the originals back moved by (dx, dy) from where they started (drags use this: no drift). */
export function moveFromOriginals(
  store: Store,
  viewport: Viewport,
  originals: readonly Drawing[],
  dx: number,
  dy: number,
): void {
  store.update((d) => {
    for (const o of originals) if (o.id in d.byId) d.byId[o.id] = castDraft(moveDrawing(o, viewport, dx, dy));
  });
}

/** Drags handle `index` of a drawing to a chart point; a locked drawing stays. */
export function moveHandleCommand(
  store: Store,
  viewport: Viewport,
  id: string,
  index: number,
  to: ChartPoint,
  original?: Drawing,
): void {
  const state = store.get();
  const base = original ?? state.byId[id];
  if (!base || !(id in state.byId) || isLocked(state, id)) return;
  store.update((d) => {
    d.byId[id] = castDraft(moveDrawingHandle(base, viewport, index, to));
  });
}

/** Deletes the given drawings (default: the selection) except locked ones; returns the ids kept. */
export function deleteCommand(store: Store, which?: readonly string[]): string[] {
  const state = store.get();
  const asked = (which ?? state.selection).filter((id) => id in state.byId);
  const kept = asked.filter((id) => isLocked(state, id));
  const gone = new Set(asked.filter((id) => !isLocked(state, id)));
  if (gone.size) {
    store.update((d) => {
      for (const id of gone) {
        delete d.byId[id];
        delete d.flags[id];
      }
      d.order = d.order.filter((id) => !gone.has(id));
    });
  }
  return kept;
}

/** A drawing's points shifted right by `bars` bars (same prices), through the viewport's time index. */
export function shiftByBars<D extends Drawing>(drawing: D, viewport: Viewport, bars: number): D {
  const points = drawing.points.map((p) => ({
    time: viewport.logicalToTime((viewport.timeToLogical(p.time) + bars) as Logical),
    price: p.price,
  }));
  return { ...drawing, points } as D;
}

/** Adds copies of `drawings` on top with fresh ids, shifted by `bars`, and selects them. */
export function insertCopies(
  store: Store,
  ids: IdAllocator,
  drawings: readonly Drawing[],
  viewport: Viewport | null,
  bars: number,
): string[] {
  const used = usedIds(store.get());
  const copies = drawings.map((original) => {
    const id = ids.next(original.kind, used);
    used.add(id);
    const shifted = viewport && bars !== 0 ? shiftByBars(original, viewport, bars) : original;
    const { persistedId: _, ...rest } = shifted;
    return { ...rest, id } as Drawing;
  });
  if (copies.length === 0) return [];
  store.update((d) => {
    for (const c of copies) {
      d.byId[c.id] = castDraft(c);
      d.order.push(c.id);
    }
    d.selection = copies.map((c) => c.id);
  });
  return copies.map((c) => c.id);
}

/** Copies the selection (in paint order) to the clipboard. */
export function copyCommand(store: Store): number {
  const state = store.get();
  const chosen = new Set(state.selection);
  const drawings = state.drawings.filter((d) => chosen.has(d.id));
  if (drawings.length === 0) return 0;
  store.update((d) => {
    d.clipboard = castDraft({ drawings, pastes: 0 });
  });
  return drawings.length;
}

/** Pastes the clipboard; the n-th paste of the same copy shifts n·`bars` bars right. */
export function pasteCommand(store: Store, ids: IdAllocator, viewport: Viewport, bars: number): string[] {
  const clip = store.get().clipboard;
  if (!clip || clip.drawings.length === 0) return [];
  const pasted = insertCopies(store, ids, clip.drawings, viewport, bars * (clip.pastes + 1));
  store.update((d) => {
    if (d.clipboard) d.clipboard.pastes = clip.pastes + 1;
  });
  return pasted;
}

/** Duplicates the selection `bars` bars to the right without touching the clipboard. */
export function duplicateCommand(store: Store, ids: IdAllocator, viewport: Viewport, bars: number): string[] {
  const state = store.get();
  const chosen = new Set(state.selection);
  return insertCopies(
    store,
    ids,
    state.drawings.filter((d) => chosen.has(d.id)),
    viewport,
    bars,
  );
}
