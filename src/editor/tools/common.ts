// What every tool needs: the store, the id allocator, the viewport and bars of this event, and
// the thresholds that tell a click from a drag for each kind of pointer.
import type { ChartPoint } from '../../core/drawing';
import type { Viewport } from '../../core/viewport';
import type { IdAllocator } from '../ids';
import { snapPoint } from '../magnet';
import type { Store } from '../store';
import type { BarSource, EditorPointerEvent, PointerKind } from '../types';

/** Hit tolerance in px per pointer kind: fingers are less precise than mice. */
export const HIT_TOLERANCE: { readonly [K in PointerKind]: number } = { mouse: 6, pen: 6, touch: 12 };
/** Movement in px after which a press becomes a drag. */
export const DRAG_THRESHOLD: { readonly [K in PointerKind]: number } = { mouse: 3, pen: 3, touch: 6 };
/** A touch held this long (ms) without moving more than LONG_PRESS_SLOP px is a long press. */
export const LONG_PRESS_MS = 500;
/** Movement in px a long press tolerates. */
export const LONG_PRESS_SLOP = 6;

/** How a plain drag on empty chart space is used. */
export type EmptyDrag = 'marquee' | 'pan';

/** Everything a tool's event handler needs. */
export interface ToolContext {
  readonly store: Store;
  readonly ids: IdAllocator;
  readonly viewport: Viewport;
  readonly bars?: BarSource;
  readonly magnetRadius: number;
  readonly emptyDrag: EmptyDrag;
}

/** The chart point under the event, through the magnet unless Shift suspends it. */
export function eventPoint(ctx: ToolContext, e: EditorPointerEvent): ChartPoint {
  const mode = e.shiftKey ? 'off' : ctx.store.get().magnet;
  return snapPoint(mode, e.x, e.y, ctx.viewport, ctx.bars, ctx.magnetRadius).point;
}

/** Distance in px between two positions. */
export function distance(x0: number, y0: number, x1: number, y1: number): number {
  return Math.hypot(x1 - x0, y1 - y0);
}
