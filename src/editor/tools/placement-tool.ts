// Placement tools for the five kinds, one state machine: press places point 0; each further
// point follows the pointer and is fixed by a click, or by the release of a drag. So a line is
// click-click or press-drag-release, a channel click-click-click or press-drag-release-click.
// The drawing exists from the first press inside one gesture: one undo step, and Esc reverts it.
import { castDraft } from 'immer';
import type { ChartPoint, DrawingKind } from '../../core/drawing';
import { POINT_COUNT } from '../../core/drawing';
import type { Px } from '../../core/units';
import { createCommand } from '../commands-drawings';
import { constrainAngle } from '../magnet';
import type { EditorPointerEvent, ToolPointerResult, ToolState } from '../types';
import { DRAG_THRESHOLD, distance, eventPoint, type ToolContext } from './common';

type Placing = Extract<ToolState, { type: 'placing' }>;

const HANDLED: ToolPointerResult = { handled: true, cursor: 'crosshair' };

// Shift keeps a line (or a channel's base line) horizontal, vertical or at 45° from point 0.
function pointFor(ctx: ToolContext, e: EditorPointerEvent, placing: Placing): ChartPoint {
  const constrains = placing.kind === 'LINE' || (placing.kind === 'PARALLEL' && placing.index === 1);
  if (!e.shiftKey || !constrains || placing.index === 0) return eventPoint(ctx, e);
  const anchor = ctx.store.get().byId[placing.id]!.points[0];
  const ax = ctx.viewport.timeToX(anchor.time);
  const ay = ctx.viewport.priceToY(anchor.price);
  const c = constrainAngle(ax, ay, e.x, e.y);
  return { time: ctx.viewport.xToTime(c.x as Px), price: ctx.viewport.yToPrice(c.y as Px) };
}

// Point `from` and every later one take `p`, so not-yet-placed points preview at the pointer.
function setPointsFrom(ctx: Pick<ToolContext, 'store'>, id: string, from: number, p: ChartPoint): void {
  ctx.store.update((d) => {
    const drawing = d.byId[id];
    if (!drawing) return;
    const points = drawing.points.map((q, i) => (i >= from ? p : q));
    d.byId[id] = castDraft({ ...drawing, points } as typeof drawing);
  });
}

function setPlacing(ctx: Pick<ToolContext, 'store'>, next: ToolState): void {
  ctx.store.update((d) => {
    d.toolState = castDraft(next);
  });
}

function finish(ctx: Pick<ToolContext, 'store'>, id: string): void {
  ctx.store.update((d) => {
    d.toolState = { type: 'idle' };
    d.selection = [id];
    if (!d.stayInDrawingMode) d.tool = 'select';
  });
  ctx.store.endGesture();
}

// Fixes the point that followed the pointer: the last one finishes the drawing.
function advance(
  ctx: Pick<ToolContext, 'store'>,
  placing: Placing,
  e: Pick<EditorPointerEvent, 'x' | 'y'>,
  pressed: boolean,
): void {
  const count = POINT_COUNT[placing.kind];
  if (placing.index >= count - 1) {
    finish(ctx, placing.id);
    return;
  }
  setPlacing(ctx, { ...placing, index: placing.index + 1, pressed, pressX: e.x, pressY: e.y });
}

/** Cancels a placement in progress (Esc): the drawing disappears; returns false when none was. */
export function cancelPlacement(ctx: Pick<ToolContext, 'store'>): boolean {
  if (ctx.store.get().toolState.type !== 'placing') return false;
  ctx.store.cancelGesture();
  ctx.store.update((d) => {
    d.toolState = { type: 'idle' };
    d.tool = 'select';
  });
  return true;
}

function start(ctx: ToolContext, kind: DrawingKind, e: EditorPointerEvent): ToolPointerResult {
  ctx.store.beginGesture();
  const p = eventPoint(ctx, e);
  const count = POINT_COUNT[kind];
  const id = createCommand(ctx.store, ctx.ids, kind, new Array<ChartPoint>(count).fill(p));
  setPlacing(ctx, {
    type: 'placing',
    id,
    kind,
    index: count === 1 ? 0 : 1,
    pressed: true,
    pressX: e.x,
    pressY: e.y,
  });
  return HANDLED;
}

/** Handles one pointer event while a drawing tool is active. */
export function placementPointer(
  ctx: ToolContext,
  kind: DrawingKind,
  e: EditorPointerEvent,
): ToolPointerResult {
  const ts = ctx.store.get().toolState;
  if (e.type === 'cancel') {
    cancelPlacement(ctx);
    return HANDLED;
  }
  if (ts.type !== 'placing') {
    if (e.type === 'down' && e.button === 0) return start(ctx, kind, e);
    return { handled: false, cursor: 'crosshair' };
  }
  if (!(ts.id in ctx.store.get().byId)) {
    cancelPlacement(ctx);
    return HANDLED;
  }
  const count = POINT_COUNT[ts.kind];
  switch (e.type) {
    case 'move':
      if (ts.pressed || ts.index > 0) setPointsFrom(ctx, ts.id, ts.index, pointFor(ctx, e, ts));
      return HANDLED;
    case 'down':
      if (e.button !== 0) return HANDLED;
      setPointsFrom(ctx, ts.id, ts.index, pointFor(ctx, e, ts));
      advance(ctx, ts, e, true);
      return HANDLED;
    case 'up': {
      if (!ts.pressed) return HANDLED;
      const dragged = distance(ts.pressX, ts.pressY, e.x, e.y) > DRAG_THRESHOLD[e.pointerType];
      if (dragged || count === 1) {
        setPointsFrom(ctx, ts.id, ts.index, pointFor(ctx, e, ts));
        advance(ctx, ts, e, false);
      } else {
        setPlacing(ctx, { ...ts, pressed: false });
      }
      return HANDLED;
    }
  }
}

/**
 * Places the next point of a `kind` drawing at `p` from the keyboard (Enter): the first starts
 * the drawing as a press would, each later one fixes the point that followed the crosshair.
 * No magnet: the keyboard crosshair already sits on a bar and a price tick.
 */
export function placeKeyboardPoint(
  ctx: Pick<ToolContext, 'store' | 'ids'>,
  kind: DrawingKind,
  p: ChartPoint,
): void {
  const ts = ctx.store.get().toolState;
  if (ts.type === 'placing' && ts.id in ctx.store.get().byId) {
    setPointsFrom(ctx, ts.id, ts.index, p);
    advance(ctx, ts, { x: 0, y: 0 }, false);
    return;
  }
  ctx.store.beginGesture();
  const count = POINT_COUNT[kind];
  const id = createCommand(ctx.store, ctx.ids, kind, new Array<ChartPoint>(count).fill(p));
  const placing: Placing = { type: 'placing', id, kind, index: 0, pressed: false, pressX: 0, pressY: 0 };
  setPlacing(ctx, placing);
  advance(ctx, placing, { x: 0, y: 0 }, false);
}

/** Moves the point that follows the crosshair (and the ones after it) to `p`, while placing. */
export function previewKeyboardPoint(ctx: Pick<ToolContext, 'store'>, p: ChartPoint): void {
  const ts = ctx.store.get().toolState;
  if (ts.type === 'placing' && ts.index > 0 && ts.id in ctx.store.get().byId)
    setPointsFrom(ctx, ts.id, ts.index, p);
}
