// What the interactive layer shows in a frame — the hovered, selected and in-placement drawings,
// the levels and expiry marker, every axis label, the handles and the marquee — worked out
// without Konva, so that the same scenes can be painted by the Konva layer once its chunk is
// there and by a plain canvas before (plain-active-layer.ts): the two cannot disagree.
import { expiryScene, levelScenes } from '../core/analysis-scene';
import { selectionAxisTags } from '../core/axis-tags';
import { declutterScenes } from '../core/declutter';
import type { Drawing } from '../core/drawing';
import { expiresAt } from '../core/expiry';
import { drawingScene } from '../core/kinds/registry';
import type { AxisLabelPrimitive, Box, HandlePrimitive, Scene } from '../core/scene';
import type { UtcSeconds } from '../core/units';
import type { Viewport } from '../core/viewport';
import type { EditorState } from '../editor/types';
import { type AxisLayout, paintAxisLabels } from '../render/axis-label-painter';
import { paintScenes, type TextWidthCache } from '../render/scene-painter';
import { canvasMeasure } from '../render/text-painter';

/** Everything one interactive repaint needs. */
export interface ActiveFrame {
  readonly state: EditorState;
  readonly drawings: readonly Drawing[];
  /** Scenes on the static layer: their axis labels are shown while there are few. */
  readonly staticScenes: readonly Scene[];
  /** Label boxes the static layer placed: this layer's labels keep clear of them. */
  readonly staticLabels: readonly Box[];
  readonly viewport: Viewport;
  readonly layout: AxisLayout;
  readonly handleRadius: number;
  readonly createdAt: UtcSeconds;
  readonly formatPrice?: (price: number) => string;
  /** Device pixels per CSS pixel of the layer's canvas now (browser zoom changes it). */
  readonly pixelRatio: number;
}

/** The interactive layer's painter. */
export interface ActivePaint {
  /** Rebuilds the layer's content for this frame and draws it. */
  update(frame: ActiveFrame): void;
}

/** The marquee's box in CSS px of the layer. */
export interface MarqueeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One frame's content of the interactive layer. */
export interface ActiveContent {
  /** Levels, the expiry and the active drawings, labels not placed yet. */
  readonly scenes: readonly Scene[];
  readonly labels: readonly AxisLabelPrimitive[];
  readonly handles: readonly HandlePrimitive[];
  readonly marquee: MarqueeBox | null;
  /** The pane, which the scenes are clipped to. */
  readonly clip: Box;
  readonly layout: AxisLayout;
  /** Label boxes of the static layer that the scenes' labels keep clear of. */
  readonly taken: readonly Box[];
  /** The layer's size in CSS px: the pane and its axes. */
  readonly width: number;
  readonly height: number;
  /** Nothing to show: the layer is hidden rather than cleared. */
  readonly empty: boolean;
}

/** A handle's fill and ring, and the marquee's: the Konva nodes and the plain stand-in paint the same. */
export const HANDLE_FILL = '#FFFFFF';
export const HANDLE_STROKE = '#2962FF';
export const HANDLE_STROKE_WIDTH = 1.5;
export const MARQUEE_FILL = 'rgba(41, 98, 255, 0.08)';
export const MARQUEE_DASH: readonly number[] = [4, 3];

/** Above this many axis labels from committed drawings, only the active ones are shown. */
export const MAX_STATIC_AXIS_LABELS = 40;

/** Works out each frame's content; keeps the committed drawings' axis labels between frames. */
export class ActiveContentBuilder {
  private staticFrom: readonly Scene[] | null = null;
  private staticLabels: AxisLabelPrimitive[] = [];

  /** The content of frame `f`. */
  build(f: ActiveFrame): ActiveContent {
    const { state, viewport, layout } = f;
    const selected = new Set(state.selection);
    // The drawing under the pointer shows its handles too: a trader sees what a press would grab.
    if (state.hover?.type === 'drawing') selected.add(state.hover.id);
    const opts = { handleRadius: f.handleRadius, formatPrice: f.formatPrice };
    const active = f.drawings.map((d) =>
      drawingScene(d, viewport, undefined, { ...opts, selected: selected.has(d.id) }),
    );
    const levels = levelScenes(state.levels, viewport, f.formatPrice ? { formatPrice: f.formatPrice } : {});
    const until = expiresAt(state.metadata.expiry, f.createdAt);
    const expiry = until === null ? [] : [expiryScene(until, viewport)];
    const scenes = [...levels, ...expiry, ...active];
    // Levels, the expiry and hovered/selected drawings always label the axes; committed
    // drawings only while they are few — hundreds of stacked labels would bury the axis.
    if (f.staticScenes !== this.staticFrom) {
      this.staticFrom = f.staticScenes;
      const fromStatic: AxisLabelPrimitive[] = [];
      for (const s of f.staticScenes)
        for (const p of s.primitives) if (p.type === 'axis-label') fromStatic.push(p);
      this.staticLabels = fromStatic.length > MAX_STATIC_AXIS_LABELS ? [] : fromStatic;
    }
    const labels = [...this.staticLabels];
    for (const s of scenes) for (const p of s.primitives) if (p.type === 'axis-label') labels.push(p);
    // The selected drawings' points tagged on both axes in their colour (issue 17 item 4).
    for (const d of f.drawings)
      if (state.selection.includes(d.id))
        labels.push(...selectionAxisTags(d, viewport, { formatPrice: f.formatPrice }));
    const handles: HandlePrimitive[] = [];
    for (const s of active) for (const p of s.primitives) if (p.type === 'handle') handles.push(p);
    const tool = state.toolState;
    const marquee =
      tool.type === 'marquee'
        ? {
            x: Math.min(tool.x0, tool.x1),
            y: Math.min(tool.y0, tool.y1),
            width: Math.abs(tool.x1 - tool.x0),
            height: Math.abs(tool.y1 - tool.y0),
          }
        : null;
    return {
      scenes,
      labels,
      handles,
      marquee,
      clip: { minX: 0, minY: 0, maxX: layout.paneWidth, maxY: layout.paneHeight },
      layout,
      taken: f.staticLabels,
      width: layout.paneWidth + layout.priceAxisWidth,
      height: layout.paneHeight + layout.timeAxisHeight,
      empty: scenes.length === 0 && labels.length === 0 && handles.length === 0 && marquee === null,
    };
  }
}

/**
 * Paints the content's scenes and axis labels on `ctx`, whose transform maps CSS px of the layer
 * to its device pixels (`pixelRatio`): levels, the expiry and the active drawings' labels placed
 * by core around the static ones. Handles and the marquee are painted after them (Konva nodes, or
 * plain-active-layer.ts's copies of those nodes' drawing).
 */
export function paintActiveScenes(
  ctx: CanvasRenderingContext2D,
  content: ActiveContent,
  pixelRatio: number,
  cache: TextWidthCache,
): void {
  const { clip } = content;
  const placed = declutterScenes(content.scenes, {
    area: clip,
    measure: canvasMeasure(ctx, cache),
    taken: content.taken,
  });
  paintScenes(ctx, placed.scenes, clip, pixelRatio, cache);
  paintAxisLabels(ctx, content.labels, content.layout, cache);
}
