import { describe, expect, it } from 'vitest';
import { DEFAULT_FIB_LEVELS } from '../../../../src/core/drawing';
import { fibonacciRetracement as fib } from '../../../../src/core/kinds/fibonacci-retracement';
import { resolveStyle } from '../../../../src/core/style';
import { at, testViewport } from '../test-viewport';

const vp = testViewport();
// Swing from price 35 at (100, 300) up to price 85 at (300, 100): level r sits at y = 100 + 200·r.
const d = fib.create('f1', [at(100, 300), at(300, 100)]);
const style = resolveStyle('FIBONACCI_RETRACEMENT', {});
const levelY = DEFAULT_FIB_LEVELS.map((r) => 100 + 200 * r);

describe('FIBONACCI_RETRACEMENT', () => {
  it('create fills the default levels and extendRight false; rejects a wrong point count', () => {
    expect(d).toEqual({
      kind: 'FIBONACCI_RETRACEMENT',
      id: 'f1',
      points: [at(100, 300), at(300, 100)],
      style: {},
      levels: [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1],
      extendRight: false,
    });
    expect(() => fib.create('f', [])).toThrow('FIBONACCI_RETRACEMENT: needs exactly 2 points, got 0');
  });
  it('has handles 0 and 1 at the points', () => {
    expect(fib.handles(d, vp)).toEqual([
      { x: 100, y: 300, index: 0, cursor: 'nesw-resize' },
      { x: 300, y: 100, index: 1, cursor: 'nesw-resize' },
    ]);
  });
  it('bbox spans the levels between the points, or to the right edge when extended', () => {
    expect(fib.bbox(d, vp)).toEqual({ minX: 100, minY: 100, maxX: 300, maxY: 300 });
    expect(fib.bbox({ ...d, extendRight: true }, vp)).toEqual({ minX: 100, minY: 100, maxX: 800, maxY: 300 });
  });
  it('hit: handle, then the nearest level, then the banded body', () => {
    expect(fib.hit(d, vp, { x: 305, y: 103 }, 6)).toEqual({
      distance: Math.hypot(5, 3),
      part: { type: 'handle', index: 1 },
    });
    expect(fib.hit(d, vp, { x: 200, y: 202 }, 5)).toEqual({ distance: 2, part: { type: 'level', index: 3 } });
    expect(fib.hit(d, vp, { x: 150, y: 98 }, 5)).toEqual({ distance: 2, part: { type: 'level', index: 0 } });
    const golden = fib.hit(d, vp, { x: 250, y: 225 }, 5)!;
    expect(golden.part).toEqual({ type: 'level', index: 4 });
    expect(golden.distance).toBeCloseTo(1.4, 9);
    expect(fib.hit(d, vp, { x: 200, y: 190 }, 5)).toEqual({ distance: 0, part: { type: 'body' } });
    expect(fib.hit(d, vp, { x: 400, y: 200 }, 5)).toBeNull();
    expect(fib.hit({ ...d, extendRight: true }, vp, { x: 400, y: 200 }, 5)).toEqual({
      distance: 0,
      part: { type: 'level', index: 3 },
    });
  });
  it('hit: outside the levels the dashed trend line still counts as body', () => {
    const half = { ...d, levels: [0.5] };
    expect(fib.hit(half, vp, { x: 150, y: 252 }, 5)!.distance).toBeCloseTo(Math.SQRT2, 9);
    expect(fib.hit(half, vp, { x: 150, y: 252 }, 5)!.part).toEqual({ type: 'body' });
  });
  it('move and moveHandle shift the points', () => {
    expect(fib.move(d, vp, 10, 10).points).toEqual([at(110, 310), at(310, 110)]);
    expect(fib.moveHandle(d, vp, 0, at(50, 350)).points).toEqual([at(50, 350), at(300, 100)]);
    expect(() => fib.moveHandle(d, vp, -1, at(0, 0))).toThrow(
      'FIBONACCI_RETRACEMENT.moveHandle: index must be an integer in 0..1, got -1',
    );
  });
  // TradingView Charting Library, FibretracementLineToolOverrides defaults (level1…level7 coeff/color),
  // https://www.tradingview.com/charting-library-docs/latest/api/interfaces/Charting_Library.FibretracementLineToolOverrides
  const TV_COLORS = ['#808080', '#F23645', '#FF9800', '#4CAF50', '#089981', '#00BCD4', '#808080'];

  it('scene: 6 bands, the dashed trend line, then a segment and a label per level', () => {
    const scene = fib.scene(d, vp, style);
    const types = scene.primitives.map((p) => p.type);
    expect(types).toEqual([
      ...Array(6).fill('polygon'),
      'segment',
      ...Array(7).fill(['segment', 'text']).flat(),
    ]);
    // The band 0 → 0.236 takes 0.236's red at TradingView's 80 % transparency (alpha 0x33).
    expect(scene.primitives[0]).toEqual({
      type: 'polygon',
      points: [100, 100, 300, 100, 300, 147.2, 100, 147.2],
      fill: '#F2364533',
    });
    expect(scene.primitives.slice(0, 6).map((p) => (p.type === 'polygon' ? p.fill : ''))).toEqual(
      TV_COLORS.slice(1).map((c) => `${c}33`),
    );
    expect(scene.primitives[6]).toEqual({
      type: 'segment',
      x1: 100,
      y1: 300,
      x2: 300,
      y2: 100,
      stroke: { color: '#787B86', width: 1, dash: [6, 4], lineStyle: 'DASHED' },
    });
    const levels = scene.primitives.slice(7).filter((p) => p.type === 'segment');
    levels.forEach((p, i) => {
      expect(p).toMatchObject({ x1: 100, x2: 300, stroke: { color: TV_COLORS[i], width: 1, dash: [] } });
      if (p.type === 'segment') expect(p.y1).toBeCloseTo(levelY[i]!, 9);
    });
    const labels = scene.primitives.filter((p) => p.type === 'text');
    expect(labels.map((p) => (p.type === 'text' ? p.text : ''))).toEqual([
      '0 (85.00)',
      '0.236 (73.20)',
      '0.382 (65.90)',
      '0.5 (60.00)',
      '0.618 (54.10)',
      '0.786 (45.70)',
      '1 (35.00)',
    ]);
    expect(labels.map((p) => (p.type === 'text' ? p.color : ''))).toEqual(TV_COLORS);
    // Left of the levels (x = 100), 8 px clear so a handle of radius 5 at the swing point never
    // covers it, centred on the line; the other side is its alternative.
    expect(labels[4]).toMatchObject({
      x: 92,
      align: 'right',
      baseline: 'middle',
      fontSize: 11,
      alternative: { x: 308, align: 'left', baseline: 'middle' },
    });
    if (labels[4]!.type === 'text') expect(labels[4]!.y).toBeCloseTo(223.6, 9);
  });
  it('scene: a ratio TradingView has no colour for takes the drawing colour; 1.618 is blue', () => {
    const scene = fib.scene(
      { ...d, levels: [0.65, 1.618] },
      vp,
      resolveStyle('FIBONACCI_RETRACEMENT', { color: '#123456' }),
    );
    const colors = scene.primitives.flatMap((p) => (p.type === 'text' ? [p.color] : []));
    expect(colors).toEqual(['#123456', '#2962FF']);
  });
  it('scene: showBands false paints no bands; labelSide right puts labels right of the levels', () => {
    const plain = fib.scene({ ...d, showBands: false, labelSide: 'right' }, vp, style);
    expect(plain.primitives.filter((p) => p.type === 'polygon')).toEqual([]);
    expect(plain.primitives.find((p) => p.type === 'text')).toMatchObject({
      x: 308,
      y: 100,
      align: 'left',
      alternative: { x: 92, y: 100, align: 'right' },
    });
    // Extended to the pane edge there is no room beside the levels: right labels sit above the line's end.
    const extended = fib.scene({ ...d, extendRight: true, labelSide: 'right' }, vp, style);
    expect(extended.primitives.find((p) => p.type === 'text')).toMatchObject({
      x: 792,
      y: 98,
      align: 'right',
      baseline: 'bottom',
    });
  });
  it('scene: bands follow ratio order even when levels are listed out of order', () => {
    const shuffled = { ...d, levels: [1, 0, 0.5] };
    const bands = fib.scene(shuffled, vp, style).primitives.filter((p) => p.type === 'polygon');
    expect(bands).toEqual([
      { type: 'polygon', points: [100, 100, 300, 100, 300, 200, 100, 200], fill: '#4CAF5033' },
      { type: 'polygon', points: [100, 200, 300, 200, 300, 300, 100, 300], fill: '#80808033' },
    ]);
  });
  it('scene: a band between levels at or below 0 takes the colour of the lower one', () => {
    // Levels y: -0.5 → 0, 0 → 100, 0.5 → 200; -0.5 has no default colour, so the drawing's (#787B86).
    const below = { ...d, levels: [0.5, -0.5, 0] };
    const bands = fib.scene(below, vp, style).primitives.filter((p) => p.type === 'polygon');
    expect(bands).toEqual([
      { type: 'polygon', points: [100, 0, 300, 0, 300, 100, 100, 100], fill: '#787B8633' },
      { type: 'polygon', points: [100, 100, 300, 100, 300, 200, 100, 200], fill: '#4CAF5033' },
    ]);
  });
  it('scene: extendRight takes levels to the right edge; handles when selected', () => {
    const scene = fib.scene({ ...d, extendRight: true }, vp, style, { selected: true });
    expect(scene.primitives[7]).toMatchObject({ type: 'segment', x1: 100, x2: 800 });
    expect(scene.primitives.filter((p) => p.type === 'handle')).toHaveLength(2);
  });
});
