// The interactive layer on Konva: the hovered, selected and in-placement drawings, their handles,
// the levels and expiry marker, the marquee and every axis label. It holds a handful of nodes and
// is repainted every frame something moves, so it stays cheap. What it shows is worked out in
// active-content.ts, which the plain canvas before this chunk arrives paints too.
import type { Layer } from 'konva/lib/Layer';
import { Shape } from 'konva/lib/Shape';
import { Circle } from 'konva/lib/shapes/Circle';
import { Rect } from 'konva/lib/shapes/Rect';
import type { HandlePrimitive } from '../core/scene';
import type { TextWidthCache } from '../render/scene-painter';
import {
  type ActiveContent,
  ActiveContentBuilder,
  type ActivePaint,
  HANDLE_FILL,
  HANDLE_STROKE,
  HANDLE_STROKE_WIDTH,
  MARQUEE_DASH,
  MARQUEE_FILL,
  paintActiveScenes,
} from './active-content';

/** Sets up the interactive layer's nodes on `layer`. */
export function paintActive(layer: Layer, cache: TextWidthCache): ActivePaint {
  const builder = new ActiveContentBuilder();
  // 0: the first frame sets the canvas to the overlay's ratio, whatever Konva's default was.
  let pixelRatio = 0;
  let content: ActiveContent | null = null;
  const shape = new Shape({
    listening: false,
    sceneFunc: (ctx) => {
      if (content) paintActiveScenes(ctx._context, content, pixelRatio, cache);
    },
  });
  const marquee = new Rect({
    listening: false,
    visible: false,
    fill: MARQUEE_FILL,
    stroke: HANDLE_STROKE,
    strokeWidth: 1,
    dash: [...MARQUEE_DASH],
  });
  const handles: Circle[] = [];
  layer.add(shape, marquee);

  const showHandles = (list: readonly HandlePrimitive[], radius: number): void => {
    while (handles.length < list.length) {
      const c = new Circle({
        listening: false,
        fill: HANDLE_FILL,
        stroke: HANDLE_STROKE,
        strokeWidth: HANDLE_STROKE_WIDTH,
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
      if (f.pixelRatio !== pixelRatio) {
        pixelRatio = f.pixelRatio;
        layer.getCanvas().setPixelRatio(pixelRatio);
      }
      const next = builder.build(f);
      content = next;
      showHandles(next.handles, f.handleRadius);
      if (next.marquee) marquee.setAttrs({ visible: true, ...next.marquee });
      else marquee.visible(false);
      // An empty layer is hidden rather than cleared: a hidden canvas costs the compositor
      // nothing, while a cleared one is still uploaded and blended over the chart every frame.
      if (next.empty) {
        if (layer.visible()) layer.visible(false);
        return;
      }
      if (!layer.visible()) layer.visible(true);
      layer.draw();
    },
  };
}
