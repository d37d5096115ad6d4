// The select tool's state machine: idle (hover) → pressing → dragging a handle, the body, a level,
// or a marquee → idle on release. A drag is one gesture, so one undo step however many moves.
// Touch: a drag that starts on an unselected drawing is left to the chart (pan); a long press
// selects the drawing first, after which dragging moves it.
import { castDraft } from 'immer';
import type { Drawing } from '../../core/drawing';
import { drawingsInBox } from '../../core/hit-test';
import type { Px } from '../../core/units';
import { insertCopies, moveFromOriginals, moveHandleCommand } from '../commands-drawings';
import { dragLevelCommand } from '../commands-analysis';
import { addToSelectionCommand, selectCommand, toggleSelectionCommand } from '../commands-selection';
import { constrainAngle } from '../magnet';
import { isLocked } from '../state';
import type { EditorPointerEvent, ToolPointerResult, ToolState } from '../types';
import {
  DRAG_THRESHOLD,
  distance,
  eventPoint,
  LONG_PRESS_MS,
  LONG_PRESS_SLOP,
  type ToolContext,
} from './common';
import { cursorFor, hitCandidates, targetAt } from './select-hit';

type Pressing = Extract<ToolState, { type: 'pressing' }>;

const NOT_HANDLED: ToolPointerResult = { handled: false, cursor: 'default' };
const GRABBING: ToolPointerResult = { handled: true, cursor: 'grabbing' };

function setToolState(ctx: ToolContext, next: ToolState): void {
  if (next.type === 'idle' && ctx.store.get().toolState.type === 'idle') return;
  ctx.store.update((d) => {
    d.toolState = castDraft(next);
  });
}

function hover(ctx: ToolContext, e: EditorPointerEvent): ToolPointerResult {
  const state = ctx.store.get();
  const target = targetAt(state, ctx.viewport, e);
  const next =
    target.type === 'drawing'
      ? { type: 'drawing' as const, id: target.id, part: target.part }
      : target.type === 'level'
        ? { type: 'level' as const, name: target.name }
        : null;
  if (JSON.stringify(next) !== JSON.stringify(state.hover)) {
    ctx.store.update((d) => {
      d.hover = castDraft(next);
    });
  }
  return { handled: false, cursor: cursorFor(state, ctx.viewport, target) };
}

function press(ctx: ToolContext, e: EditorPointerEvent): ToolPointerResult {
  if (e.button !== 0) return NOT_HANDLED;
  const state = ctx.store.get();
  const target = targetAt(state, ctx.viewport, e);
  const toggleKey = e.ctrlKey || e.metaKey;
  const pressing: Pressing = {
    type: 'pressing',
    x: e.x,
    y: e.y,
    timeStamp: e.timeStamp,
    pointerType: e.pointerType,
    target,
    shiftKey: e.shiftKey,
    toggleKey,
  };
  setToolState(ctx, pressing);
  if (target.type === 'drawing') {
    const selected = state.selection.includes(target.id);
    if (e.pointerType === 'touch' && !selected) return NOT_HANDLED;
    // A plain press selects at once so handles show; modifier presses decide on release or drag.
    if (!selected && !e.shiftKey && !toggleKey) selectCommand(ctx.store, [target.id]);
    return { handled: true, cursor: cursorFor(state, ctx.viewport, target) };
  }
  if (target.type === 'level') return { handled: true, cursor: 'ns-resize' };
  const marquee = e.pointerType !== 'touch' && (ctx.emptyDrag === 'marquee' || e.shiftKey || toggleKey);
  return marquee ? { handled: true, cursor: 'default' } : NOT_HANDLED;
}

function startDrag(ctx: ToolContext, p: Pressing, e: EditorPointerEvent): ToolPointerResult {
  const state = ctx.store.get();
  const target = p.target;
  if (target.type === 'empty') {
    const additive = p.shiftKey || p.toggleKey;
    if (p.pointerType === 'touch' || (ctx.emptyDrag === 'pan' && !additive)) {
      setToolState(ctx, { type: 'idle' });
      return NOT_HANDLED;
    }
    const base = additive ? state.selection : [];
    setToolState(ctx, { type: 'marquee', x0: p.x, y0: p.y, x1: p.x, y1: p.y, base });
    return drag(ctx, e);
  }
  if (target.type === 'level') {
    ctx.store.beginGesture();
    setToolState(ctx, { type: 'dragging-level', name: target.name });
    return drag(ctx, e);
  }
  if (p.pointerType === 'touch' && !state.selection.includes(target.id)) {
    setToolState(ctx, { type: 'idle' });
    return NOT_HANDLED;
  }
  if (isLocked(state, target.id)) return GRABBING;
  ctx.store.beginGesture();
  if (target.part.type === 'handle' && !p.toggleKey) {
    selectCommand(ctx.store, [target.id]);
    const original = state.byId[target.id]!;
    setToolState(ctx, { type: 'dragging-handle', id: target.id, index: target.part.index, original });
    return drag(ctx, e);
  }
  const additive = p.shiftKey || p.toggleKey;
  const chosen = new Set(
    state.selection.includes(target.id)
      ? state.selection
      : additive
        ? [...state.selection, target.id]
        : [target.id],
  );
  let originals: Drawing[] = state.drawings.filter((d) => chosen.has(d.id) && !isLocked(state, d.id));
  if (p.toggleKey) {
    // Ctrl/Cmd-drag clones: the copies (same place) are what moves, the originals stay.
    const ids = insertCopies(ctx.store, ctx.ids, originals, null, 0);
    const after = ctx.store.get();
    originals = ids.map((id) => after.byId[id]!);
  } else {
    selectCommand(ctx.store, [...chosen]);
  }
  setToolState(ctx, { type: 'dragging-body', x: p.x, y: p.y, originals });
  return drag(ctx, e);
}

