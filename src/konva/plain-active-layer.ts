// The interactive layer's stand-in until the Konva chunk arrives (interactive-layer.ts): a plain
// canvas sized, placed and scaled as Konva sizes its layer canvas (CSS size × ratio, truncated),
// painting the same scenes and axis labels with the same painter, so the first paint shows the
// levels, the expiry marker, the active drawings and every axis label with the pixels the Konva
// layer paints them with. Handles and the marquee wait for the Konva layer; nothing is hovered or
// selected at mount, so a first paint has none.
import type { TextWidthCache } from '../render/scene-painter';
import { ActiveContentBuilder, type ActivePaint, paintActiveScenes } from './active-content';

/** The stand-in layer: its canvas, its painter, and the removal of the canvas. */
export interface PlainActiveLayer {
  readonly canvas: HTMLCanvasElement;
  readonly paint: ActivePaint;
  destroy(): void;
}

/** A stand-in interactive layer on a canvas of `doc` (the caller puts it in the overlay). */
export function plainActiveLayer(doc: Document, cache: TextWidthCache): PlainActiveLayer {
  const canvas = doc.createElement('canvas');
  // Konva's layer canvas styles, so that both sit on the same device pixels.
  canvas.style.cssText =
    'padding:0;margin:0;border:0;background:transparent;position:absolute;top:0;left:0;display:none';
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('plainActiveLayer: no 2D canvas context');
  const builder = new ActiveContentBuilder();
  return {
    canvas,
    paint: {
      update(f) {
        const content = builder.build(f);
        if (content.empty) {
          canvas.style.display = 'none';
          return;
        }
        canvas.style.display = 'block';
        const ratio = f.pixelRatio;
        const w = Math.floor(content.width * ratio);
        const h = Math.floor(content.height * ratio);
        if (canvas.width !== w || canvas.height !== h) {
          canvas.width = w;
          canvas.height = h;
        }
        if (canvas.style.width !== `${content.width}px` || canvas.style.height !== `${content.height}px`) {
          canvas.style.width = `${content.width}px`;
          canvas.style.height = `${content.height}px`;
        }
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        ctx.clearRect(0, 0, content.width, content.height);
        ctx.save();
        paintActiveScenes(ctx, content, ratio, cache);
        ctx.restore();
      },
    },
    destroy: () => canvas.remove(),
  };
}
