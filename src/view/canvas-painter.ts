// Paints core scene primitives on a 2D canvas (media pixels). design.md §5: one pass over every
// scene, strokes that share a style batched into one path, scenes off screen skipped, so 1,000
// drawings cost one primitive's draw call and a handful of strokes.
import type { Box, Primitive, Scene, Stroke, TextPrimitive } from '../core/scene';
import { safeColor } from '../svg/escape';
import { textBackgroundBox } from '../svg/paint-primitives';

/** What the painter needs besides the scenes. */
export interface CanvasPaintOptions {
  /** Pane size in CSS pixels, for culling. */
  readonly width: number;
  readonly height: number;
  /** Scene id (clientObjectId) to emphasise, or null. */
  readonly highlight: string | null;
  /** Used when a colour is not `#hex`. */
  readonly fallbackColor: string;
  /** Halo colour behind a highlighted scene. */
  readonly highlightColor: string;
}

const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
/** Extra px of halo on each side of a highlighted stroke. */
const HALO = 3;

function intersects(b: Box, width: number, height: number): boolean {
  return b.maxX >= 0 && b.minX <= width && b.maxY >= 0 && b.minY <= height;
}

function strokeKey(s: Stroke, fallback: string): string {
  return `${safeColor(s.color, fallback)}|${s.width}|${s.dash.join(',')}`;
}

type Path = (ctx: CanvasRenderingContext2D) => void;

function pathOf(p: Primitive): Path | null {
  switch (p.type) {
    case 'segment':
      return (ctx) => {
        ctx.moveTo(p.x1, p.y1);
        ctx.lineTo(p.x2, p.y2);
      };
    case 'polyline':
    case 'polygon':
      return (ctx) => {
        for (let i = 0; i + 1 < p.points.length; i += 2) {
          if (i === 0) ctx.moveTo(p.points[0]!, p.points[1]!);
          else ctx.lineTo(p.points[i]!, p.points[i + 1]!);
        }
        if (p.type === 'polygon') ctx.closePath();
      };
    default:
      return null;
  }
}

function paintText(ctx: CanvasRenderingContext2D, t: TextPrimitive, fallback: string): void {
  ctx.font = `${t.fontSize}px ${FONT_FAMILY}`;
  ctx.textAlign = t.align;
  ctx.textBaseline = t.baseline;
  if (t.background !== undefined) {
    const b = textBackgroundBox(t, ctx.measureText(t.text).width);
    ctx.fillStyle = safeColor(t.background, fallback);
    ctx.fillRect(b.x, b.y, b.width, b.height);
  }
  ctx.fillStyle = safeColor(t.color, fallback);
  ctx.fillText(t.text, t.x, t.y);
}

function paintHalo(ctx: CanvasRenderingContext2D, scene: Scene, color: string): void {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.setLineDash([]);
  for (const p of scene.primitives) {
    const path = pathOf(p);
    if (!path) continue;
    const width = 'stroke' in p && p.stroke ? p.stroke.width : 1;
    ctx.lineWidth = width + HALO * 2;
    ctx.beginPath();
    path(ctx);
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * Paints scenes in order: fills first, then strokes batched per style, then texts, then a halo and
 * a repaint of the highlighted scene on top. Axis labels and handles are not pane content here.
 * Returns how many scenes were painted (the rest were off screen).
 */
export function paintScenes(
  ctx: CanvasRenderingContext2D,
  scenes: readonly Scene[],
  options: CanvasPaintOptions,
): number {
  const fb = options.fallbackColor;
  const visible = scenes.filter((s) => intersects(s.bbox, options.width, options.height));
  ctx.save();
  for (const s of visible) {
    for (const p of s.primitives) {
      if (p.type !== 'polygon' || p.fill === undefined) continue;
      ctx.fillStyle = safeColor(p.fill, fb);
      ctx.beginPath();
      pathOf(p)!(ctx);
      ctx.fill();
    }
  }
  const batches = new Map<string, { stroke: Stroke; paths: Path[] }>();
  for (const s of visible) {
    for (const p of s.primitives) {
      const stroke =
        p.type === 'segment' || p.type === 'polyline' || p.type === 'polygon' ? p.stroke : undefined;
      if (!stroke) continue;
      const key = strokeKey(stroke, fb);
      let batch = batches.get(key);
      if (!batch) {
        batch = { stroke, paths: [] };
        batches.set(key, batch);
      }
      batch.paths.push(pathOf(p)!);
    }
  }
  for (const { stroke, paths } of batches.values()) {
    ctx.strokeStyle = safeColor(stroke.color, fb);
    ctx.lineWidth = stroke.width;
    ctx.setLineDash(stroke.dash as number[]);
    ctx.beginPath();
    for (const path of paths) path(ctx);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const s of visible) for (const p of s.primitives) if (p.type === 'text') paintText(ctx, p, fb);
  const hl = options.highlight === null ? undefined : visible.find((s) => s.id === options.highlight);
  if (hl) {
    paintHalo(ctx, hl, options.highlightColor);
    paintScenes(ctx, [hl], { ...options, highlight: null });
  }
  ctx.restore();
  return visible.length;
}
