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

/**
 * Coarse occupancy grid of painted labels (cells of 8 × 4 px) over a `width` × `height` area, to
 * skip labels that would overlap. Only the area counts: a label's part outside it is never
 * seen, so it neither takes nor blocks anything.
 */
export class LabelSpace {
  private readonly cols: number;
  private readonly rows: number;
  private readonly cells: Uint8Array;

  constructor(width = 4096, height = 4096) {
    this.cols = Math.max(1, Math.ceil(width / 8));
    this.rows = Math.max(1, Math.ceil(height / 4));
    this.cells = new Uint8Array(this.cols * this.rows);
  }

  /** True when the cell holding the point (x, y) is taken. */
  taken(x: number, y: number): boolean {
    const cx = Math.floor(x / 8);
    const cy = Math.floor(y / 4);
    return cx >= 0 && cy >= 0 && cx < this.cols && cy < this.rows && this.cells[cy * this.cols + cx] === 1;
  }

  /** Marks the box as taken and returns true, or returns false when part of it is already taken. */
  claim(box: Box): boolean {
    const x0 = Math.max(0, Math.floor(box.minX / 8));
    const x1 = Math.min(this.cols - 1, Math.floor(box.maxX / 8));
    const y0 = Math.max(0, Math.floor(box.minY / 4));
    const y1 = Math.min(this.rows - 1, Math.floor(box.maxY / 4));
    const { cells, cols } = this;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (cells[y * cols + x] === 1) return false;
    for (let y = y0; y <= y1; y++) cells.fill(1, y * cols + x0, y * cols + x1 + 1);
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
