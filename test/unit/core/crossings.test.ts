// Expected crossings are worked out from the geometry by hand. Bars sit at bar indexes 0, 1, 2,
// then a weekend gap, then 3 and 4; a drawing is straight in bar space, as the chart paints it.
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../../src/core/candles';
import { type Crossing, crossings } from '../../../src/core/crossings';
import type { ChartPoint, Drawing } from '../../../src/core/drawing';
import { createDrawingWithOptions } from '../../../src/core/kinds/registry';
import { createTimeIndex } from '../../../src/core/time-index';
import type { Price, UtcSeconds } from '../../../src/core/units';

const T0 = 1767225600;
const H = 3600;
const TIMES = [T0, T0 + H, T0 + 2 * H, T0 + 50 * H, T0 + 51 * H] as UtcSeconds[];
const index = createTimeIndex(TIMES);
const byIndex = { timeToLogical: (t: number) => index.timeToLogical(t as UtcSeconds) };

const pt = (bar: number, price: number): ChartPoint => ({ time: TIMES[bar]!, price: price as Price });
const candle = (bar: number, high: number, low: number, close: number): Candle => ({
  time: TIMES[bar]!,
  open: close,
  high,
  low,
  close,
});

const drawings: Drawing[] = [
  createDrawingWithOptions('HORIZONTAL_LINE', 'h', [pt(0, 100)], {}, {}),
  // 100 at bar 0 → 102 at bar 2: +1 per bar, drawn over bars 0–2 only
  createDrawingWithOptions('LINE', 'l1', [pt(0, 100), pt(2, 102)], {}, {}),
  // the same line continued past its second point into the future
  createDrawingWithOptions('LINE', 'l2', [pt(0, 100), pt(2, 102)], {}, { extendRight: true }),
  // points in reverse order: extendLeft continues past p0, which is the later one
  createDrawingWithOptions('LINE', 'l3', [pt(2, 102), pt(0, 100)], {}, { extendLeft: true }),
  // edge 0 at 105, edge 2 at 95, over bars 1–3
  createDrawingWithOptions('RECTANGLE', 'r', [pt(1, 105), pt(3, 95)], {}, {}),
  // base 100 + x (x = bar index), parallel through (0, 104): 104 + x, continued right
  createDrawingWithOptions('PARALLEL', 'p', [pt(0, 100), pt(1, 101), pt(0, 104)], {}, { extendRight: true }),
  // 110 → 100: ratio 0 at 100, 0.5 at 105, 1 at 110, over bars 0–1
  createDrawingWithOptions(
    'FIBONACCI_RETRACEMENT',
    'f',
    [pt(0, 110), pt(1, 100)],
    {},
    { levels: [0, 0.5, 1] },
  ),
];

const up = (drawingId: string, price: number, time: number, part: Crossing['part'] = { type: 'body' }) =>
  ({ drawingId, part, direction: 'UP', price, time }) as const;
const down = (drawingId: string, price: number, time: number, part: Crossing['part'] = { type: 'body' }) =>
  ({ drawingId, part, direction: 'DOWN', price, time }) as const;

describe('crossings', () => {
  it('bar 0 → 1 rising: every part between the close 99 and the high 105.5', () => {
    const t = TIMES[1]!;
    expect(crossings(drawings, candle(0, 99.5, 98.8, 99), candle(1, 105.5, 98.5, 105), byIndex)).toEqual([
      up('h', 100, t), // 99 < 100 ≤ 105.5
      up('l1', 101, t), // 100 at bar 0 (99 below), 101 at bar 1 (≤ 105.5)
      up('l2', 101, t),
      up('l3', 101, t),
      // the rectangle starts at bar 1: read there for the previous bar too; 99 < 105 ≤ 105.5; 95 below both
      up('r', 105, t, { type: 'edge', index: 0 }),
      up('p', 101, t, { type: 'edge', index: 0 }), // base 100 → 101
      up('p', 105, t, { type: 'edge', index: 1 }), // parallel 104 → 105
      up('f', 100, t, { type: 'level', index: 0 }),
      up('f', 105, t, { type: 'level', index: 1 }), // 110 stays above the high
    ]);
  });

  it('bar 2 → 3 across the weekend gap: extended lines count in bar space', () => {
    const t = TIMES[3]!;
    // At bar 2 the line reads 102 (close 101.5 below), at bar 3 it reads 103 (high 103.2 reaches it).
    expect(crossings(drawings, candle(2, 102, 101, 101.5), candle(3, 103.2, 101, 103), byIndex)).toEqual([
      up('l2', 103, t),
      up('l3', 103, t),
      up('p', 103, t, { type: 'edge', index: 0 }),
    ]);
    // Along time instead of bars the line would read 100 + 50 at the bar after the gap: no crossing.
    expect(
      crossings(drawings, candle(2, 102, 101, 101.5), candle(3, 103.2, 101, 103)).map((c) => c.drawingId),
    ).toEqual([]);
  });

  it('bar 3 → 4 falling: DOWN where the close was above and the low reaches', () => {
    const t = TIMES[4]!;
    expect(crossings(drawings, candle(3, 104.2, 103.5, 104), candle(4, 104.5, 99.5, 99.8), byIndex)).toEqual([
      down('h', 100, t), // 104 > 100 ≥ 99.5
      down('l2', 104, t), // 103 at bar 3 (close 104 above), 104 at bar 4 (low 99.5 below)
      down('l3', 104, t),
      down('p', 104, t, { type: 'edge', index: 0 }), // the parallel, 107 → 108, stays above
    ]);
  });

  it('a close exactly on a line is no side: no crossing', () => {
    const h = [drawings[0]!];
    expect(crossings(h, candle(0, 100, 100, 100), candle(1, 101, 99, 100.5))).toEqual([]);
  });
});
