// Paints core scene primitives as SVG elements. The same primitives feed the Konva editor and the
// canvas view, so this file only translates; it never decides geometry.
import { estimateTextWidth } from '../core/declutter';
import type { AxisLabelPrimitive, Primitive, Stroke, TextPrimitive } from '../core/scene';
import { escapeXml, num, safeColor } from './escape';

/** Where axis labels go and which colours stand in for invalid ones. */
export interface SvgPaintContext {
  /** Pane width: the price axis starts here. */
  readonly paneWidth: number;
  /** Pane height: the time axis starts here. */
  readonly paneHeight: number;
  /** Width of the price axis strip right of the pane. */
  readonly priceAxisWidth: number;
  /** Height of the time axis strip below the pane. */
  readonly timeAxisHeight: number;
  /** Used when a primitive's colour is not a `#hex` colour. */
  readonly fallbackColor: string;
  /** Used when a text's colour is not a `#hex` colour. */
  readonly fallbackTextColor: string;
}

const ANCHOR = { left: 'start', center: 'middle', right: 'end' } as const;
const BASELINE = { top: 'hanging', middle: 'middle', bottom: 'auto' } as const;

// The last stroke written and its attributes: a drawing's primitives mostly share one stroke
// (each in its own object), so a repeat reuses the text instead of building it again.
let last: { stroke: Stroke; fallback: string; attrs: string } | null = null;

function sameStroke(a: Stroke, b: Stroke): boolean {
  if (a.color !== b.color || a.width !== b.width || a.dash.length !== b.dash.length) return false;
  for (let i = 0; i < a.dash.length; i++) if (a.dash[i] !== b.dash[i]) return false;
  return true;
}

function strokeAttrs(stroke: Stroke, ctx: SvgPaintContext): string {
  if (last && last.fallback === ctx.fallbackColor && sameStroke(last.stroke, stroke)) return last.attrs;
  const dash = stroke.dash.length > 0 ? ` stroke-dasharray="${stroke.dash.map(num).join(' ')}"` : '';
  const attrs = ` stroke="${safeColor(stroke.color, ctx.fallbackColor)}" stroke-width="${num(stroke.width)}"${dash}`;
  last = { stroke, fallback: ctx.fallbackColor, attrs };
  return last.attrs;
}

function pointsAttr(points: readonly number[]): string {
  let out = '';
  for (let i = 0; i + 1 < points.length; i += 2)
    out += `${i ? ' ' : ''}${num(points[i]!)},${num(points[i + 1]!)}`;
  return out;
}

/** Approximate width in px of `text` at `fontSize`, for background boxes: core's estimate, which the declutter places labels by. */
export const textWidth = estimateTextWidth;

/** A label's background box: text width + 3 px a side, font size + 2 px a side, placed by align/baseline. */
export function textBackgroundBox(
  p: TextPrimitive,
  measured: number,
): { readonly x: number; readonly y: number; readonly width: number; readonly height: number } {
  const width = measured + 6;
  const height = p.fontSize + 4;
  const x = p.align === 'left' ? p.x - 3 : p.align === 'center' ? p.x - width / 2 : p.x - width + 3;
  const y = p.baseline === 'top' ? p.y - 2 : p.baseline === 'middle' ? p.y - height / 2 : p.y - height + 2;
  return { x, y, width, height };
}

/** A text label (with its background box when it has one) as SVG markup. */
export function paintText(p: TextPrimitive, ctx: SvgPaintContext): string {
  const color = safeColor(p.color, ctx.fallbackTextColor);
  const text = `<text x="${num(p.x)}" y="${num(p.y)}" fill="${color}" font-size="${num(p.fontSize)}" text-anchor="${ANCHOR[p.align]}" dominant-baseline="${BASELINE[p.baseline]}">${escapeXml(p.text)}</text>`;
  if (p.background === undefined) return text;
  const b = textBackgroundBox(p, textWidth(p.text, p.fontSize));
  const bg = safeColor(p.background, ctx.fallbackColor);
  return `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" fill="${bg}"/>${text}`;
}

const AXIS_FONT = 11;

/** An axis label (its strip box and text) as SVG markup. */
export function paintAxisLabel(p: AxisLabelPrimitive, ctx: SvgPaintContext): string {
  const bg = safeColor(p.background, ctx.fallbackColor);
  const fg = safeColor(p.color, '#FFFFFF');
  const label = escapeXml(p.text);
  if (p.axis === 'price') {
    const y = p.at - 9;
    return `<rect x="${num(ctx.paneWidth)}" y="${num(y)}" width="${num(ctx.priceAxisWidth)}" height="18" fill="${bg}"/><text x="${num(ctx.paneWidth + 4)}" y="${num(p.at)}" fill="${fg}" font-size="${AXIS_FONT}" text-anchor="start" dominant-baseline="middle">${label}</text>`;
  }
  const w = textWidth(p.text, AXIS_FONT) + 8;
  const x = Math.min(Math.max(p.at - w / 2, 0), ctx.paneWidth + ctx.priceAxisWidth - w);
  return `<rect x="${num(x)}" y="${num(ctx.paneHeight)}" width="${num(w)}" height="${num(ctx.timeAxisHeight)}" fill="${bg}"/><text x="${num(x + w / 2)}" y="${num(ctx.paneHeight + ctx.timeAxisHeight / 2)}" fill="${fg}" font-size="${AXIS_FONT}" text-anchor="middle" dominant-baseline="middle">${label}</text>`;
}

/** One primitive as SVG markup; every colour is validated and every text escaped. */
export function primitiveToSvg(p: Primitive, ctx: SvgPaintContext): string {
  switch (p.type) {
    case 'segment':
      return `<line x1="${num(p.x1)}" y1="${num(p.y1)}" x2="${num(p.x2)}" y2="${num(p.y2)}"${strokeAttrs(p.stroke, ctx)}/>`;
    case 'polyline':
      return `<polyline points="${pointsAttr(p.points)}" fill="none"${strokeAttrs(p.stroke, ctx)}/>`;
    case 'polygon': {
      const fill = p.fill === undefined ? 'none' : safeColor(p.fill, ctx.fallbackColor);
      const stroke = p.stroke === undefined ? '' : strokeAttrs(p.stroke, ctx);
      return `<polygon points="${pointsAttr(p.points)}" fill="${fill}"${stroke}/>`;
    }
    case 'text':
      return paintText(p, ctx);
    case 'axis-label':
      return paintAxisLabel(p, ctx);
    case 'handle':
      return `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="${num(p.radius)}" fill="#FFFFFF" stroke="${ctx.fallbackColor}"/>`;
  }
}
