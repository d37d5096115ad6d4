// Paints core scenes onto a 2D canvas context in few draw calls (design.md §5): every fill of
// one colour is one path, every stroke of one colour/width/dash is one path, texts come last
// with cached widths. Fills go under strokes for all drawings at once — a rectangle's fill
// never hides another drawing's line, and a thousand same-styled lines cost one stroke() call.
// Software rasterisers (Skia without GPU) are slow on one huge self-crossing path that must be
// stroked into an outline first, so opaque strokes wider than a device pixel are stroked one
// subpath at a time (each a cheap convex shape); hairlines and translucent strokes stay batched.
// The one canvas painter of core scenes: the editor overlay and the read-only view both call it.
import type { Box, PolygonPrimitive, Primitive, Scene, Stroke, TextPrimitive } from '../core/scene';
import { safeColor } from '../core/style';
import { declutterScenes } from '../core/declutter';
import { canvasMeasure, fontOf, paintText, type TextWidthCache, textBox, textPen } from './text-painter';

export type { TextPen } from './text-painter';
export {
  canvasMeasure,
  FONT_FAMILY,
  fontOf,
  paintText,
  TextWidthCache,
  textBox,
  textPen,
} from './text-painter';

/** Counts of what one paint call drew, for tests and benchmarks. */
export interface PaintStats {
  scenes: number;
  culled: number;
  strokeBatches: number;
  fillBatches: number;
  texts: number;
}

type Path =
  | { kind: 'seg'; x1: number; y1: number; x2: number; y2: number }
  | { kind: 'poly'; pts: readonly number[]; closed: boolean };

/** Moves a coordinate onto the device-pixel grid so a line of `width` CSS px is sharp, not smeared over two pixels. */
export function crisp(v: number, width: number, pixelRatio: number): number {
  const device = v * pixelRatio;
  const odd = Math.round(width * pixelRatio) % 2 === 1;
  return (odd ? Math.floor(device) + 0.5 : Math.round(device)) / pixelRatio;
}

/** True when two boxes overlap (touching counts). */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

const strokeKey = (s: Stroke): string =>
  s.dash.length === 0 ? `${s.color}|${s.width}|` : `${s.color}|${s.width}|${s.dash.join(',')}`;

/** True for colours without an alpha channel below 1 (#rgb, #rrggbb, #rrggbbff, rgb(…), names). */
export function isOpaque(color: string): boolean {
  if (color.startsWith('#')) return color.length === 4 || color.length === 7 || /ff$/i.test(color);
  return !/^(rgba|hsla|transparent)/i.test(color) || /,\s*1(\.0*)?\s*\)$/.test(color);
}

function isAxisAligned(pts: readonly number[]): boolean {
  const n = pts.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    if (pts[2 * i] !== pts[2 * j] && pts[2 * i + 1] !== pts[2 * j + 1]) return false;
  }
  return true;
}

/** Device pixels per CSS pixel on each axis (a canvas sized to exact device pixels may differ by a hair). */
export interface PixelRatio {
  readonly x: number;
  readonly y: number;
}

/** How a read-only view marks one scene and guards colours it did not check (all optional). */
export interface PaintEmphasis {
  /** Scene id (clientObjectId) to paint with a halo and on top of the rest, or null. */
  readonly highlight?: string | null;
  /** Halo colour behind the highlighted scene. */
  readonly highlightColor?: string;
  /** When set, every colour that is not `#hex` is painted in this colour instead. */
  readonly fallbackColor?: string;
}

/** Extra px of halo on each side of a highlighted stroke. */
export const HALO = 3;
const DEFAULT_HIGHLIGHT = '#FFD600';

/**
 * Paints the scenes clipped to `clip`, skipping scenes whose bbox lies outside it; `pixelRatio`
 * snaps lines to device pixels. `declutter` moves labels apart first (core declutterScenes); `emphasis`
 * adds a halo behind one scene and a colour guard.
 */
