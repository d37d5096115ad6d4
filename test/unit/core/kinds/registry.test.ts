import { describe, expect, it } from 'vitest';
import { createViewport } from '../../../../src/core/create-viewport';
import type { Drawing, Line } from '../../../../src/core/drawing';
import { DRAWING_KINDS, POINT_COUNT } from '../../../../src/core/drawing';
import {
  BEHAVIOURS,
  behaviourOf,
  createDrawing,
  createDrawingWithOptions,
  drawingBbox,
  drawingHandles,
  drawingScene,
  hitDrawing,
  moveDrawing,
  moveDrawingHandle,
} from '../../../../src/core/kinds/registry';
import { resolveStyle } from '../../../../src/core/style';
import { price, type UtcSeconds, utcSeconds } from '../../../../src/core/units';
import { at, testViewport } from '../test-viewport';

const vp = testViewport();

describe('registry', () => {
  it('maps every kind to a behaviour of that kind with its point count', () => {
    for (const kind of DRAWING_KINDS) {
      expect(BEHAVIOURS[kind].kind).toBe(kind);
      expect(BEHAVIOURS[kind].pointCount).toBe(POINT_COUNT[kind]);
    }
  });
  it('createDrawing builds each kind and names the kind in the point-count error', () => {
    const line = createDrawing('LINE', 'l', [at(0, 0), at(10, 10)], { color: '#000000' });
    expect(line).toMatchObject({ kind: 'LINE', id: 'l', style: { color: '#000000' }, extendRight: false });
    expect(createDrawing('PARALLEL', 'p', [at(0, 0), at(1, 1), at(2, 2)]).showMidline).toBe(true);
    expect(() => createDrawing('FIBONACCI_RETRACEMENT', 'f', [at(0, 0)])).toThrow(
      'FIBONACCI_RETRACEMENT: needs exactly 2 points, got 1',
    );
  });
  it('dispatchers delegate to the kind of the drawing', () => {
    const drawings: Drawing[] = [
      createDrawing('HORIZONTAL_LINE', 'h', [at(100, 50)]),
      createDrawing('RECTANGLE', 'r', [at(100, 100), at(200, 200)]),
    ];
    const [h, r] = drawings as [Drawing, Drawing];
    expect(behaviourOf(r)).toBe(BEHAVIOURS.RECTANGLE);
    expect(drawingHandles(h, vp)).toHaveLength(1);
    expect(drawingHandles(r, vp)).toHaveLength(8);
    expect(drawingBbox(r, vp)).toEqual({ minX: 100, minY: 100, maxX: 200, maxY: 200 });
    expect(hitDrawing(h, vp, { x: 500, y: 52 }, 3)).toEqual({ distance: 2, part: { type: 'body' } });
    expect(moveDrawing(r, vp, 10, 0).points).toEqual([at(110, 100), at(210, 200)]);
    expect(moveDrawingHandle(r, vp, 2, at(250, 250)).points).toEqual([at(100, 100), at(250, 250)]);
  });
  it('drawingScene resolves the drawing style unless one is given', () => {
    const r = createDrawing('RECTANGLE', 'r', [at(100, 100), at(200, 200)], { fillColor: '#00FF0033' });
    expect(drawingScene(r, vp).primitives[0]).toMatchObject({ fill: '#00FF0033' });
    const forced = drawingScene(r, vp, resolveStyle('RECTANGLE', { fillColor: '#123456' }), {
      selected: true,
    });
    expect(forced.primitives[0]).toMatchObject({ fill: '#12345640' });
    expect(forced.primitives).toHaveLength(9);
  });
  it('move goes through the viewport, so a drag across a weekend gap moves by bars, not seconds', () => {
    // 10 five-minute bars on Friday, then 10 on Monday; 10 px per bar.
    const friday = 1_767_348_000;
    const monday = friday + 3 * 86_400;
    const times: UtcSeconds[] = [];
    for (let i = 0; i < 10; i++) times.push(utcSeconds(friday + i * 300));
    for (let i = 0; i < 10; i++) times.push(utcSeconds(monday + i * 300));
    const gapped = createViewport({
      times,
      width: 200,
      height: 100,
      logicalRange: { from: 0, to: 20 },
      priceRange: { min: 0, max: 100 },
    });
    const line: Line = createDrawing('LINE', 'l', [
      { time: times[8]!, price: price(50) },
      { time: times[11]!, price: price(60) },
    ]);
    const moved = moveDrawing(line, gapped, 10, 0);
    expect(moved.points.map((p) => p.time)).toEqual([times[9], times[12]]);
    expect(moved.points.map((p) => p.price)).toEqual([50, 60]);
    const back = moveDrawing(moved, gapped, -20, 0);
    expect(back.points.map((p) => p.time)).toEqual([times[7], times[10]]);
  });
  it('createDrawingWithOptions takes the options given, the kind defaults for the rest, and ignores foreign ones', () => {
    const line = createDrawingWithOptions(
      'LINE',
      'l',
      [at(0, 0), at(10, 10)],
      {},
      {
        endHead: 'ARROW',
        extendLeft: true,
        showMidline: false,
        levels: [0.5],
      },
    );
    expect(line).toEqual({
      kind: 'LINE',
      id: 'l',
      points: [at(0, 0), at(10, 10)],
      style: {},
      startHead: 'NONE',
      endHead: 'ARROW',
      extendLeft: true,
      extendRight: false,
    });
    const parallel = createDrawingWithOptions('PARALLEL', 'p', [at(0, 0), at(1, 1), at(2, 2)], {}, {});
    expect([parallel.extendLeft, parallel.extendRight, parallel.showMidline]).toEqual([false, false, true]);
    expect(() => createDrawingWithOptions('RECTANGLE', 'r', [at(0, 0)], {}, {})).toThrow(
      'RECTANGLE: needs exactly 2 points, got 1',
    );
  });
  it('createDrawingWithOptions copies Fibonacci levels instead of aliasing the input', () => {
    const levels = [0, 0.5, 1];
    const fib = createDrawingWithOptions('FIBONACCI_RETRACEMENT', 'f', [at(0, 0), at(1, 1)], {}, { levels });
    levels.push(2);
    expect(fib.levels).toEqual([0, 0.5, 1]);
    expect(fib.extendRight).toBe(false);
  });
});
