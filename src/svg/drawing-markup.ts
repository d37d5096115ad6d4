// Each drawing kind's SVG elements written straight from its mapped points: the elements, order
// and numbers that painting core's `drawingScene` (placed by the same label placer) gives, without
// the scene's primitive and stroke objects, and with each coordinate formatted once however many
// elements share it. A 1,000-drawing SVG spent most of its time building, copying and collecting
// those objects. test/unit/svg/drawing-markup.test.ts compares the two on random drawings.
import { axisLabel } from '../core/axis-labels';
import type { LabelPlacer } from '../core/declutter';
import type { Drawing, DrawingKind, DrawingOf, FibonacciRetracement, LineStyle } from '../core/drawing';
import {
  fibBandColor,
  fibBandLevel,
  fibLevelColor,
  fibLevelLabel,
  fibLevelPrice,
  fibRatioOrder,
} from '../core/fibonacci';
import { formatPrice } from '../core/format';
import { arrowHead, channelOffset, lerpPoint } from '../core/geometry';
import { extendedRange } from '../core/geometry-clip';
import { FIB_LABEL_GAP } from '../core/kinds/fibonacci-retracement';
import { priceLabel } from '../core/kinds/horizontal-line';
import { LABEL_FONT_SIZE, LABEL_GAP, paneBox, toPx } from '../core/kinds/shared';
import type { PxPoint, TextPlacement, TextPrimitive } from '../core/scene';
import { dashPattern, type ResolvedStyle, resolveStyle, safeColor } from '../core/style';
import type { Viewport } from '../core/viewport';
import { flatMarkup, num } from './escape';
import { paintAxisLabel, paintText, type SvgPaintContext } from './paint-primitives';

/** Where drawings' markup goes: the pane group's text and the axis group's. */
export interface MarkupOut {
  body: string;
  axis: string;
}

/** What writing one drawing needs: the pane's mapping, the placer its labels go through, the paint context. */
export interface MarkupContext {
  readonly vp: Viewport;
  readonly placer: LabelPlacer;
  readonly paint: SvgPaintContext;
  /** Stroke attribute text already written in this render, by line style, width and colour. */
  readonly strokes: Map<LineStyle, Map<number, Map<string, string>>>;
  /** Fibonacci band fill text already written in this render, by the drawing's fill and level colour. */
  readonly fills: Map<string, Map<string, string>>;
}

/** A MarkupContext for one render (its stroke text starts empty). */
export function markupContext(vp: Viewport, placer: LabelPlacer, paint: SvgPaintContext): MarkupContext {
  return { vp, placer, paint, strokes: new Map(), fills: new Map() };
}

/** `T` with its fields writable, for an object the writer reuses. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type Writer<K extends DrawingKind> = (
  d: DrawingOf<K>,
  style: ResolvedStyle,
  c: MarkupContext,
  out: MarkupOut,
) => string;

/**
 * The end of an element with a stroke, as the painter writes it: `"` closing the attribute before,
 * ` stroke=… stroke-width=…[ stroke-dasharray=…]` and `/>`. Built once per colour, width and line
 * style in a render (a 1,000-drawing SVG writes ~2,600 strokes in a handful of styles).
 */
function strokeEnd(color: string, lineWidth: number, lineStyle: LineStyle, c: MarkupContext): string {
  const byColor = mapUnder(mapUnder(c.strokes, lineStyle), lineWidth);
  let text = byColor.get(color);
  if (text === undefined) {
    const dash = dashPattern(lineStyle, lineWidth);
    text = `" stroke="${safeColor(color, c.paint.fallbackColor)}" stroke-width="${num(lineWidth)}"${dash.length > 0 ? ` stroke-dasharray="${dash.map(num).join(' ')}"` : ''}/>`;
    byColor.set(color, text);
  }
  return text;
}

/** The end of a Fibonacci band's polygon, `" fill=…/>`, built once per fill and level colour in a render. */
function bandEnd(levelColor: string, fillColor: string, c: MarkupContext): string {
  const byLevel = mapUnder(c.fills, fillColor);
  let text = byLevel.get(levelColor);
  if (text === undefined) {
    text = `" fill="${safeColor(fibBandColor(levelColor, fillColor), c.paint.fallbackColor)}"/>`;
    byLevel.set(levelColor, text);
  }
  return text;
}

/** The map under `key` in `parent`, made empty the first time. */
function mapUnder<K, L, V>(parent: Map<K, Map<L, V>>, key: K): Map<L, V> {
  let map = parent.get(key);
  if (!map) {
    map = new Map();
    parent.set(key, map);
  }
  return map;
}

/** A line element; `end` is a strokeEnd. */
function line(x1: string, y1: string, x2: string, y2: string, end: string): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}${end}`;
}

/** A polygon from its points attribute; `end` is a strokeEnd, or `"/>` for none. */
function polygon(points: string, fill: string, c: MarkupContext, end = '"/>'): string {
  return `<polygon points="${points}" fill="${safeColor(fill, c.paint.fallbackColor)}${end}`;
}

