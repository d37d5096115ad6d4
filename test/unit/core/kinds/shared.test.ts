import { describe, expect, it } from 'vitest';
import {
  bodyHit,
  formatterOf,
  movePoint,
  NearestPart,
  nearestHandle,
  primitivesBox,
  strokeOf,
  toChart,
} from '../../../../src/core/kinds/shared';
import type { Primitive } from '../../../../src/core/scene';
import { resolveStyle } from '../../../../src/core/style';
import { at, testViewport } from '../test-viewport';

const vp = testViewport();
const stroke = strokeOf(resolveStyle('LINE', {}));

describe('kind helpers', () => {
  it('formatterOf without options: 5 decimals below 10, else 2', () => {
    const format = formatterOf(undefined);
    expect([format(1.234567), format(9.99999), format(1234.5)]).toEqual(['1.23457', '9.99999', '1234.50']);
  });
  it('formatterOf without options formats negatives like level labels (core formatPrice)', () => {
    const format = formatterOf({});
    expect([format(-37.63), format(-1.5), format(-0.000001)]).toEqual(['-37.63', '-1.50000', '0.00000']);
  });
  it('formatterOf prefers SceneOptions.formatPrice', () => {
    expect(formatterOf({ formatPrice: (p) => `$${p}` })(2)).toBe('$2');
  });
  it('movePoint keeps the untouched coordinate bit-for-bit', () => {
    const p = { time: at(123.456, 0).time, price: at(0, 77.7).price };
    expect(movePoint(vp, p, 0, 10).time).toBe(p.time);
    expect(movePoint(vp, p, 10, 0).price).toBe(p.price);
    expect(toChart(vp, { x: 10, y: 20 })).toEqual(at(10, 20));
  });
  it('strokeOf resolves the dash pattern and lets callers override style and colour', () => {
    expect(stroke).toEqual({ color: '#2962FF', width: 2, dash: [], lineStyle: 'SOLID' });
    expect(strokeOf(resolveStyle('LINE', {}), 'DOTTED', '#000')).toEqual({
      color: '#000',
      width: 2,
      dash: [2, 4],
      lineStyle: 'DOTTED',
    });
  });
  it('nearestHandle picks the nearest within tolerance; ties keep the lower index', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 4, y: 0 },
    ];
    expect(nearestHandle(pts, { x: 7, y: 0 }, 5)).toEqual({
      distance: 3,
      part: { type: 'handle', index: 1 },
    });
    expect(nearestHandle(pts, { x: 2, y: 0 }, 5)).toEqual({
      distance: 2,
      part: { type: 'handle', index: 0 },
    });
    expect(nearestHandle(pts, { x: 4, y: 5 }, 5)).toEqual({
      distance: 5,
      part: { type: 'handle', index: 2 },
    });
    expect(nearestHandle(pts, { x: 4, y: 5.1 }, 5)).toBeNull();
  });
  it('NearestPart keeps the first of equal distances; bodyHit respects the tolerance', () => {
    const levels = new NearestPart('level', 5);
    levels.offer(0, 6);
    levels.offer(1, 2);
    levels.offer(2, 2);
    expect(levels.hit()).toEqual({ distance: 2, part: { type: 'level', index: 1 } });
    expect(new NearestPart('edge', 1).hit()).toBeNull();
    expect([bodyHit(0, 0), bodyHit(1.5, 1)]).toEqual([{ distance: 0, part: { type: 'body' } }, null]);
  });
  it('primitivesBox pads strokes and handles, estimates text and skips axis labels', () => {
    const prims: Primitive[] = [
      { type: 'segment', x1: 10, y1: 10, x2: 20, y2: 10, stroke },
      { type: 'polyline', points: [0, 30, 5, 35], stroke },
      { type: 'polygon', points: [40, 40, 50, 40, 50, 50], fill: '#fff' },
      { type: 'handle', x: 60, y: 0, index: 0, radius: 5 },
      { type: 'axis-label', axis: 'price', at: 999, text: 'x', background: '#000', color: '#fff' },
    ];
    expect(primitivesBox(prims)).toEqual({ minX: -1, minY: -5, maxX: 65, maxY: 50 });
    // 'abc' at font 10 → 18 px wide, 10 px tall; centred on (100, 100)
    const text: Primitive = {
      type: 'text',
      x: 100,
      y: 100,
      text: 'abc',
      color: '#000',
      fontSize: 10,
      align: 'center',
      baseline: 'middle',
    };
    expect(primitivesBox([text])).toEqual({ minX: 91, minY: 95, maxX: 109, maxY: 105 });
    expect(primitivesBox([{ ...text, align: 'left', baseline: 'top' }])).toEqual({
      minX: 100,
      minY: 100,
      maxX: 118,
      maxY: 110,
    });
    expect(primitivesBox([])).toEqual({ minX: 0, minY: 0, maxX: 0, maxY: 0 });
  });
});
