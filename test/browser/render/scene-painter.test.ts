import { describe, expect, it } from 'vitest';
import type { Primitive, Scene, Stroke } from '../../../src/core/scene';
import { crisp, paintScenes, TextWidthCache } from '../../../src/render/scene-painter';

const RED: Stroke = { color: '#ff0000', width: 1, dash: [], lineStyle: 'SOLID' };
const BLUE: Stroke = { color: '#0000ff', width: 2, dash: [], lineStyle: 'SOLID' };

function canvas(w: number, h: number, pr = 1) {
  const c = document.createElement('canvas');
  c.width = w * pr;
  c.height = h * pr;
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  ctx.scale(pr, pr);
  return ctx;
}
const scene = (
  id: string,
  primitives: Primitive[],
  bbox = { minX: 0, minY: 0, maxX: 100, maxY: 100 },
): Scene => ({
  id,
  primitives,
  bbox,
});
const pixel = (ctx: CanvasRenderingContext2D, x: number, y: number) =>
  Array.from(ctx.getImageData(x, y, 1, 1).data);
const clip = { minX: 0, minY: 0, maxX: 100, maxY: 100 };

describe('crisp', () => {
  it('centres odd device widths on half pixels and even ones on whole pixels', () => {
    expect(crisp(10.3, 1, 1)).toBe(10.5);
    expect(crisp(10.7, 2, 1)).toBe(11);
    expect(crisp(10.3, 1, 2)).toBe(10.5);
    expect(crisp(10.3, 1.5, 2)).toBe(10.25);
  });
});

describe('paintScenes', () => {
  it('paints a 1 px horizontal line into exactly one opaque pixel row', () => {
    const ctx = canvas(100, 100);
    paintScenes(
      ctx,
      [scene('a', [{ type: 'segment', x1: 0, y1: 20.3, x2: 100, y2: 20.3, stroke: RED }])],
      clip,
      1,
      new TextWidthCache(),
    );
    expect(pixel(ctx, 50, 20)).toEqual([255, 0, 0, 255]);
    expect(pixel(ctx, 50, 19)[3]).toBe(0);
    expect(pixel(ctx, 50, 21)[3]).toBe(0);
  });

  it('paints a 1 px vertical line sharp on a 2× canvas (two device pixels wide)', () => {
    const ctx = canvas(100, 100, 2);
    paintScenes(
      ctx,
      [scene('a', [{ type: 'segment', x1: 30.2, y1: 0, x2: 30.2, y2: 100, stroke: RED }])],
      clip,
      2,
      new TextWidthCache(),
    );
    // 30.2 css → device 60.4 → centre snapped to 60: device columns 59 and 60 fully red.
    expect(pixel(ctx, 59, 50)).toEqual([255, 0, 0, 255]);
    expect(pixel(ctx, 60, 50)).toEqual([255, 0, 0, 255]);
    expect(pixel(ctx, 58, 50)[3]).toBe(0);
    expect(pixel(ctx, 61, 50)[3]).toBe(0);
  });

  it('batches strokes of one style across scenes and culls scenes outside the pane', () => {
    const ctx = canvas(100, 100);
    const seg = (y: number, stroke: Stroke): Primitive => ({
      type: 'segment',
      x1: 0,
      y1: y,
      x2: 50,
      y2: y,
      stroke,
    });
    const stats = paintScenes(
      ctx,
      [
        scene('a', [seg(10, RED), seg(20, BLUE)]),
        scene('b', [seg(30, RED)]),
        scene('c', [seg(40, RED)]),
        scene('off', [seg(500, RED)], { minX: 0, minY: 480, maxX: 50, maxY: 520 }),
      ],
      clip,
      1,
      new TextWidthCache(),
    );
    expect(stats).toEqual({ scenes: 3, culled: 1, strokeBatches: 2, fillBatches: 0, texts: 0 });
    expect(pixel(ctx, 25, 30)).toEqual([255, 0, 0, 255]);
    expect(pixel(ctx, 25, 40)).toEqual([255, 0, 0, 255]);
  });

  it('paints fills under strokes and clips to the pane box', () => {
    const ctx = canvas(100, 100);
    paintScenes(
      ctx,
      [
        scene('line', [{ type: 'segment', x1: 0, y1: 50, x2: 100, y2: 50, stroke: RED }]),
        scene('box', [{ type: 'polygon', points: [10, 40, 90, 40, 90, 60, 10, 60], fill: '#00ff00' }]),
      ],
      { minX: 0, minY: 0, maxX: 80, maxY: 100 },
      1,
      new TextWidthCache(),
    );
    expect(pixel(ctx, 50, 50)).toEqual([255, 0, 0, 255]);
    expect(pixel(ctx, 50, 45)).toEqual([0, 255, 0, 255]);
    expect(pixel(ctx, 85, 45)[3]).toBe(0);
  });

  it('draws text as text: a markup-looking label is painted, never parsed', () => {
    const ctx = canvas(200, 40);
    const stats = paintScenes(
      ctx,
      [
        scene('t', [
          {
            type: 'text',
            x: 10,
            y: 20,
            text: '<img src=x onerror=alert(1)>',
            color: '#000000',
            fontSize: 12,
            align: 'left',
            baseline: 'middle',
            background: '#ffff00',
          },
        ]),
      ],
      { minX: 0, minY: 0, maxX: 200, maxY: 40 },
      1,
      new TextWidthCache(),
    );
    expect(stats.texts).toBe(1);
    expect(pixel(ctx, 8, 20)).toEqual([255, 255, 0, 255]);
    expect(document.querySelector('img[src=x]')).toBeNull();
  });

  it('with declutter, moves a label that would overlap one already painted (core declutterScenes), and leaves out labels off the pane', () => {
    const label = (x: number, y: number, text: string): Primitive => ({
      type: 'text',
      x,
      y,
      text,
      color: '#000000',
      fontSize: 11,
      align: 'left',
      baseline: 'middle',
    });
    const scenes = [
      scene('a', [label(10, 20, '0.618 (1.34512)')]),
      scene('b', [label(14, 24, '0.5 (1.34400)')]),
    ];
    const far = scene('c', [label(10, 300, 'off')]);
    const box = { minX: 0, minY: 0, maxX: 200, maxY: 100 };
    // Ink in the rows 35–45: where "b" lands after one step down (up is taken by "a" and the pane's top).
    const inkAt40 = (ctx: CanvasRenderingContext2D) => {
      const data = ctx.getImageData(0, 35, 200, 10).data;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) return true;
      return false;
    };
    const on = canvas(200, 100);
    expect(paintScenes(on, [...scenes, far], box, 1, new TextWidthCache(), true).texts).toBe(2);
    expect(inkAt40(on)).toBe(true);
    const off = canvas(200, 100);
    expect(paintScenes(off, [...scenes, far], box, 1, new TextWidthCache(), false).texts).toBe(2);
    expect(inkAt40(off)).toBe(false);
  });
});