export function paintScenes(
  ctx: CanvasRenderingContext2D,
  given: readonly Scene[],
  clip: Box,
  pixelRatio: number | PixelRatio,
  cache: TextWidthCache,
  declutter = false,
  emphasis: PaintEmphasis = {},
): PaintStats {
  const pr = typeof pixelRatio === 'number' ? { x: pixelRatio, y: pixelRatio } : pixelRatio;
  // With many drawings, labels pile up unreadably: core's declutter moves them apart (or, with no
  // room left, drops them) before anything is painted.
  const scenes = declutter
    ? declutterScenes(given, { area: clip, measure: canvasMeasure(ctx, cache) }).scenes
    : given;
  const fb = emphasis.fallbackColor;
  const paint = fb === undefined ? (c: string) => c : (c: string) => safeColor(c, fb);
  const strokes = new Map<string, { stroke: Stroke; paths: Path[] }>();
  const fills = new Map<string, (readonly number[])[]>();
  const texts: TextPrimitive[] = [];
  const stats: PaintStats = { scenes: 0, culled: 0, strokeBatches: 0, fillBatches: 0, texts: 0 };
  const addStroke = (given: Stroke, path: Path): void => {
    const stroke = fb === undefined ? given : { ...given, color: paint(given.color) };
    const key = strokeKey(stroke);
    const batch = strokes.get(key);
    if (batch) batch.paths.push(path);
    else strokes.set(key, { stroke, paths: [path] });
  };
  for (const scene of scenes) {
    if (!boxesIntersect(scene.bbox, clip)) {
      stats.culled++;
      continue;
    }
    stats.scenes++;
    let band: Band | null = null;
    for (const p of scene.primitives) {
      // Touching fill-only boxes of one colour (Fibonacci bands) become one box: the same pixels
      // from a quarter of the path edges, which is what a software rasteriser pays for.
      const next = p.type === 'polygon' ? bandOf(p) : null;
      if (next && band && band.fill === next.fill && band.x0 === next.x0 && band.x1 === next.x1) {
        if (band.y1 === next.y0) {
          band.y1 = next.y1;
          continue;
        }
        if (band.y0 === next.y1) {
          band.y0 = next.y0;
          continue;
        }
      }
      if (band) addFill(fills, band.fill, bandPoints(band));
      band = next;
      if (!next) collect(p, pr, addStroke, fills, texts);
    }
    if (band) addFill(fills, band.fill, bandPoints(band));
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(clip.minX, clip.minY, clip.maxX - clip.minX, clip.maxY - clip.minY);
  ctx.clip();
  for (const [color, polys] of fills) {
    ctx.fillStyle = paint(color);
    ctx.beginPath();
    // fill() closes every subpath itself.
    for (const pts of polys) tracePoly(ctx, pts, false);
    ctx.fill();
    stats.fillBatches++;
  }
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'round';
  for (const { stroke, paths } of strokes.values()) {
    ctx.strokeStyle = stroke.color;
    ctx.lineWidth = stroke.width;
    ctx.setLineDash(stroke.dash as number[]);
    const oneByOne = stroke.width * pr.x > 1.5 && isOpaque(stroke.color);
    ctx.beginPath();
    for (const path of paths) {
      if (path.kind === 'seg') {
        ctx.moveTo(path.x1, path.y1);
        ctx.lineTo(path.x2, path.y2);
      } else tracePoly(ctx, path.pts, path.closed);
      if (oneByOne) {
        ctx.stroke();
        ctx.beginPath();
      }
    }
    if (!oneByOne) ctx.stroke();
    stats.strokeBatches++;
  }
  ctx.setLineDash([]);
  const pen = textPen(ctx);
  for (const t of texts) {
    const box = textBox(t, cache.measure(ctx, fontOf(t.fontSize), t.text, pen));
    if (box.maxX < clip.minX || box.minX > clip.maxX || box.maxY < clip.minY || box.minY > clip.maxY)
      continue;
    paintText(ctx, fb === undefined ? t : guardText(t, paint), cache, pen);
    stats.texts++;
  }
  const hl = emphasis.highlight == null ? undefined : scenes.find((s) => s.id === emphasis.highlight);
  if (hl && boxesIntersect(hl.bbox, clip)) {
    paintHalo(ctx, hl, paint(emphasis.highlightColor ?? DEFAULT_HIGHLIGHT));
    paintScenes(ctx, [hl], clip, pr, cache, false, { fallbackColor: fb });
  }
  ctx.restore();
  return stats;
}

function guardText(t: TextPrimitive, paint: (c: string) => string): TextPrimitive {
  return t.background === undefined
    ? { ...t, color: paint(t.color) }
    : { ...t, color: paint(t.color), background: paint(t.background) };
}

// A wide round-capped stroke under every line of the scene, so the highlighted one stands out.
function paintHalo(ctx: CanvasRenderingContext2D, scene: Scene, color: string): void {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.setLineDash([]);
  for (const p of scene.primitives) {
    if (p.type !== 'segment' && p.type !== 'polyline' && p.type !== 'polygon') continue;
    ctx.lineWidth = (p.stroke?.width ?? 1) + HALO * 2;
    ctx.beginPath();
    if (p.type === 'segment') {
      ctx.moveTo(p.x1, p.y1);
      ctx.lineTo(p.x2, p.y2);
    } else tracePoly(ctx, p.points, p.type === 'polygon');
    ctx.stroke();
  }
  ctx.restore();
}

function tracePoly(ctx: CanvasRenderingContext2D, pts: readonly number[], closed: boolean): void {
  if (pts.length < 4) return;
  ctx.moveTo(pts[0], pts[1]);
  for (let i = 2; i < pts.length; i += 2) ctx.lineTo(pts[i], pts[i + 1]);
  if (closed) ctx.closePath();
}

function collect(
  p: Primitive,
  pr: PixelRatio,
  addStroke: (s: Stroke, path: Path) => void,
  fills: Map<string, (readonly number[])[]>,
  texts: TextPrimitive[],
): void {
  switch (p.type) {
    case 'segment': {
      let { x1, y1, x2, y2 } = p;
      // Only axis-aligned lines can be made sharp; slanted ones are anti-aliased anyway.
      if (y1 === y2) y1 = y2 = crisp(y1, p.stroke.width, pr.y);
      if (x1 === x2) x1 = x2 = crisp(x1, p.stroke.width, pr.x);
      addStroke(p.stroke, { kind: 'seg', x1, y1, x2, y2 });
      return;
    }
    case 'polyline':
      addStroke(p.stroke, { kind: 'poly', pts: p.points, closed: false });
      return;
    case 'polygon':
      collectPolygon(p, pr, addStroke, fills);
      return;
    case 'text':
      texts.push(p);
      return;
    case 'axis-label':
    case 'handle':
      // Axis labels are stacked and painted at the pane edge; handles live on the interactive layer.
      return;
  }
}

/** A fill-only axis-aligned box (as Fibonacci bands are), x0 ≤ x1 and y0 ≤ y1. */
interface Band {
  fill: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function bandOf(p: PolygonPrimitive): Band | null {
  const q = p.points;
  if (!p.fill || p.stroke || q.length !== 8) return null;
  // Corners in the order (x0,y0) (x1,y0) (x1,y1) (x0,y1), as the scenes emit boxes.
  if (q[1] !== q[3] || q[5] !== q[7] || q[0] !== q[6] || q[2] !== q[4]) return null;
  return {
    fill: p.fill,
    x0: Math.min(q[0], q[2]),
    x1: Math.max(q[0], q[2]),
    y0: Math.min(q[1], q[5]),
    y1: Math.max(q[1], q[5]),
  };
}

const bandPoints = (b: Band): number[] => [b.x0, b.y0, b.x1, b.y0, b.x1, b.y1, b.x0, b.y1];

function addFill(fills: Map<string, (readonly number[])[]>, color: string, pts: readonly number[]): void {
  const list = fills.get(color);
  if (list) list.push(pts);
  else fills.set(color, [pts]);
}

function collectPolygon(
  p: PolygonPrimitive,
  pr: PixelRatio,
  addStroke: (s: Stroke, path: Path) => void,
  fills: Map<string, (readonly number[])[]>,
): void {
  if (p.fill) addFill(fills, p.fill, p.points);
  if (p.stroke) {
    const w = p.stroke.width;
    // Flat [x, y, …]: even indexes snap to device columns, odd ones to device rows.
    const pts = isAxisAligned(p.points)
      ? p.points.map((v, i) => crisp(v, w, i % 2 === 0 ? pr.x : pr.y))
      : p.points;
    addStroke(p.stroke, { kind: 'poly', pts, closed: true });
  }
}
