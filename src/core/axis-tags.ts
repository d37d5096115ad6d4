// The selected drawing's prices and times tagged on the axes, in its colour, as TradingView tags
// the drawing under edit: a trader reads where each point sits without hovering it.
import { axisLabel } from './axis-labels';
import type { Drawing } from './drawing';
import { formatPrice as defaultFormatPrice, formatTime as defaultFormatTime } from './format';
import type { AxisLabelPrimitive } from './scene';
import type { Price, UtcSeconds } from './units';
import { resolveStyle } from './style';
import type { Viewport } from './viewport';

/** Label formats of the tags (defaults: core formatPrice and formatTime). */
export interface AxisTagFormat {
  readonly formatPrice?: ((price: number) => string) | undefined;
  readonly formatTime?: ((time: UtcSeconds) => string) | undefined;
}

/**
 * One price-axis tag per distinct price and one time-axis tag per distinct time of the drawing's
 * points. A horizontal line tags its own price already and its time only places its label, so it
 * gets none here. A rectangle is tagged in its border colour, every other kind in its colour.
 */
export function selectionAxisTags(
  d: Drawing,
  vp: Viewport,
  format: AxisTagFormat = {},
): AxisLabelPrimitive[] {
  if (d.kind === 'HORIZONTAL_LINE') return [];
  const style = resolveStyle(d.kind, d.style);
  const background = d.kind === 'RECTANGLE' ? style.borderColor : style.color;
  const fp = format.formatPrice ?? ((p: number) => defaultFormatPrice(p));
  const ft = format.formatTime ?? defaultFormatTime;
  const tag = (axis: 'price' | 'time', at: number, text: string): AxisLabelPrimitive =>
    axisLabel(axis, at, text, background);
  const prices = [...new Set<Price>(d.points.map((p) => p.price))];
  const times = [...new Set<UtcSeconds>(d.points.map((p) => p.time))];
  return [
    ...prices.map((p) => tag('price', vp.priceToY(p), fp(p))),
    ...times.map((t) => tag('time', vp.timeToX(t), ft(t))),
  ];
}