function pointsText(xs: readonly number[]): string {
  let out = '';
  for (let i = 0; i + 1 < xs.length; i += 2) out += `${i ? ' ' : ''}${num(xs[i]!)},${num(xs[i + 1]!)}`;
  return out;
}

/** The label through the placer: painted where it lands, or nothing when it is dropped. */
function label(t: TextPrimitive, c: MarkupContext): string {
  const placed = c.placer.label(t);
  return placed ? paintText(placed, c.paint) : '';
}

const horizontalLine: Writer<'HORIZONTAL_LINE'> = (d, style, c, out) => {
  const price = d.points[0].price;
  const y = c.vp.priceToY(price);
  const text = formatPrice(price);
  const ys = num(y);
  const body =
    line('0', ys, num(c.vp.width), ys, strokeEnd(style.color, style.lineWidth, style.lineStyle, c)) +
    label(priceLabel(y, c.vp.width, text, style.color), c);
  out.axis += flatMarkup(paintAxisLabel(axisLabel('price', y, text, style.color), c.paint));
  return body;
};

const trendLine: Writer<'LINE'> = (d, style, c) => {
  const a = toPx(c.vp, d.points[0]);
  const b = toPx(c.vp, d.points[1]);
  const range = extendedRange(a, b, d.extendLeft, d.extendRight, paneBox(c.vp));
  const s = lerpPoint(a, b, range[0]);
  const e = lerpPoint(a, b, range[1]);
  let body = line(
    num(s.x),
    num(s.y),
    num(e.x),
    num(e.y),
    strokeEnd(style.color, style.lineWidth, style.lineStyle, c),
  );
  const start = d.startHead === 'ARROW' ? arrowHead(a, b, style.lineWidth) : null;
  const end = d.endHead === 'ARROW' ? arrowHead(b, a, style.lineWidth) : null;
  if (start) body += polygon(pointsText(start), style.color, c);
  if (end) body += polygon(pointsText(end), style.color, c);
  return body;
};

const rectangle: Writer<'RECTANGLE'> = (d, style, c) => {
  const a = toPx(c.vp, d.points[0]);
  const b = toPx(c.vp, d.points[1]);
  const ax = num(a.x);
  const ay = num(a.y);
  const bx = num(b.x);
  const by = num(b.y);
  const stroke = strokeEnd(style.borderColor, style.lineWidth, style.lineStyle, c);
  return polygon(`${ax},${ay} ${bx},${ay} ${bx},${by} ${ax},${by}`, style.fillColor, c, stroke);
};

/** Point p + k·v, as the channel's geometry shifts its base line. */
function shifted(p: PxPoint, v: PxPoint, k: number): PxPoint {
  return { x: p.x + v.x * k, y: p.y + v.y * k };
}

const parallel: Writer<'PARALLEL'> = (d, style, c) => {
  const a = toPx(c.vp, d.points[0]);
  const b = toPx(c.vp, d.points[1]);
  const offset = channelOffset(a, b, toPx(c.vp, d.points[2]));
  const pane = paneBox(c.vp);
  const r1 = extendedRange(a, b, d.extendLeft, d.extendRight, pane);
  const r2 = extendedRange(shifted(a, offset, 1), shifted(b, offset, 1), d.extendLeft, d.extendRight, pane);
  const t0 = Math.min(r1[0], r2[0]);
  const t1 = Math.max(r1[1], r2[1]);
  // The drawn line k (0 base, 1 parallel, 0.5 midline), its ends formatted [x0, y0, x1, y1].
  const drawn = (k: number): string[] => {
    const p = shifted(a, offset, k);
    const q = shifted(b, offset, k);
    const u = lerpPoint(p, q, t0);
    const v = lerpPoint(p, q, t1);
    return [num(u.x), num(u.y), num(v.x), num(v.y)];
  };
  const [b0x, b0y, b1x, b1y] = drawn(0) as [string, string, string, string];
  const [q0x, q0y, q1x, q1y] = drawn(1) as [string, string, string, string];
  const solid = strokeEnd(style.color, style.lineWidth, style.lineStyle, c);
  let body =
    polygon(`${b0x},${b0y} ${b1x},${b1y} ${q1x},${q1y} ${q0x},${q0y}`, style.fillColor, c) +
    line(b0x, b0y, b1x, b1y, solid) +
    line(q0x, q0y, q1x, q1y, solid);
  if (d.showMidline) {
    const [m0x, m0y, m1x, m1y] = drawn(0.5) as [string, string, string, string];
    body += line(m0x, m0y, m1x, m1y, strokeEnd(style.color, style.lineWidth, 'DASHED', c));
  }
  return body;
};

/** Core's default price format, as the scenes' formatter wraps it (never given an index as precision). */
const formatLevelPrice = (p: number): string => formatPrice(p);

