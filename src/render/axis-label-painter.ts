// Paints axis labels (drawing prices, level prices, the expiry time) on the chart's own axes,
// next to lightweight-charts' labels. Price labels that would overlap are pushed apart so each
// stays readable; time labels likewise along the time axis.
import { stackAxisLabels } from '../core/axis-labels';
import type { AxisLabelPrimitive } from '../core/scene';
import { fontOf, type TextWidthCache } from './text-painter';

/** Where the pane and the axes sit inside the overlay canvas, in CSS px. */
export interface AxisLayout {
  readonly paneWidth: number;
  readonly paneHeight: number;
  readonly priceAxisWidth: number;
  readonly timeAxisHeight: number;
}

/** Height of one price-axis label box in px. */
export const PRICE_LABEL_HEIGHT = 18;
const FONT_SIZE = 11;
const TIME_LABEL_PAD = 6;

/** Centres along an axis moved apart (core least-squares stacking) so boxes of `sizes` never overlap. */
export function spreadLabels(
  at: readonly number[],
  sizes: readonly number[],
  min: number,
  max: number,
): number[] {
  return stackAxisLabels(
    at.map((a, i) => ({ id: String(i), at: a, height: sizes[i] })),
    min,
    max,
  ).map((s) => s.at);
}

/** Paints the labels; those whose anchor lies off the axis are skipped. */
export function paintAxisLabels(
  ctx: CanvasRenderingContext2D,
  labels: readonly AxisLabelPrimitive[],
  layout: AxisLayout,
  cache: TextWidthCache,
): void {
  const font = fontOf(FONT_SIZE);
  const price = labels.filter((l) => l.axis === 'price' && l.at >= 0 && l.at <= layout.paneHeight);
  const time = labels.filter((l) => l.axis === 'time' && l.at >= 0 && l.at <= layout.paneWidth);
  ctx.save();
  ctx.font = font;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  if (layout.priceAxisWidth > 0 && price.length > 0) {
    const ys = spreadLabels(
      price.map((l) => l.at),
      price.map(() => PRICE_LABEL_HEIGHT + 1),
      0,
      layout.paneHeight,
    );
    price.forEach((l, i) => {
      const top = Math.round(ys[i] - PRICE_LABEL_HEIGHT / 2);
      ctx.fillStyle = l.background;
      ctx.fillRect(layout.paneWidth, top, layout.priceAxisWidth, PRICE_LABEL_HEIGHT);
      ctx.fillStyle = l.color;
      ctx.fillText(l.text, layout.paneWidth + 5, top + PRICE_LABEL_HEIGHT / 2 + 0.5);
    });
  }
  if (layout.timeAxisHeight > 0 && time.length > 0) {
    const widths = time.map((l) => cache.measure(ctx, font, l.text) + 2 * TIME_LABEL_PAD);
    const xs = spreadLabels(
      time.map((l) => l.at),
      widths.map((w) => w + 1),
      0,
      layout.paneWidth,
    );
    const h = Math.min(layout.timeAxisHeight, PRICE_LABEL_HEIGHT + 4);
    time.forEach((l, i) => {
      const left = Math.round(xs[i] - widths[i] / 2);
      ctx.fillStyle = l.background;
      ctx.fillRect(left, layout.paneHeight, widths[i], h);
      ctx.fillStyle = l.color;
      ctx.font = font;
      ctx.fillText(l.text, left + TIME_LABEL_PAD, layout.paneHeight + h / 2 + 0.5);
    });
  }
  ctx.restore();
}
