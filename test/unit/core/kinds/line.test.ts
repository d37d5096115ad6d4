import { describe, expect, it } from 'vitest';
import type { Line } from '../../../../src/core/drawing';
import { line } from '../../../../src/core/kinds/line';
import { resolveStyle } from '../../../../src/core/style';
import { at, testViewport } from '../test-viewport';

const vp = testViewport();
const d = line.create('l1', [at(100, 300), at(300, 100)]); // the line x + y = 400
const style = resolveStyle('LINE', {});
const extended = (left: boolean, right: boolean): Line => ({ ...d, extendLeft: left, extendRight: right });

describe('LINE', () => {
  it('create fills defaults and rejects a wrong point count', () => {
    expect(d).toEqual({
      kind: 'LINE',
      id: 'l1',
      points: [at(100, 300), at(300, 100)],
      style: {},
      startHead: 'NONE',
      endHead: 'NONE',
      extendLeft: false,
      extendRight: false,
    });
    expect(() => line.create('l', [at(0, 0)])).toThrow('LINE: needs exactly 2 points, got 1');
  });
  it('has handles 0 and 1 at the points', () => {
    expect(line.handles(d, vp)).toEqual([
      { x: 100, y: 300, index: 0, cursor: 'nesw-resize' },
      { x: 300, y: 100, index: 1, cursor: 'nesw-resize' },
    ]);
  });
  it('bbox is the segment, or the extension clipped to the pane', () => {
    expect(line.bbox(d, vp)).toEqual({ minX: 100, minY: 100, maxX: 300, maxY: 300 });
    expect(line.bbox(extended(false, true), vp)).toEqual({ minX: 100, minY: 0, maxX: 400, maxY: 300 });
    expect(line.bbox(extended(true, false), vp)).toEqual({ minX: 0, minY: 100, maxX: 300, maxY: 400 });
  });
  it('bbox includes arrow heads', () => {
    const flat = line.create('f', [at(100, 200), at(300, 200)]);
    // 12 px arrow on a 2 px line: base corners 12 px back from the tip, 6 px either side
    expect(line.bbox({ ...flat, endHead: 'ARROW' }, vp)).toEqual({
      minX: 100,
      minY: 194,
      maxX: 300,
      maxY: 206,
    });
  });
  it('hit: handle beats the body, body is the perpendicular distance', () => {
    expect(line.hit(d, vp, { x: 103, y: 296 }, 6)).toEqual({
      distance: 5,
      part: { type: 'handle', index: 0 },
    });
    expect(line.hit(d, vp, { x: 200, y: 200 }, 5)).toEqual({ distance: 0, part: { type: 'body' } });
    const h = line.hit(d, vp, { x: 210, y: 210 }, 15)!;
    expect(h.part).toEqual({ type: 'body' });
    expect(h.distance).toBeCloseTo(20 / Math.SQRT2, 9);
    expect(line.hit(d, vp, { x: 210, y: 210 }, 5)).toBeNull();
  });
  it('hit follows the extension: past p1 only when extendRight', () => {
    expect(line.hit(d, vp, { x: 350, y: 50 }, 5)).toBeNull();
    expect(line.hit(extended(false, true), vp, { x: 350, y: 50 }, 5)).toEqual({
      distance: 0,
      part: { type: 'body' },
    });
    expect(line.hit(extended(false, true), vp, { x: 50, y: 350 }, 5)).toBeNull();
  });
  it('move shifts both points by the pixel delta', () => {
    expect(line.move(d, vp, 10, -20).points).toEqual([at(110, 280), at(310, 80)]);
  });
  it('moveHandle sets only the dragged point; index 2 throws', () => {
    expect(line.moveHandle(d, vp, 1, at(500, 50)).points).toEqual([at(100, 300), at(500, 50)]);
    expect(line.moveHandle(d, vp, 0, at(0, 0)).points).toEqual([at(0, 0), at(300, 100)]);
    expect(() => line.moveHandle(d, vp, 2, at(0, 0))).toThrow(
      'LINE.moveHandle: index must be an integer in 0..1, got 2',
    );
  });
  it('scene: one segment, no handles unless selected', () => {
    const scene = line.scene(d, vp, style);
    expect(scene.primitives).toEqual([
      {
        type: 'segment',
        x1: 100,
        y1: 300,
        x2: 300,
        y2: 100,
        stroke: { color: '#2962FF', width: 2, dash: [], lineStyle: 'SOLID' },
      },
    ]);
    expect(scene.bbox).toEqual({ minX: 99, minY: 99, maxX: 301, maxY: 301 });
    const selected = line.scene(d, vp, style, { selected: true, handleRadius: 8 });
    expect(selected.primitives.slice(1)).toEqual([
      { type: 'handle', x: 100, y: 300, index: 0, radius: 8 },
      { type: 'handle', x: 300, y: 100, index: 1, radius: 8 },
    ]);
  });
  it('scene: extended both ways reaches the pane corners', () => {
    const [seg] = line.scene(extended(true, true), vp, style).primitives;
    expect(seg).toMatchObject({ x1: 0, y1: 400, x2: 400, y2: 0 });
  });
  it('scene: arrow heads are filled triangles at the points', () => {
    const scene = line.scene({ ...d, startHead: 'ARROW', endHead: 'ARROW' }, vp, style);
    expect(scene.primitives.map((p) => p.type)).toEqual(['segment', 'polygon', 'polygon']);
    const k = 12 * Math.SQRT1_2;
    const h = 6 * Math.SQRT1_2;
    const end = scene.primitives[2]!;
    if (end.type !== 'polygon') throw new Error('expected a polygon');
    expect(end.fill).toBe('#2962FF');
    const expected = [300, 100, 300 - k + h, 100 + k + h, 300 - k - h, 100 + k - h];
    end.points.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i]!, 9);
    });
    const start = scene.primitives[1]!;
    if (start.type !== 'polygon') throw new Error('expected a polygon');
    expect(start.points.slice(0, 2)).toEqual([100, 300]);
  });
  it('scene: a vertical extended line spans the pane height; an unreachable extension draws the segment', () => {
    const vertical = { ...line.create('v', [at(50, 100), at(50, 200)]), extendLeft: true, extendRight: true };
    expect(line.scene(vertical, vp, style).primitives[0]).toMatchObject({ x1: 50, y1: 0, x2: 50, y2: 400 });
    const off = { ...line.create('o', [at(-100, -50), at(-50, -100)]), extendRight: true };
    const scene = line.scene(off, vp, style);
    expect(scene.primitives[0]).toMatchObject({ x1: -100, y1: -50, x2: -50, y2: -100 });
    expect(scene.bbox).toEqual({ minX: -101, minY: -101, maxX: -49, maxY: -49 });
  });
});
