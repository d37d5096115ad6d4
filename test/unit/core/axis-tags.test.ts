import { describe, expect, it } from 'vitest';
import { selectionAxisTags } from '../../../src/core/axis-tags';
import { createDrawing } from '../../../src/core/kinds/registry';
import { at, testViewport } from './test-viewport';

const vp = testViewport();

describe('selectionAxisTags', () => {
  it('tags each distinct price on the price axis and each distinct time on the time axis, in the colour', () => {
    const line = createDrawing('LINE', 'l', [at(100, 300), at(300, 100)], { color: '#0000FF' });
    const tags = selectionAxisTags(line, vp, {
      formatPrice: (p) => p.toFixed(2),
      formatTime: (t) => `t${t}`,
    });
    // testViewport: y 300 ↔ price 35, y 100 ↔ 85; x 100 ↔ T0 + 6000 s, x 300 ↔ T0 + 18000 s.
    expect(tags).toEqual([
      { type: 'axis-label', axis: 'price', at: 300, text: '35.00', background: '#0000FF', color: '#FFFFFF' },
      { type: 'axis-label', axis: 'price', at: 100, text: '85.00', background: '#0000FF', color: '#FFFFFF' },
      {
        type: 'axis-label',
        axis: 'time',
        at: 100,
        text: 't1700006000',
        background: '#0000FF',
        color: '#FFFFFF',
      },
      {
        type: 'axis-label',
        axis: 'time',
        at: 300,
        text: 't1700018000',
        background: '#0000FF',
        color: '#FFFFFF',
      },
    ]);
  });
  it('uses a rectangle border colour, drops repeats, and leaves a horizontal line to its own tag', () => {
    const rect = createDrawing('RECTANGLE', 'r', [at(100, 300), at(100, 100)], { borderColor: '#00FF00' });
    const tags = selectionAxisTags(rect, vp);
    expect(tags.map((t) => [t.axis, t.background])).toEqual([
      ['price', '#00FF00'],
      ['price', '#00FF00'],
      ['time', '#00FF00'],
    ]);
    // T0 = 1_700_000_000 s is 2023-11-14 22:13:20 UTC; x 100 is 100 minutes later.
    expect(tags[2]!.text).toBe('2023-11-14 23:53');
    expect(selectionAxisTags(createDrawing('HORIZONTAL_LINE', 'h', [at(100, 100)]), vp)).toEqual([]);
  });
});
