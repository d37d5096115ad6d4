import { describe, expect, it } from 'vitest';
import { createViewport } from '../../../src/core/create-viewport';
import type { Drawing } from '../../../src/core/drawing';
import { createDrawing, createDrawingWithOptions, drawingScene } from '../../../src/core/kinds/registry';
import type { Scene } from '../../../src/core/scene';
import type { Price, UtcSeconds } from '../../../src/core/units';
import { SceneCache, viewportShape } from '../../../src/konva/overlay-scenes';
import { panRule } from '../../../src/konva/scene-shift';

const HOUR = 3600;
const times = Array.from({ length: 100 }, (_, i) => (1_700_000_000 + i * HOUR) as UtcSeconds);
const pt = (bar: number, price: number) => ({
  time: (1_700_000_000 + bar * HOUR) as UtcSeconds,
  price: price as Price,
});
const view = (from: number, to: number, priceMax = 1.4) =>
  createViewport({
    times,
    width: 800,
    height: 400,
    logicalRange: { from, to },
    priceRange: { min: 1.3, max: priceMax },
  });

const drawings: Drawing[] = [
  createDrawing('HORIZONTAL_LINE', 'h', [pt(10, 1.35)]),
  createDrawing('LINE', 'l', [pt(20, 1.31), pt(60.5, 1.38)]),
  createDrawingWithOptions('LINE', 'ray', [pt(20, 1.31), pt(60, 1.38)], {}, { extendRight: true }),
  createDrawing('RECTANGLE', 'r', [pt(30, 1.32), pt(90, 1.36)]),
  createDrawing('PARALLEL', 'p', [pt(40, 1.33), pt(70, 1.37), pt(50, 1.34)]),
  createDrawing('FIBONACCI_RETRACEMENT', 'f', [pt(45, 1.31), pt(80, 1.39)]),
  // Points after the last bar: x is extrapolated over the logical index, still a pure shift.
  createDrawing('RECTANGLE', 'future', [pt(100, 1.32), pt(130, 1.36)]),
];

/** Numbers of a scene in a fixed order, to compare two scenes to a tolerance. */
function numbers(s: Scene): number[] {
  const out = [s.bbox.minX, s.bbox.minY, s.bbox.maxX, s.bbox.maxY];
  for (const p of s.primitives) {
    if (p.type === 'segment') out.push(p.x1, p.y1, p.x2, p.y2);
    else if (p.type === 'polyline' || p.type === 'polygon') out.push(...p.points);
    else if (p.type === 'text' || p.type === 'handle') out.push(p.x, p.y);
    else out.push(p.at);
  }
  return out;
}

describe('SceneCache on a pure pan', () => {
  it('moves or keeps cached scenes, and they equal freshly built ones within 1e-6 px', () => {
    const cache = new SceneCache();
    const a = view(10, 110);
    cache.scenesOf(drawings, a, viewportShape(a, 1.35));
    expect(cache.last).toEqual({ built: 7, shifted: 0, reused: 0, culled: 0 });
    for (const shift of [3, 17.25, -40]) {
      const b = view(10 + shift, 110 + shift);
      const got = cache.scenesOf(drawings, b, viewportShape(b, 1.35));
      // h unchanged; l, r, p, f, future moved; the extended ray rebuilt (it is clipped to the pane).
      expect(cache.last).toEqual({ built: 1, shifted: 5, reused: 1, culled: 0 });
      got.forEach((scene, i) => {
        const want = drawingScene(drawings[i], b);
        expect(scene.primitives.map((p) => p.type)).toEqual(want.primitives.map((p) => p.type));
        const g = numbers(scene);
        for (const [k, v] of numbers(want).entries()) expect(g[k]).toBeCloseTo(v, 6);
        for (const [j, p] of scene.primitives.entries())
          if (p.type === 'text') expect(p.text).toBe((want.primitives[j] as typeof p).text);
      });
    }
  });

  it('rebuilds everything after a zoom or a price-scale change', () => {
    const cache = new SceneCache();
    const a = view(10, 110);
    cache.scenesOf(drawings, a, viewportShape(a, 1.35));
    const zoom = view(10, 120);
    cache.scenesOf(drawings, zoom, viewportShape(zoom, 1.35));
    expect(cache.last).toEqual({ built: 7, shifted: 0, reused: 0, culled: 0 });
    const rescale = view(10, 120, 1.45);
    cache.scenesOf(drawings, rescale, viewportShape(rescale, 1.35));
    expect(cache.last).toEqual({ built: 7, shifted: 0, reused: 0, culled: 0 });
    cache.scenesOf(drawings, rescale, viewportShape(rescale, 1.35));
    expect(cache.last).toEqual({ built: 0, shifted: 0, reused: 7, culled: 0 });
  });

  it('rebuilds drawings whose scene depends on the pane edges', () => {
    expect(drawings.map(panRule)).toEqual([
      'unchanged',
      'shift',
      'rebuild',
      'shift',
      'shift',
      'shift',
      'shift',
    ]);
    const fib = createDrawingWithOptions(
      'FIBONACCI_RETRACEMENT',
      'fx',
      [pt(1, 1), pt(2, 2)],
      {},
      {
        extendRight: true,
      },
    );
    expect(panRule(fib)).toBe('rebuild');
  });
});

describe('SceneCache culling', () => {
  // view(10, 110): 8 px per bar, so the 256 px margin reaches 32 bars past each edge.
  const far = [
    createDrawing('RECTANGLE', 'left', [pt(-60, 1.32), pt(-23, 1.36)]),
    createDrawing('LINE', 'near-left', [pt(-21, 1.32), pt(-19, 1.36)]),
    createDrawing('RECTANGLE', 'right', [pt(143, 1.32), pt(160, 1.36)]),
    createDrawing('HORIZONTAL_LINE', 'above', [pt(50, 1.45)]),
    createDrawing('HORIZONTAL_LINE', 'just-above', [pt(50, 1.405)]),
    createDrawingWithOptions('LINE', 'ray-in', [pt(-80, 1.32), pt(-70, 1.33)], {}, { extendRight: true }),
  ];

  it('builds no scene for drawings beyond the margin, and keeps paint order of the rest', () => {
    const cache = new SceneCache();
    const a = view(10, 110);
    const got = cache.scenesOf([...drawings, ...far], a, viewportShape(a, 1.35));
    expect(got.map((s) => s.id)).toEqual([
      'h',
      'l',
      'ray',
      'r',
      'p',
      'f',
      'future',
      'near-left',
      'just-above',
      'ray-in',
    ]);
    expect(cache.last).toEqual({ built: 10, shifted: 0, reused: 0, culled: 3 });
  });

  it('builds a culled drawing once a pan brings it near the pane', () => {
    const cache = new SceneCache();
    const a = view(10, 110);
    cache.scenesOf(far, a, viewportShape(a, 1.35));
    const b = view(-50, 50);
    const got = cache.scenesOf(far, b, viewportShape(b, 1.35));
    expect(got.map((s) => s.id)).toEqual(['left', 'near-left', 'just-above', 'ray-in']);
    expect(cache.last).toEqual({ built: 2, shifted: 1, reused: 1, culled: 2 });
    expect(got[0]).toEqual(drawingScene(far[0]!, b));
  });
});