const fibonacci: Writer<'FIBONACCI_RETRACEMENT'> = (d: FibonacciRetracement, style, c) => {
  const [p0, p1] = d.points;
  const { levels } = d;
  const a = toPx(c.vp, p0);
  const b = toPx(c.vp, p1);
  const maxX = Math.max(a.x, b.x);
  const left = Math.min(a.x, b.x);
  const right = d.extendRight ? Math.max(maxX, c.vp.width) : maxX;
  const lx = num(left);
  const rx = num(right);
  // Each level's y as written and its colour (its price and y are worked out again where needed).
  // Pushed, not mapped: V8 gives an array made by map another elements kind once the caller is
  // optimised than before, and each change of kind threw the optimised writer away (warm-up).
  const yText: string[] = [];
  const colors: string[] = [];
  for (const r of levels) {
    yText.push(num(c.vp.priceToY(fibLevelPrice(p0, p1, r))));
    colors.push(fibLevelColor(r, style.color));
  }
  // The text every band and level line of the drawing shares is built once: each element then
  // adds only its own numbers (fewer pieces, fewer rope nodes to allocate and flatten).
  const toRight = ` ${rx},`;
  let body = '';
  if (d.showBands !== false) {
    // Each band takes the colour of its level farther from 0, as the scene's bands do.
    const order = fibRatioOrder(levels);
    const open = `<polygon points="${lx},`;
    const toLeft = ` ${lx},`;
    for (let i = 0; i + 1 < order.length; i++) {
      const lo = yText[order[i]!]!;
      const hi = order[i + 1]!;
      const end = bandEnd(colors[fibBandLevel(levels, order[i]!, hi)]!, style.fillColor, c);
      body += `${open}${lo}${toRight}${lo}${toRight}${yText[hi]}${toLeft}${yText[hi]}${end}`;
    }
  }
  body += line(num(a.x), num(a.y), num(b.x), num(b.y), strokeEnd(style.color, style.lineWidth, 'DASHED', c));
  // Labels beside the levels, centred on their line; levels extended to the pane's edge leave no
  // room on the right, so right-hand labels then sit above the line's end (the scene's places).
  const onLeft = (d.labelSide ?? 'left') === 'left';
  const leftX = left - FIB_LABEL_GAP;
  const rightX = d.extendRight ? right - FIB_LABEL_GAP : right + FIB_LABEL_GAP;
  // One label object for all levels, its y, text and colour set per level: the placer keeps no
  // label it is handed (it returns the same object, a moved copy or null), and a kept one is
  // painted before the next level's.
  const leftPlace: Mutable<TextPlacement> = { x: leftX, y: 0, align: 'right', baseline: 'middle' };
  const rightPlace: Mutable<TextPlacement> = {
    x: rightX,
    y: 0,
    align: d.extendRight ? 'right' : 'left',
    baseline: d.extendRight ? 'bottom' : 'middle',
  };
  const own = onLeft ? leftPlace : rightPlace;
  const text: Mutable<TextPrimitive> = {
    type: 'text',
    ...own,
    text: '',
    color: '',
    fontSize: LABEL_FONT_SIZE,
    alternative: onLeft ? rightPlace : leftPlace,
  };
  const lineOpen = `<line x1="${lx}" y1="`;
  const lineTo = `" x2="${rx}" y2="`;
  for (let i = 0; i < levels.length; i++) {
    const price = fibLevelPrice(p0, p1, levels[i]!);
    const y = c.vp.priceToY(price);
    leftPlace.y = y;
    rightPlace.y = d.extendRight ? y - LABEL_GAP / 2 : y;
    text.y = own.y;
    text.color = colors[i]!;
    text.text = fibLevelLabel(levels[i]!, price, formatLevelPrice);
    body += `${lineOpen}${yText[i]}${lineTo}${yText[i]}${strokeEnd(text.color, style.lineWidth, style.lineStyle, c)}${label(text, c)}`;
  }
  return body;
};

const WRITERS: { readonly [K in DrawingKind]: Writer<K> } = {
  HORIZONTAL_LINE: horizontalLine,
  LINE: trendLine,
  RECTANGLE: rectangle,
  PARALLEL: parallel,
  FIBONACCI_RETRACEMENT: fibonacci,
};

/**
 * Appends drawing `d` as its group to out.body (its axis labels to out.axis), its labels placed by
 * c.placer in scene order: the same bytes as painting the placed `drawingScene(d, c.vp)`.
 */
export function writeDrawing(d: Drawing, c: MarkupContext, out: MarkupOut): void {
  const write = WRITERS[d.kind] as Writer<DrawingKind>;
  const body = write(d, resolveStyle(d.kind, d.style), c, out);
  out.body += flatMarkup(`<g class="cm-drawing" data-kind="${d.kind}">${body}</g>`);
}
