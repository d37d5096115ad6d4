// The interactive layer: the hovered, selected and in-placement drawings, their handles, the
// levels and expiry marker, the marquee and every axis label. It holds a handful of nodes and
// is repainted every frame something moves, so it stays cheap.
import type { Layer } from 'konva/lib/Layer';
import { Shape } from 'konva/lib/Shape';
import { Circle } from 'konva/lib/shapes/Circle';
import { Rect } from 'konva/lib/shapes/Rect';
import { expiryScene, levelScenes } from '../core/analysis-scene';
import { expiresAt } from '../core/expiry';
import { drawingScene } from '../core/kinds/registry';
import type { Drawing } from '../core/drawing';
import { selectionAxisTags } from '../core/axis-tags';
import { declutterScenes } from '../core/declutter';
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

/** Above this many axis labels from committed drawings, only the active ones are shown. */
export const MAX_STATIC_AXIS_LABELS = 40;
const HANDLE_FILL = '#FFFFFF';
const HANDLE_STROKE = '#2962FF';
const MARQUEE_FILL = 'rgba(41, 98, 255, 0.08)';

/** Sets up the interactive layer's nodes on `layer`. */
export function paintActive(layer: Layer, cache: TextWidthCache): ActivePaint {
  let pixelRatio = 1;
  let scenes: Scene[] = [];
  let labels: AxisLabelPrimitive[] = [];
  let staticFrom: readonly Scene[] | null = null;
  let staticLabels: AxisLabelPrimitive[] = [];
  let taken: readonly Box[] = [];
  let clip = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  let layout: AxisLayout = { paneWidth: 0, paneHeight: 0, priceAxisWidth: 0, timeAxisHeight: 0 };
  const shape = new Shape({
    listening: false,
    sceneFunc: (ctx) => {
      // Levels, the expiry and the active drawings' labels placed by core around the static ones.
      const c = ctx._context;
      const placed = declutterScenes(scenes, { area: clip, measure: canvasMeasure(c, cache), taken });
      paintScenes(c, placed.scenes, clip, pixelRatio, cache);
      paintAxisLabels(ctx._context, labels, layout, cache);
    },
  });
  const marquee = new Rect({
    listening: false,
    visible: false,
    fill: MARQUEE_FILL,
    stroke: HANDLE_STROKE,
    strokeWidth: 1,
    dash: [4, 3],
  });
  const handles: Circle[] = [];
  layer.add(shape, marquee);

  const showHandles = (list: readonly HandlePrimitive[], radius: number): void => {
    while (handles.length < list.length) {
      const c = new Circle({
        listening: false,
        fill: HANDLE_FILL,
        stroke: HANDLE_STROKE,
        strokeWidth: 1.5,
        perfectDrawEnabled: false,
      });
      handles.push(c);
      layer.add(c);
    }
    handles.forEach((c, i) => {
      const h = list[i];
      c.visible(h !== undefined);
      if (h) c.setAttrs({ x: h.x, y: h.y, radius: h.radius || radius });
    });
  };

  return {
    update(f) {
      const { state, viewport } = f;
      if (f.pixelRatio !== pixelRatio) {
        pixelRatio = f.pixelRatio;
        layer.getCanvas().setPixelRatio(pixelRatio);
      }
      layout = f.layout;
      taken = f.staticLabels;
      clip = { minX: 0, minY: 0, maxX: f.layout.paneWidth, maxY: f.layout.paneHeight };
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
      scenes = [...levels, ...expiry, ...active];
      // Levels, the expiry and hovered/selected drawings always label the axes; committed
      // drawings only while they are few — hundreds of stacked labels would bury the axis.
      if (f.staticScenes !== staticFrom) {
        staticFrom = f.staticScenes;
        staticLabels = [];
        for (const s of f.staticScenes)
          for (const p of s.primitives) if (p.type === 'axis-label') staticLabels.push(p);
        if (staticLabels.length > MAX_STATIC_AXIS_LABELS) staticLabels = [];
      }
      labels = [...staticLabels];
      for (const s of scenes) for (const p of s.primitives) if (p.type === 'axis-label') labels.push(p);
      // The selected drawings' points tagged on both axes in their colour (issue 17 item 4).
      for (const d of f.drawings)
        if (state.selection.includes(d.id))
          labels.push(...selectionAxisTags(d, viewport, { formatPrice: f.formatPrice }));
      const handlePrims: HandlePrimitive[] = [];
      for (const s of active) for (const p of s.primitives) if (p.type === 'handle') handlePrims.push(p);
      showHandles(handlePrims, f.handleRadius);
      const tool = state.toolState;
      if (tool.type === 'marquee') {
        marquee.setAttrs({
          visible: true,
          x: Math.min(tool.x0, tool.x1),
          y: Math.min(tool.y0, tool.y1),
          width: Math.abs(tool.x1 - tool.x0),
          height: Math.abs(tool.y1 - tool.y0),
        });
      } else marquee.visible(false);
      // An empty layer is hidden rather than cleared: a hidden canvas costs the compositor
      // nothing, while a cleared one is still uploaded and blended over the chart every frame.
      const empty =
        scenes.length === 0 && labels.length === 0 && handlePrims.length === 0 && tool.type !== 'marquee';
      if (empty) {
        if (layer.visible()) layer.visible(false);
        return;
      }
      if (!layer.visible()) layer.visible(true);
      layer.draw();
    },
  };
}
