import { describe, expect, it } from 'vitest';
import type { Candle } from '../../../src/core/candles';
import { createCrossingTracker } from '../../../src/core/crossing-tracker';
import type { Drawing } from '../../../src/core/drawing';
import { createDrawingWithOptions } from '../../../src/core/kinds/registry';
import type { Price, UtcSeconds } from '../../../src/core/units';

const T0 = 1767225600;
const H = 3600;
const bar = (i: number, high: number, low: number, close: number): Candle => ({
  time: T0 + i * H,
  open: close,
  high,
  low,
  close,
});
const line = (id: string, price: number): Drawing =>
  createDrawingWithOptions(
    'HORIZONTAL_LINE',
    id,
    [{ time: T0 as UtcSeconds, price: price as Price }],
    {},
    {},
  );

describe('createCrossingTracker', () => {
  it('reports a crossing once while the live bar grows, and again on a later bar', () => {
    const drawings = [line('a', 100), line('b', 102)];
    const tracker = createCrossingTracker();
    tracker.reset([bar(0, 99.5, 98, 99), bar(1, 99.8, 98.5, 99.5)], drawings);
    // Bar 1 grows to 100.2: crosses a (previous close 99 < 100 ≤ 100.2).
    expect(
      tracker.update(bar(1, 100.2, 98.5, 100.1), drawings).map((c) => [c.drawingId, c.direction]),
    ).toEqual([['a', 'UP']]);
    // Grows further, still over a: nothing new; then to 102.5: b.
    expect(tracker.update(bar(1, 100.4, 98.5, 100.3), drawings)).toEqual([]);
    expect(tracker.update(bar(1, 102.5, 98.5, 101), drawings).map((c) => c.drawingId)).toEqual(['b']);
    // Bar 2 opens from the close 101 and falls to 99.9: a, downwards.
    expect(tracker.update(bar(2, 101, 99.9, 100), drawings).map((c) => [c.drawingId, c.direction])).toEqual([
      ['a', 'DOWN'],
    ]);
    // An older bar is ignored.
    expect(tracker.update(bar(1, 200, 1, 100), drawings)).toEqual([]);
  });
  it('does not report what the loaded history already crossed', () => {
    const drawings = [line('a', 100)];
    const tracker = createCrossingTracker();
    tracker.reset([bar(0, 99.5, 98, 99), bar(1, 100.5, 98.5, 100.2)], drawings);
    expect(tracker.update(bar(1, 100.8, 98.5, 100.6), drawings)).toEqual([]);
  });
});
