// The overlay's painting as an object with named state: what the last frame painted (so a frame
// that changes nothing paints nothing — the chart repaints on every crosshair move), the editor
// state's split into committed and active drawings (kept across pans), and the committed scenes on
// the static canvas. mountEditorOverlay owns the DOM, the schedule and the input; this decides
// and paints.
import type { Drawing } from '../core/drawing';
import { declutterScenes } from '../core/declutter';
import type { Box, Scene } from '../core/scene';
import type { UtcSeconds } from '../core/units';
import type { Viewport } from '../core/viewport';
import type { EditorState } from '../editor/types';
import type { AxisLayout } from '../render/axis-label-painter';
import { type PaintStats, paintScenes, type TextWidthCache } from '../render/scene-painter';
import { canvasMeasure } from '../render/text-painter';
import type { ActivePaint } from './active-content';
import type { DeviceCanvas } from './device-canvas';
import { activeIds, SceneCache, sameDrawings, splitDrawings, type ViewportShape } from './overlay-scenes';

/** The overlay's size and where the pane and axes sit in it, in CSS px. */
export interface OverlayLayout extends AxisLayout {
  readonly width: number;
  readonly height: number;
}

/** Everything one frame needs. */
export interface OverlayFrame {
  readonly state: EditorState;
  /** The frozen viewport of this frame. */
  readonly viewport: Viewport;
  /** viewportSignature of `viewport`: changes with any change of its mapping or size. */
  readonly signature: string;
  /** viewportShape of `viewport`, computed only when the committed scenes are rebuilt. */
  readonly shape: () => ViewportShape;
  readonly layout: OverlayLayout;
  readonly handleRadius: number;
  readonly createdAt: UtcSeconds;
  readonly formatPrice?: ((price: number) => string) | undefined;
  readonly pixelRatio: number;
}

/** What was painted last; a frame equal to it on all three paints nothing. */
interface Painted {
  readonly state: EditorState | null;
  readonly signature: string;
  readonly handleRadius: number;
}

/** The drawings of one editor state, split by layer; a pan leaves it as it is. */
interface LayerSplit {
  readonly of: EditorState | null;
  readonly committed: readonly Drawing[];
  readonly active: readonly Drawing[];
}

const NOTHING: Painted = { state: null, signature: '', handleRadius: 0 };
const EMPTY_STATS: PaintStats = { scenes: 0, culled: 0, strokeBatches: 0, fillBatches: 0, texts: 0 };

/** Paints editor state onto the overlay's static canvas and interactive layer. */
export class OverlayRenderer {
  private painted: Painted = NOTHING;
  private split: LayerSplit = { of: null, committed: [], active: [] };
  /** The committed drawings whose scenes are on the static canvas now. */
  private onStatic: readonly Drawing[] = [];
  private staticScenes: Scene[] = [];
  /** Label boxes core placed on the static canvas: the interactive layer's labels keep clear of them. */
  private staticLabels: readonly Box[] = [];
  private stats: PaintStats | null = null;
  private scenes = new SceneCache();

  constructor(
    private readonly staticLayer: DeviceCanvas,
    private active: ActivePaint,
    private readonly cache: TextWidthCache,
  ) {}

  /** Counts of the last static-layer paint. */
  lastStaticPaint(): PaintStats | null {
    return this.stats;
  }

  /** Paints the active things with `active` from the next frame on (the Konva layer arrived). */
  switchActive(active: ActivePaint): void {
    this.active = active;
    this.painted = NOTHING;
  }

  /** Paints everything again on the next frame (the stage was resized). */
  forget(): void {
    this.painted = NOTHING;
  }

  /** Builds every scene again on the next frame: the bar times changed, which no mapping signature shows. */
  forgetScenes(): void {
    this.scenes = new SceneCache();
    this.painted = NOTHING;
  }

  /** Repaints the static canvas on the next frame (its device size changed). */
  forgetStatic(): void {
    this.painted = { ...this.painted, signature: '' };
  }

  /** Repaints from the editor state on the next frame, even if it is the same object. */
  forgetState(): void {
    this.painted = { ...this.painted, state: null };
  }

  /** Paints `frame` unless it is what was painted last. */
  paint(frame: OverlayFrame): void {
    const { state, signature, handleRadius } = frame;
    const last = this.painted;
    if (state === last.state && signature === last.signature && handleRadius === last.handleRadius) return;
    this.painted = { state, signature, handleRadius };
    if (state !== this.split.of) this.split = { of: state, ...splitDrawings(state, activeIds(state)) };
    const { committed, active } = this.split;
    if (signature !== last.signature || !sameDrawings(committed, this.onStatic)) {
      this.onStatic = committed;
      this.staticScenes = this.scenes.scenesOf(committed, frame.viewport, frame.shape());
      this.paintStatic(frame.layout);
    }
    this.active.update({
      state,
      drawings: active,
      staticScenes: this.staticScenes,
      staticLabels: this.staticLabels,
      viewport: frame.viewport,
      layout: frame.layout,
      handleRadius,
      createdAt: frame.createdAt,
      formatPrice: frame.formatPrice,
      pixelRatio: frame.pixelRatio,
    });
  }

  private paintStatic(layout: OverlayLayout): void {
    const canvas = this.staticLayer.canvas;
    // Nothing near the pane: hide the layer instead of clearing it (see active-layer.ts).
    if (this.staticScenes.length === 0) {
      canvas.style.display = 'none';
      this.staticLabels = [];
      this.stats = EMPTY_STATS;
      return;
    }
    canvas.style.display = '';
    const { paneWidth: width, paneHeight: height } = layout;
    const ratio = this.staticLayer.resize(width, height);
    const ctx = this.staticLayer.context;
    ctx.setTransform(ratio.x, 0, 0, ratio.y, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const clip = { minX: 0, minY: 0, maxX: width, maxY: height };
    // Core places the labels (declutter.ts), measured on this canvas.
    const placed = declutterScenes(this.staticScenes, {
      area: clip,
      measure: canvasMeasure(ctx, this.cache),
    });
    this.staticLabels = placed.placed;
    this.stats = paintScenes(ctx, placed.scenes, clip, ratio, this.cache);
  }
}
