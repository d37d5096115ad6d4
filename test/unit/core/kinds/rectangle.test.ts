import { describe, expect, it } from 'vitest';
import { rectangle } from '../../../../src/core/kinds/rectangle';
import { resolveStyle } from '../../../../src/core/style';
import { at, testViewport } from '../test-viewport';

const vp = testViewport();
// Corners given bottom-right first: p0 = (300, 200), p1 = (100, 50).
const d = rectangle.create('r1', [at(300, 200), at(100, 50)]);
const style = resolveStyle('RECTANGLE', {});

describe('RECTANGLE', () => {
  it('create keeps both corners and rejects a wrong point count', () => {
    expect(d).toEqual({ kind: 'RECTANGLE', id: 'r1', points: [at(300, 200), at(100, 50)], style: {} });
    expect(() => rectangle.create('r', [at(0, 0), at(1, 1), at(2, 2)])).toThrow(
      'RECTANGLE: needs exactly 2 points, got 3',
    );
  });
  it('has 4 corner handles (by point coordinates) and 4 edge midpoints with fitting cursors', () => {
    expect(rectangle.handles(d, vp)).toEqual([
      { x: 300, y: 200, index: 0, cursor: 'nwse-resize' },
      { x: 100, y: 200, index: 1, cursor: 'nesw-resize' },
      { x: 100, y: 50, index: 2, cursor: 'nwse-resize' },
      { x: 300, y: 50, index: 3, cursor: 'nesw-resize' },
      { x: 200, y: 200, index: 4, cursor: 'ns-resize' },
      { x: 100, y: 125, index: 5, cursor: 'ew-resize' },
      { x: 200, y: 50, index: 6, cursor: 'ns-resize' },
      { x: 300, y: 125, index: 7, cursor: 'ew-resize' },
    ]);
  });
  it('swaps the diagonal cursors when the corners run bottom-left to top-right', () => {
    const flipped = rectangle.create('f', [at(100, 200), at(300, 50)]);
    expect(
      rectangle
        .handles(flipped, vp)
        .map((h) => h.cursor)
        .slice(0, 4),
    ).toEqual(['nesw-resize', 'nwse-resize', 'nesw-resize', 'nwse-resize']);
  });
  it('bbox is the normalised rectangle', () => {
    expect(rectangle.bbox(d, vp)).toEqual({ minX: 100, minY: 50, maxX: 300, maxY: 200 });
  });
  it('hit: handle, then edge i, then body (inside = 0), else null', () => {
    expect(rectangle.hit(d, vp, { x: 102, y: 127 }, 5)).toEqual({
      distance: Math.hypot(2, 2),
      part: { type: 'handle', index: 5 },
    });
    expect(rectangle.hit(d, vp, { x: 150, y: 203 }, 5)).toEqual({
      distance: 3,
      part: { type: 'edge', index: 0 },
    });
    expect(rectangle.hit(d, vp, { x: 97, y: 160 }, 5)).toEqual({
      distance: 3,
      part: { type: 'edge', index: 1 },
    });
    expect(rectangle.hit(d, vp, { x: 150, y: 52 }, 5)).toEqual({
      distance: 2,
      part: { type: 'edge', index: 2 },
    });
    expect(rectangle.hit(d, vp, { x: 301, y: 90 }, 5)).toEqual({
      distance: 1,
      part: { type: 'edge', index: 3 },
    });
    expect(rectangle.hit(d, vp, { x: 250, y: 120 }, 5)).toEqual({ distance: 0, part: { type: 'body' } });
    expect(rectangle.hit(d, vp, { x: 400, y: 120 }, 5)).toBeNull();
  });
  it('move shifts both corners', () => {
    expect(rectangle.move(d, vp, -40, 8).points).toEqual([at(260, 208), at(60, 58)]);
  });
  it.each([
    [0, [at(80, 210), at(100, 50)]],
    [1, [at(300, 210), at(80, 50)]],
    [2, [at(300, 200), at(80, 210)]],
    [3, [at(80, 200), at(100, 210)]],
    [4, [at(300, 210), at(100, 50)]],
    [5, [at(300, 200), at(80, 50)]],
    [6, [at(300, 200), at(100, 210)]],
    [7, [at(80, 200), at(100, 50)]],
  ])('moveHandle %i to (80, 210) moves exactly its coordinates', (index, expected) => {
    expect(rectangle.moveHandle(d, vp, index, at(80, 210)).points).toEqual(expected);
  });
  it('moveHandle rejects index 8', () => {
    expect(() => rectangle.moveHandle(d, vp, 8, at(0, 0))).toThrow(
      'RECTANGLE.moveHandle: index must be an integer in 0..7, got 8',
    );
  });
  it('scene: one filled polygon stroked in borderColor; 8 handles when selected', () => {
    const scene = rectangle.scene(d, vp, resolveStyle('RECTANGLE', { borderColor: '#FF0000', lineWidth: 2 }));
    expect(scene.primitives).toEqual([
      {
        type: 'polygon',
        points: [300, 200, 100, 200, 100, 50, 300, 50],
        fill: '#9C27B033',
        stroke: { color: '#FF0000', width: 2, dash: [], lineStyle: 'SOLID' },
      },
    ]);
    expect(scene.bbox).toEqual({ minX: 99, minY: 49, maxX: 301, maxY: 201 });
    const selected = rectangle.scene(d, vp, style, { selected: true });
    expect(selected.primitives.filter((p) => p.type === 'handle')).toHaveLength(8);
  });
});
