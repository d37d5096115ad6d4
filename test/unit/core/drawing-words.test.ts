// Drawings in words: the sentences a screen reader hears in the editor and in a post. Expected
// text follows the wording ("Line … from 1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00").
import { describe, expect, it } from 'vitest';
import { describeDrawing, drawingName } from '../../../src/core/drawing-words';
import { formatDayTime, formatPrice } from '../../../src/core/format';
import { createDrawing } from '../../../src/core/kinds/registry';
import type { Price, UtcSeconds } from '../../../src/core/units';
import { DRAWING_WORDS } from '../../../src/core/drawing-words';

const T0 = 1767830400; // 2026-01-08T00:00:00Z
const p = (hours: number, price: number) => ({
  time: (T0 + hours * 3600) as UtcSeconds,
  price: price as Price,
});
const five = {
  words: DRAWING_WORDS,
  format: { price: (x: number) => formatPrice(x, 5), time: formatDayTime },
};

describe('formatDayTime', () => {
  it('writes day, month and time in UTC, seconds dropped', () => {
    expect(formatDayTime((T0 + 10 * 3600 + 59) as UtcSeconds)).toBe('8 Jan 10:00');
    expect(formatDayTime((Date.UTC(2026, 11, 31, 23, 5) / 1000) as UtcSeconds)).toBe('31 Dec 23:05');
  });
});

describe('describeDrawing', () => {
  it('describes each kind by its points', () => {
    expect(describeDrawing(createDrawing('HORIZONTAL_LINE', 'hline_1', [p(10, 1.3431)]), five)).toBe(
      'Horizontal line at 1.34310',
    );
    expect(describeDrawing(createDrawing('RECTANGLE', 'rect_1', [p(10, 1.341), p(38, 1.352)]), five)).toBe(
      'Rectangle from 1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00',
    );
    expect(
      describeDrawing(
        createDrawing('PARALLEL', 'channel_1', [p(10, 1.341), p(38, 1.352), p(38, 1.348)]),
        five,
      ),
    ).toBe(
      'Parallel channel from 1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00, parallel through 1.34800 on 9 Jan 14:00',
    );
  });

  it('lists every level of a Fibonacci retracement with its price (0 at the swing end, 1 at the start)', () => {
    const fib = {
      ...createDrawing('FIBONACCI_RETRACEMENT', 'fib_1', [p(10, 1.352), p(38, 1.341)]),
      levels: [0, 0.5, 1],
    };
    expect(describeDrawing(fib, five)).toBe(
      'Fibonacci retracement from 1.35200 on 8 Jan 10:00 to 1.34100 on 9 Jan 14:00; levels 0 at 1.34100, 0.5 at 1.34650, 1 at 1.35200',
    );
  });
});

describe('drawingName', () => {
  it('names an editor id by its number, any other id as it is', () => {
    expect(drawingName({ kind: 'FIBONACCI_RETRACEMENT', id: 'fib_1' })).toBe('Fibonacci 1');
    expect(drawingName({ kind: 'PARALLEL', id: 'channel_12' })).toBe('Channel 12');
    expect(drawingName({ kind: 'LINE', id: 'trend' })).toBe('Line trend');
  });
});
