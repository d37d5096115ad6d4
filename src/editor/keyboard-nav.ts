// Drawing without a mouse, pure: which key does what to the keyboard focus and
// the keyboard crosshair. The editor applies the effect (select, place, preview); the overlay
// shows the focus as the hover highlight and the crosshair on the chart.
//
// With the select tool and nothing selected, arrows walk the drawings in spatial order — left to
// right by their first point in time, the higher first at the same time, then paint order —
// because that is the order a sighted user reads a chart in; Enter selects the focused one.
// With a drawing tool active, arrows move a crosshair by one bar (Left/Right) or one price tick
// (Up/Down), ten with Shift, and Enter places the next point there.
import type { ChartPoint } from '../core/drawing';
import { defaultPrecision } from '../core/format';
import type { Logical, Price, Px, UtcSeconds } from '../core/units';
import type { Viewport } from '../core/viewport';
import { roundPrice } from './quantize';
import { visibleDrawings } from './state';
import type { BarSource, EditorKeyEvent, EditorState, KeyboardNav } from './types';

/** Bars or ticks a Shift+arrow moves the crosshair. */
export const NAV_SHIFT_STEP = 10;

/** What a navigation key asks the editor to do. */
export type NavEffect =
  | { readonly type: 'focus'; readonly id: string | null }
  | { readonly type: 'select'; readonly id: string }
  | { readonly type: 'cursor'; readonly point: ChartPoint }
  | { readonly type: 'place'; readonly point: ChartPoint };

/** What navKey reads besides the key. */
export interface NavContext {
  readonly state: EditorState;
  readonly viewport: Viewport;
  /** Decimals of stored prices (the series' format); absent: decided by the price's size. */
  readonly pricePrecision?: number;
  /** Bars, for the crosshair's first price (the close of the bar in the middle of the view). */
  readonly bars?: BarSource;
}

/** Visible drawing ids in walking order: by first time, higher price first, then paint order. */
export function walkOrder(state: EditorState): string[] {
  const keyed = visibleDrawings(state).map((d, paint) => {
    let time = Number.POSITIVE_INFINITY;
    let price = Number.NEGATIVE_INFINITY;
    for (const p of d.points) {
      if (p.time < time || (p.time === time && p.price > price)) {
        time = p.time;
        price = p.price;
      }
    }
    return { id: d.id, time, price, paint };
  });
  keyed.sort((a, b) => a.time - b.time || b.price - a.price || a.paint - b.paint);
  return keyed.map((k) => k.id);
}

const FORWARD: { readonly [key: string]: number } = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
};

function precisionAt(price: number, ctx: NavContext): number {
  return ctx.pricePrecision ?? defaultPrecision(price);
}

/** The crosshair's start: the bar in the middle of the view, at its close (else mid-pane). */
export function startCursor(ctx: NavContext): ChartPoint {
  const vp = ctx.viewport;
  // The middle pixel, not the middle time: across a weekend gap the two are bars apart.
  const logical = Math.round(vp.timeToLogical(vp.xToTime((vp.width / 2) as Px)));
  const time = vp.logicalToTime(logical as Logical);
  const bar = ctx.bars?.nearestBar(time);
  const prices = vp.visiblePriceRange();
  const price = bar && bar.time === time ? bar.close : (prices.min + prices.max) / 2;
  return { time, price: roundPrice(price, precisionAt(price, ctx)) as Price };
}

// One bar along the time axis (onto whole bars) and one tick along the price axis.
function stepCursor(from: ChartPoint, key: string, steps: number, ctx: NavContext): ChartPoint {
  const vp = ctx.viewport;
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const at = Math.round(vp.timeToLogical(from.time));
    const to = at + (key === 'ArrowRight' ? steps : -steps);
    return { time: Math.round(vp.logicalToTime(to as Logical)) as UtcSeconds, price: from.price };
  }
  const precision = precisionAt(from.price, ctx);
  const tick = 10 ** -precision;
  const price = roundPrice(from.price + (key === 'ArrowUp' ? steps : -steps) * tick, precision);
  return { time: from.time, price: price as Price };
}

/** The next navigation state and what to do, or null when the key is not a navigation key here. */
export function navKey(
  nav: KeyboardNav,
  e: EditorKeyEvent,
  ctx: NavContext,
): { readonly nav: KeyboardNav; readonly effect: NavEffect } | null {
  if (!e.onChart || e.targetIsEditable || e.ctrlKey || e.metaKey || e.altKey) return null;
  const { state } = ctx;
  const arrow = FORWARD[e.key];
  if (state.tool !== 'select') {
    if (arrow === undefined && e.key !== 'Enter') return null;
    const here = nav.cursor ?? startCursor(ctx);
    if (e.key === 'Enter') return { nav: { ...nav, cursor: here }, effect: { type: 'place', point: here } };
    // The first arrow shows the crosshair where it starts; later ones move it.
    const point = nav.cursor ? stepCursor(here, e.key, e.shiftKey ? NAV_SHIFT_STEP : 1, ctx) : here;
    return { nav: { ...nav, cursor: point }, effect: { type: 'cursor', point } };
  }
  if (state.selection.length > 0) return null;
  if (arrow !== undefined) {
    const order = walkOrder(state);
    if (order.length === 0) return null;
    const at = nav.focus === null ? -1 : order.indexOf(nav.focus);
    const next = at < 0 ? (arrow > 0 ? 0 : order.length - 1) : (at + arrow + order.length) % order.length;
    const id = order[next]!;
    return { nav: { ...nav, focus: id }, effect: { type: 'focus', id } };
  }
  const focused = nav.focus !== null && state.byId[nav.focus] && !state.flags[nav.focus]?.hidden;
  if (e.key === 'Enter' && focused) return { nav, effect: { type: 'select', id: nav.focus! } };
  // Escape with nothing selected leaves the drawings: the focus goes, the next arrow starts over.
  if (e.key === 'Escape' && nav.focus !== null)
    return { nav: { ...nav, focus: null }, effect: { type: 'focus', id: null } };
  return null;
}
