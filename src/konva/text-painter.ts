// Label painting for the scene painter: cached text widths, the declutter grid and one label
// with its background box. Texts are painted with fillText, so a label is never markup.
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

/** The box a text primitive covers, given its measured width. */
export function textBox(t: TextPrimitive, width: number): Box {
  const minX = t.align === 'left' ? t.x : t.align === 'right' ? t.x - width : t.x - width / 2;
  const minY = t.baseline === 'top' ? t.y : t.baseline === 'bottom' ? t.y - t.fontSize : t.y - t.fontSize / 2;
  return { minX, minY, maxX: minX + width, maxY: minY + t.fontSize };
}

/** Coarse occupancy grid of painted labels (cells of 8 × 4 px), to skip labels that would overlap. */
export class LabelSpace {
  private readonly cells = new Set<number>();
  /** True when the cell holding the point (x, y) is taken. */
  taken(x: number, y: number): boolean {
    return this.cells.has(Math.floor(y / 4) * 65536 + Math.floor(x / 8));
  }
  /** Marks the box as taken and returns true, or returns false when part of it is already taken. */
  claim(box: Box): boolean {
    const x0 = Math.floor(box.minX / 8);
    const x1 = Math.floor(box.maxX / 8);
    const y0 = Math.floor(box.minY / 4);
    const y1 = Math.floor(box.maxY / 4);
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) if (this.cells.has(y * 65536 + x)) return false;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) this.cells.add(y * 65536 + x);
    return true;
  }
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
