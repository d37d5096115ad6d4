import { describe, expect, it } from 'vitest';
import { horizontalLine } from '../../../../src/core/kinds/horizontal-line';
import { resolveStyle } from '../../../../src/core/style';
import { price } from '../../../../src/core/units';
import { at, testViewport } from '../test-viewport';

const vp = testViewport();
const d = horizontalLine.create('h1', [at(200, 100)]); // price 85
const style = resolveStyle('HORIZONTAL_LINE', {});

describe('HORIZONTAL_LINE', () => {
  it('create keeps the point and style, and rejects a wrong point count', () => {
    expect(d).toEqual({ kind: 'HORIZONTAL_LINE', id: 'h1', points: [at(200, 100)], style: {} });
    expect(() => horizontalLine.create('h', [at(0, 0), at(1, 1)])).toThrow(
      'HORIZONTAL_LINE: needs exactly 1 points, got 2',
    );
  });
  it('has one handle at (x(time), y(price))', () => {
    expect(horizontalLine.handles(d, vp)).toEqual([{ x: 200, y: 100, index: 0, cursor: 'ns-resize' }]);
  });
  it('bbox spans the pane width at the price', () => {
    expect(horizontalLine.bbox(d, vp)).toEqual({ minX: 0, minY: 100, maxX: 800, maxY: 100 });
  });
  it('hit: handle first, then the vertical distance across the pane (not past its edges), else null', () => {
    expect(horizontalLine.hit(d, vp, { x: 202, y: 101 }, 5)).toEqual({
      distance: Math.hypot(2, 1),
      part: { type: 'handle', index: 0 },
    });
    expect(horizontalLine.hit(d, vp, { x: 700, y: 103 }, 5)).toEqual({ distance: 3, part: { type: 'body' } });
    expect(horizontalLine.hit(d, vp, { x: 700, y: 94 }, 5)).toBeNull();
    expect(horizontalLine.hit(d, vp, { x: 803, y: 100 }, 5)).toEqual({ distance: 3, part: { type: 'body' } });
    expect(horizontalLine.hit(d, vp, { x: 806, y: 100 }, 5)).toBeNull();
  });
  it('move shifts price and time by the pixel delta', () => {
    expect(horizontalLine.move(d, vp, 10, -20).points).toEqual([at(210, 80)]);
  });
  it('moveHandle 0 sets price and time; other indexes throw', () => {
    expect(horizontalLine.moveHandle(d, vp, 0, at(300, 40)).points).toEqual([at(300, 40)]);
    expect(() => horizontalLine.moveHandle(d, vp, 1, at(0, 0))).toThrow(
      'HORIZONTAL_LINE.moveHandle: index must be an integer in 0..0, got 1',
    );
  });
  it('scene: full-width segment, right-end price label, price-axis label', () => {
    const scene = horizontalLine.scene(d, vp, style);
    expect(scene.id).toBe('h1');
    expect(scene.primitives).toEqual([
      {
        type: 'segment',
        x1: 0,
        y1: 100,
        x2: 800,
        y2: 100,
        stroke: { color: '#2962FF', width: 1, dash: [], lineStyle: 'SOLID' },
      },
      {
        type: 'text',
        x: 796,
        y: 98,
        text: '85.00',
        color: '#2962FF',
        fontSize: 11,
        align: 'right',
        baseline: 'bottom',
      },
      { type: 'axis-label', axis: 'price', at: 100, text: '85.00', background: '#2962FF', color: '#FFFFFF' },
    ]);
    // text '85.00' estimated 5 × 0.6 × 11 = 33 px wide, ending at x 796, 11 px tall above y 98
    expect(scene.bbox).toEqual({ minX: -0.5, minY: 87, maxX: 800.5, maxY: 100.5 });
  });
  it('scene uses 5 decimals below 10, SceneOptions.formatPrice when given, and handles when selected', () => {
    const fx = horizontalLine.create('fx', [
      { time: at(0, 0).time, price: price(at(0, 0).price - 108.7654321) },
    ]);
    expect(horizontalLine.scene(fx, vp, style).primitives[1]).toMatchObject({ text: '1.23457' });
    const custom = horizontalLine.scene(d, vp, style, { formatPrice: (p) => `$${p}`, selected: true });
    expect(custom.primitives.map((p) => p.type)).toEqual(['segment', 'text', 'axis-label', 'handle']);
    expect(custom.primitives[2]).toMatchObject({ text: '$85' });
    expect(custom.primitives[3]).toEqual({ type: 'handle', x: 200, y: 100, index: 0, radius: 5 });
    expect(custom.bbox.maxY).toBe(105);
  });
  it('an off-screen line still has a scene, with an off-screen bbox', () => {
    const off = horizontalLine.create('off', [at(100, -50)]);
    const scene = horizontalLine.scene(off, vp, style);
    expect(scene.primitives).toHaveLength(3);
    expect(scene.bbox.maxY).toBe(-49.5);
  });
});
