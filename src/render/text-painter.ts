// Label painting for the scene painter: cached text widths, core's text measure and one label
// with its background box. Texts are painted with fillText, so a label is never markup.
import { labelBox, type MeasureText } from '../core/declutter';
import type { Box, TextPrimitive } from '../core/scene';

/** Label font family shared by every painted text. */
export const FONT_FAMILY = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Ubuntu, sans-serif';

/** Caches text widths per font, because measureText dominates label painting. */
export class TextWidthCache {
  // Per font, then per text: no key string is built for a lookup that hits.
  private readonly fonts = new Map<string, Map<string, number>>();
  /** Width of `text` in `font`, measured once; a measurement sets ctx.font, which `pen` is told. */
  measure(ctx: CanvasRenderingContext2D, font: string, text: string, pen?: TextPen): number {
    let widths = this.fonts.get(font);
    if (!widths) {
      widths = new Map();
      this.fonts.set(font, widths);
    }
    let w = widths.get(text);
    if (w === undefined) {
      ctx.font = font;
      if (pen) pen.font = font;
      w = ctx.measureText(text).width;
      if (widths.size > 5000) widths.clear();
      widths.set(text, w);
    }
    return w;
  }
}

/** The box a text primitive covers, given its measured width (core's labelBox, so painter and declutter agree). */
export function textBox(t: TextPrimitive, width: number): Box {
  return labelBox(t, t.fontSize, width);
}

/** Core's text measure over a canvas context, with widths cached per font. */
export function canvasMeasure(ctx: CanvasRenderingContext2D, cache: TextWidthCache): MeasureText {
  return (text, fontSize) => cache.measure(ctx, fontOf(fontSize), text);
}

const fonts = new Map<number, string>();
/** Font string for a label of `size` px. */
export function fontOf(size: number): string {
  let font = fonts.get(size);
  if (font === undefined) {
    font = `${size}px ${FONT_FAMILY}`;
    fonts.set(size, font);
  }
  return font;
}

/**
 * The text state last set on a context during one paint. Canvas setters parse their value on
 * every call (fonts especially), so a run of labels sets font and colours only when they change.
 */
export interface TextPen {
  font: string;
  fill: string;
}

/** A pen for a context whose text state is unknown; call before a run of paintText. */
export function textPen(ctx: CanvasRenderingContext2D): TextPen {
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  return { font: '', fill: '' };
}

/** Paints one text primitive, with its background box when it has one. */
export function paintText(
  ctx: CanvasRenderingContext2D,
  t: TextPrimitive,
  cache: TextWidthCache,
  pen: TextPen = textPen(ctx),
): void {
  const font = fontOf(t.fontSize);
  const width = cache.measure(ctx, font, t.text, pen);
  const { minX: left, minY: top } = textBox(t, width);
  if (t.background) {
    ctx.fillStyle = t.background;
    pen.fill = t.background;
    ctx.fillRect(Math.round(left - 3), Math.round(top - 2), Math.round(width + 6), t.fontSize + 4);
  }
  if (pen.font !== font) {
    ctx.font = font;
    pen.font = font;
  }
  if (pen.fill !== t.color) {
    ctx.fillStyle = t.color;
    pen.fill = t.color;
  }
  // fillText takes the string as plain text: user labels can never become markup here.
  ctx.fillText(t.text, left, top + t.fontSize / 2 + 0.5);
}