function drag(ctx: ToolContext, e: EditorPointerEvent): ToolPointerResult {
  const ts = ctx.store.get().toolState;
  const vp = ctx.viewport;
  switch (ts.type) {
    case 'dragging-body': {
      const to = e.shiftKey ? constrainAngle(ts.x, ts.y, e.x, e.y) : e;
      moveFromOriginals(ctx.store, vp, ts.originals, to.x - ts.x, to.y - ts.y);
      return GRABBING;
    }
    case 'dragging-handle': {
      let to = eventPoint(ctx, e);
      const o = ts.original;
      if (e.shiftKey && o.kind === 'LINE' && ts.index < 2) {
        const anchor = o.points[1 - ts.index]!;
        const c = constrainAngle(vp.timeToX(anchor.time), vp.priceToY(anchor.price), e.x, e.y);
        to = { time: vp.xToTime(c.x as Px), price: vp.yToPrice(c.y as Px) };
      }
      moveHandleCommand(ctx.store, vp, ts.id, ts.index, to, o);
      return GRABBING;
    }
    case 'dragging-level':
      dragLevelCommand(ctx.store, ts.name, vp.yToPrice(e.y as Px));
      return { handled: true, cursor: 'ns-resize' };
    case 'marquee': {
      const box = {
        minX: Math.min(ts.x0, e.x),
        minY: Math.min(ts.y0, e.y),
        maxX: Math.max(ts.x0, e.x),
        maxY: Math.max(ts.y0, e.y),
      };
      const { visible, index } = hitCandidates(ctx.store.get(), vp);
      const inside = drawingsInBox(visible, vp, box, index);
      setToolState(ctx, { ...ts, x1: e.x, y1: e.y });
      selectCommand(ctx.store, [...ts.base, ...inside]);
      return { handled: true, cursor: 'default' };
    }
    default:
      return NOT_HANDLED;
  }
}

function release(ctx: ToolContext, e: EditorPointerEvent): ToolPointerResult {
  const ts = ctx.store.get().toolState;
  setToolState(ctx, { type: 'idle' });
  if (ts.type === 'pressing') {
    const t = ts.target;
    if (t.type === 'drawing') {
      if (ts.toggleKey) toggleSelectionCommand(ctx.store, t.id);
      else if (ts.shiftKey) addToSelectionCommand(ctx.store, [t.id]);
      else selectCommand(ctx.store, [t.id]);
      return { handled: true, cursor: 'move' };
    }
    if (t.type === 'empty' && !ts.shiftKey && !ts.toggleKey) selectCommand(ctx.store, []);
    return { handled: t.type !== 'empty', cursor: 'default' };
  }
  if (ts.type === 'dragging-body' || ts.type === 'dragging-handle' || ts.type === 'dragging-level') {
    ctx.store.endGesture();
    return hover(ctx, e);
  }
  return { handled: ts.type === 'marquee', cursor: 'default' };
}

/** Aborts a drag in progress (Esc or pointer cancel), reverting it; false when none was running. */
export function cancelDrag(ctx: Pick<ToolContext, 'store'>): boolean {
  const ts = ctx.store.get().toolState;
  if (ts.type === 'idle') return false;
  ctx.store.cancelGesture();
  ctx.store.update((d) => {
    d.toolState = { type: 'idle' };
  });
  return ts.type !== 'pressing';
}

/** Handles one pointer event while the select tool is active. */
export function selectPointer(ctx: ToolContext, e: EditorPointerEvent): ToolPointerResult {
  const ts = ctx.store.get().toolState;
  switch (e.type) {
    case 'down':
      return press(ctx, e);
    case 'up':
      return release(ctx, e);
    case 'cancel':
      cancelDrag(ctx);
      return NOT_HANDLED;
    case 'move':
      if (ts.type === 'idle' || ts.type === 'placing') return hover(ctx, e);
      if (ts.type !== 'pressing') return drag(ctx, e);
      if (distance(ts.x, ts.y, e.x, e.y) > DRAG_THRESHOLD[ts.pointerType]) return startDrag(ctx, ts, e);
      return longPress(ctx, ts, e);
  }
}

// A still touch held long enough selects the drawing under it, so a following drag moves it.
function longPress(ctx: ToolContext, p: Pressing, e: EditorPointerEvent): ToolPointerResult {
  const still = distance(p.x, p.y, e.x, e.y) <= LONG_PRESS_SLOP;
  if (p.pointerType !== 'touch' || p.target.type !== 'drawing' || !still)
    return { handled: true, cursor: 'default' };
  if (e.timeStamp - p.timeStamp < LONG_PRESS_MS) return NOT_HANDLED;
  if (!ctx.store.get().selection.includes(p.target.id)) selectCommand(ctx.store, [p.target.id]);
  return { handled: true, cursor: 'move' };
}
