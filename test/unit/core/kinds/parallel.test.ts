import { describe, expect, it } from 'vitest';
import { parallel } from '../../../../src/core/kinds/parallel';
import { resolveStyle } from '../../../../src/core/style';
import { at, testViewport } from '../test-viewport';

const vp = testViewport();
// Base (100,200)–(300,100), slope −½; p2 (200,250) sits 100 px below the base → parallel (100,300)–(300,200).
const d = parallel.create('p1', [at(100, 200), at(300, 100), at(200, 250)]);
const style = resolveStyle('PARALLEL', {});
const perp = Math.sqrt(1.25); // |(1, ½)|: vertical px per perpendicular px on this slope

describe('PARALLEL', () => {
  it('create fills defaults and rejects a wrong point count', () => {
    expect(d).toMatchObject({ kind: 'PARALLEL', extendLeft: false, extendRight: false, showMidline: true });
    expect(() => parallel.create('p', [at(0, 0), at(1, 1)])).toThrow(
      'PARALLEL: needs exactly 3 points, got 2',
    );
  });
  it('has base handles 0, 1 and parallel handles 2, 3', () => {
    expect(parallel.handles(d, vp)).toEqual([
      { x: 100, y: 200, index: 0, cursor: 'nesw-resize' },
      { x: 300, y: 100, index: 1, cursor: 'nesw-resize' },
      { x: 100, y: 300, index: 2, cursor: 'ns-resize' },
      { x: 300, y: 200, index: 3, cursor: 'ns-resize' },
    ]);
  });
  it('bbox holds both lines', () => {
    expect(parallel.bbox(d, vp)).toEqual({ minX: 100, minY: 100, maxX: 300, maxY: 300 });
  });
  it('hit: handle, then base (edge 0), parallel (edge 1), midline (edge 2), then inside', () => {
    expect(parallel.hit(d, vp, { x: 102, y: 301 }, 5)).toEqual({
      distance: Math.sqrt(5),
      part: { type: 'handle', index: 2 },
    });
    const base = parallel.hit(d, vp, { x: 200, y: 152 }, 5)!;
    expect(base.part).toEqual({ type: 'edge', index: 0 });
    expect(base.distance).toBeCloseTo(2 / perp, 9);
    expect(parallel.hit(d, vp, { x: 200, y: 250 }, 5)).toEqual({
      distance: 0,
      part: { type: 'edge', index: 1 },
    });
    const mid = parallel.hit(d, vp, { x: 200, y: 201 }, 5)!;
    expect(mid.part).toEqual({ type: 'edge', index: 2 });
    expect(mid.distance).toBeCloseTo(1 / perp, 9);
    expect(parallel.hit(d, vp, { x: 200, y: 225 }, 5)).toEqual({ distance: 0, part: { type: 'body' } });
    expect(parallel.hit(d, vp, { x: 350, y: 100 }, 5)).toBeNull();
  });
  it('without a midline a point near it is body, not an edge', () => {
    expect(parallel.hit({ ...d, showMidline: false }, vp, { x: 200, y: 201 }, 5)).toEqual({
      distance: 0,
      part: { type: 'body' },
    });
  });
  it('extendRight widens both lines to where the last one leaves the pane, and the body with them', () => {
    const ext = { ...d, extendRight: true };
    // base leaves the top at x 500 (t 2), the parallel at x 700 (t 3): both drawn to t 3
    expect(parallel.bbox(ext, vp)).toEqual({ minX: 100, minY: -100, maxX: 700, maxY: 300 });
    expect(parallel.hit(ext, vp, { x: 350, y: 100 }, 5)).toEqual({ distance: 0, part: { type: 'body' } });
  });
  it('move shifts all three points', () => {
    expect(parallel.move(d, vp, 5, 6).points).toEqual([at(105, 206), at(305, 106), at(205, 256)]);
  });
  it('moveHandle 2 changes only the offset, keeping p2 at its time', () => {
    // offset at x 150: 320 − 175 = 145 → p2 = (200, 150 + 145)
    const moved = parallel.moveHandle(d, vp, 2, at(150, 320));
    expect(moved.points).toEqual([at(100, 200), at(300, 100), at(200, 295)]);
    expect(
      parallel
        .handles(moved, vp)
        .slice(2)
        .map((h) => [h.x, h.y]),
    ).toEqual([
      [100, 345],
      [300, 245],
    ]);
  });
  it('moveHandle 3 to the current handle 3 is a no-op', () => {
    expect(parallel.moveHandle(d, vp, 3, at(300, 200)).points).toEqual(d.points);
  });
  it('moveHandle 0 moves the base end and keeps the channel width', () => {
    const moved = parallel.moveHandle(d, vp, 0, at(100, 100));
    expect(moved.points).toEqual([at(100, 100), at(300, 100), at(200, 200)]);
  });
  it('a vertical base offsets horizontally', () => {
    const v = parallel.create('v', [at(100, 100), at(100, 300), at(150, 50)]);
    expect(parallel.handles(v, vp).slice(2)).toEqual([
      { x: 150, y: 100, index: 2, cursor: 'ew-resize' },
      { x: 150, y: 300, index: 3, cursor: 'ew-resize' },
    ]);
    expect(parallel.moveHandle(v, vp, 2, at(180, 10)).points[2]).toEqual(at(180, 50));
    expect(parallel.hit(v, vp, { x: 112, y: 200 }, 5)).toEqual({ distance: 0, part: { type: 'body' } });
    expect(parallel.hit(v, vp, { x: 112, y: 310 }, 5)).toBeNull();
  });
  it('moveHandle rejects index 4', () => {
    expect(() => parallel.moveHandle(d, vp, 4, at(0, 0))).toThrow(
      'PARALLEL.moveHandle: index must be an integer in 0..3, got 4',
    );
  });
  it('scene: fill, base, parallel, dashed midline; 4 handles when selected', () => {
    const scene = parallel.scene(d, vp, style);
    const solid = { color: '#2962FF', width: 1, dash: [], lineStyle: 'SOLID' };
    expect(scene.primitives).toEqual([
      { type: 'polygon', points: [100, 200, 300, 100, 300, 200, 100, 300], fill: '#2962FF1F' },
      { type: 'segment', x1: 100, y1: 200, x2: 300, y2: 100, stroke: solid },
      { type: 'segment', x1: 100, y1: 300, x2: 300, y2: 200, stroke: solid },
      {
        type: 'segment',
        x1: 100,
        y1: 250,
        x2: 300,
        y2: 150,
        stroke: { color: '#2962FF', width: 1, dash: [6, 4], lineStyle: 'DASHED' },
      },
    ]);
    expect(scene.bbox).toEqual({ minX: 99.5, minY: 99.5, maxX: 300.5, maxY: 300.5 });
    expect(parallel.scene({ ...d, showMidline: false }, vp, style).primitives).toHaveLength(3);
    expect(parallel.scene(d, vp, style, { selected: true }).primitives).toHaveLength(8);
  });
});
