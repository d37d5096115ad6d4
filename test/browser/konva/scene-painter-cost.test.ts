// The painter's cost cuts (wide opaque strokes one subpath at a time) must not change a
// pixel's meaning: opaque crossings stay opaque, translucent ones are still covered once.
import { describe, expect, it } from 'vitest';
import type { Primitive, Scene, Stroke } from '../../../src/core/scene';
import { isOpaque, paintScenes, TextWidthCache } from '../../../src/konva/scene-painter';

function canvas(w: number, h: number) {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  return ctx;
}
const pixel = (ctx: CanvasRenderingContext2D, x: number, y: number) =>
  Array.from(ctx.getImageData(x, y, 1, 1).data);
const clip = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
const scene = (id: string, primitives: Primitive[]): Scene => ({ id, primitives, bbox: clip });

describe('paintScenes cost cuts', () => {
  it('paints crossing wide opaque strokes fully opaque, and a translucent wide stroke once at its crossing', () => {
    const ctx = canvas(100, 100);
    const wide: Stroke = { color: '#ff0000', width: 3, dash: [], lineStyle: 'SOLID' };
    const glass: Stroke = { color: '#00ff0080', width: 3, dash: [], lineStyle: 'SOLID' };
    const seg = (x1: number, y1: number, x2: number, y2: number, stroke: Stroke): Primitive => ({
      type: 'segment',
      x1,
      y1,
      x2,
      y2,
      stroke,
    });
    const stats = paintScenes(
      ctx,
      [
        scene('a', [seg(0, 0, 50, 50, wide), seg(50, 0, 0, 50, wide)]),
        scene('b', [seg(50, 60, 100, 100, glass), seg(100, 60, 50, 100, glass)]),
      ],
      clip,
      1,
      new TextWidthCache(),
    );
    expect(stats.strokeBatches).toBe(2);
    expect(pixel(ctx, 25, 25)).toEqual([255, 0, 0, 255]);
    expect(pixel(ctx, 10, 10)).toEqual([255, 0, 0, 255]);
    // The glass lines cross at (75, 80): covered once (alpha 0x80), not twice (about 0xC0).
    const crossing = pixel(ctx, 75, 80)[3];
    expect(crossing).toBeGreaterThan(120);
    expect(crossing).toBeLessThan(136);
  });
});

describe('isOpaque', () => {
  it('tells colours with alpha below 1 from opaque ones', () => {
    expect(['#f00', '#ff0000', '#FF0000FF', 'rgb(1, 2, 3)', 'rgba(1, 2, 3, 1)', 'red'].map(isOpaque)).toEqual(
      [true, true, true, true, true, true],
    );
    expect(['#2962FF33', 'rgba(1, 2, 3, 0.5)', 'transparent', 'hsla(0, 0%, 0%, 0.2)'].map(isOpaque)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
