// The read-only view paints with render/'s scene painter, the same one the editor overlay uses,
// so a post and the editor cannot draw an analysis differently. This keeps the view's own call
// shape (a pane size instead of a clip box) and guards every colour with a fallback.
import type { Scene } from '../core/scene';
import { type PixelRatio, paintScenes as paintRenderScenes, TextWidthCache } from '../render/scene-painter';

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
  /** Device pixels per CSS pixel of the canvas, to paint axis-aligned lines sharp (default 1). */
  readonly pixelRatio?: number | PixelRatio;
  /** Label widths measured before (default: one cache shared by every view). */
  readonly cache?: TextWidthCache;
  /** Skip labels that would overlap one painted before, as the editor's layer of committed drawings does (default false). */
  readonly declutter?: boolean;
}

const sharedCache = new TextWidthCache();

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
  const clip = { minX: 0, minY: 0, maxX: options.width, maxY: options.height };
  return paintRenderScenes(
    ctx,
    scenes,
    clip,
    options.pixelRatio ?? 1,
    options.cache ?? sharedCache,
    options.declutter ?? false,
    {
      highlight: options.highlight,
      highlightColor: options.highlightColor,
      fallbackColor: options.fallbackColor,
    },
  ).scenes;
}
