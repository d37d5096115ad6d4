import { describe, expect, it } from 'vitest';
import type { Scene, Stroke } from '../../../src/core/scene';
import { paintScenes } from '../../../src/view/index';

const red: Stroke = { color: '#FF0000', width: 1, dash: [], lineStyle: 'SOLID' };
const hline = (id: string, y: number, x1 = 0, x2 = 100): Scene => ({
  id,
  primitives: [{ type: 'segment', x1, y1: y, x2, y2: y, stroke: red }],
  bbox: { minX: x1, minY: y, maxX: x2, maxY: y },
});

function setup() {
  const canvas = document.createElement('canvas');
  canvas.width = 100;
  canvas.height = 100;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  let strokes = 0;
  const original = ctx.stroke.bind(ctx);
  ctx.stroke = (...args: []) => {
    strokes++;
    original(...args);
  };
  const at = (x: number, y: number) => Array.from(ctx.getImageData(x, y, 1, 1).data);
  return { ctx, at, strokes: () => strokes };
}

const options = {
  width: 100,
  height: 100,
  highlight: null,
  fallbackColor: '#2962FF',
  highlightColor: '#00FF00',
};

describe('paintScenes', () => {
  it('strokes every segment that shares a style in one stroke() and skips scenes off screen', () => {
    const { ctx, at, strokes } = setup();
    const painted = paintScenes(
      ctx,
      [hline('a', 20.5), hline('b', 60.5), hline('off', 20.5, 150, 300)],
      options,
    );
    expect(painted).toBe(2);
    expect(strokes()).toBe(1);
    expect(at(50, 20)).toEqual([255, 0, 0, 255]);
    expect(at(50, 60)).toEqual([255, 0, 0, 255]);
    expect(at(50, 40)).toEqual([0, 0, 0, 0]);
  });

  it('paints a halo behind the highlighted scene only', () => {
    const { ctx, at } = setup();
    paintScenes(ctx, [hline('a', 20.5), hline('b', 60.5)], { ...options, highlight: 'b' });
    expect(at(50, 62)).toEqual([0, 255, 0, 255]);
    expect(at(50, 22)).toEqual([0, 0, 0, 0]);
    expect(at(50, 60)).toEqual([255, 0, 0, 255]);
  });

  it('replaces a colour that is not #hex with the fallback', () => {
    const { ctx, at } = setup();
    const bad: Scene = {
      ...hline('a', 20.5),
      primitives: [
        { ...hline('a', 20.5).primitives[0]!, stroke: { ...red, color: 'url(javascript:x)' } } as never,
      ],
    };
    paintScenes(ctx, [bad], options);
    expect(at(50, 20)).toEqual([0x29, 0x62, 0xff, 255]);
  });
});
