// The painter's cost cuts (one box for touching bands, wide opaque strokes one subpath at a
// time) must not change a single pixel's meaning: bands stay single-coverage, crossings stay opaque.
import { describe, expect, it } from 'vitest';
import type { Primitive, Scene, Stroke } from '../../../src/core/scene';
import { isOpaque, paintScenes, TextWidthCache } from '../../../src/render/scene-painter';

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
const box = (x0: number, y0: number, x1: number, y1: number, fill: string): Primitive => ({
  type: 'polygon',
  points: [x0, y0, x1, y0, x1, y1, x0, y1],
  fill,
});

describe('paintScenes cost cuts', () => {
  it('paints touching translucent bands with one coverage: the seam pixel equals a band-middle pixel', () => {
    const ctx = canvas(100, 100);
    const fill = '#0000ff80';
    // Bands listed bottom-up and top-down, as Fibonacci levels of either direction are.
    const stats = paintScenes(
      ctx,
      [
        scene('up', [box(10, 20, 40, 30, fill), box(10, 30, 40, 50, fill), box(10, 50, 40, 60, fill)]),
        scene('down', [box(60, 50, 90, 60, fill), box(60, 30, 90, 50, fill), box(60, 20, 90, 30, fill)]),
      ],
      clip,
      1,
      new TextWidthCache(),
    );
    expect(stats.fillBatches).toBe(1);
    for (const x of [25, 75]) {
      const middle = pixel(ctx, x, 40);
      expect(middle[3]).toBeGreaterThan(120);
      expect(middle[3]).toBeLessThan(136);
      expect(pixel(ctx, x, 30)).toEqual(middle);
      expect(pixel(ctx, x, 50)).toEqual(middle);
      expect(pixel(ctx, x, 19)[3]).toBe(0);
      expect(pixel(ctx, x, 60)[3]).toBe(0);
    }
  });

  it('keeps an overlapping (not touching) band as its own box: its overlap is still covered once', () => {
    const ctx = canvas(100, 100);
    const fill = '#0000ff80';
    paintScenes(
      ctx,
      [scene('a', [box(10, 20, 40, 50, fill), box(10, 40, 40, 30, fill), box(10, 45, 40, 70, fill)])],
      clip,
      1,
      new TextWidthCache(),
    );
    const one = pixel(ctx, 25, 25);
    // The middle box is listed bottom-up; it must neither darken nor punch a hole.
    expect(pixel(ctx, 25, 35)).toEqual(one);
    expect(pixel(ctx, 25, 47)).toEqual(one);
    expect(pixel(ctx, 25, 65)).toEqual(one);
    expect(pixel(ctx, 25, 71)[3]).toBe(0);
  });

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
