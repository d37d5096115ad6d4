// The interactive layer's stand-in until the Konva chunk arrives (interactive-layer.ts): a plain
// canvas sized, placed and scaled as Konva sizes its layer canvas (CSS size × ratio, truncated),
// painting the same scenes and axis labels with the same painter, so the first paint shows the
// levels, the expiry marker, the active drawings and every axis label with the pixels the Konva
// layer paints them with. Handles and the marquee are painted as the Konva nodes paint them
// (active-layer.ts: a Rect, then a Circle per handle, each filled then stroked in its own
// translated frame), so a selection made before the chunk arrives — or after it failed to load —
// shows the handles a press would grab.
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

function paintMarquee(ctx: CanvasRenderingContext2D, m: NonNullable<ActiveContent['marquee']>): void {
  ctx.save();
  ctx.translate(m.x, m.y);
  ctx.beginPath();
  ctx.rect(0, 0, m.width, m.height);
  ctx.closePath();
  ctx.fillStyle = MARQUEE_FILL;
  ctx.fill();
  ctx.setLineDash(MARQUEE_DASH);
  ctx.lineDashOffset = 0;
  ctx.lineWidth = 1;
  ctx.strokeStyle = HANDLE_STROKE;
  ctx.stroke();
  ctx.restore();
}

function paintHandle(ctx: CanvasRenderingContext2D, h: HandlePrimitive, radius: number): void {
  ctx.save();
  ctx.translate(h.x, h.y);
  ctx.beginPath();
  ctx.arc(0, 0, Math.abs(h.radius || radius), 0, Math.PI * 2, false);
  ctx.closePath();
  ctx.fillStyle = HANDLE_FILL;
  ctx.fill();
  ctx.lineWidth = HANDLE_STROKE_WIDTH;
  ctx.strokeStyle = HANDLE_STROKE;
  ctx.stroke();
  ctx.restore();
}

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
        if (content.marquee) paintMarquee(ctx, content.marquee);
        for (const h of content.handles) paintHandle(ctx, h, f.handleRadius);
      },
    },
    destroy: () => canvas.remove(),
  };
}
