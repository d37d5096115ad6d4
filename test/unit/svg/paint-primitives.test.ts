import { describe, expect, it } from 'vitest';
import type { TextPrimitive } from '../../../src/core/scene';
import { textBackgroundBox } from '../../../src/svg/paint-primitives';

const label = (align: TextPrimitive['align'], baseline: TextPrimitive['baseline']): TextPrimitive => ({
  type: 'text',
  x: 100,
  y: 50,
  text: 'Pivot',
  color: '#000000',
  fontSize: 10,
  align,
  baseline,
  background: '#FFFFFF',
});

describe('textBackgroundBox', () => {
  it('pads the measured text by 3 px a side and the font by 2 px a side, placed by align and baseline', () => {
    // 40 px of text → 46 × 14 box.
    expect([
      textBackgroundBox(label('left', 'top'), 40),
      textBackgroundBox(label('center', 'middle'), 40),
      textBackgroundBox(label('right', 'bottom'), 40),
    ]).toEqual([
      { x: 97, y: 48, width: 46, height: 14 },
      { x: 77, y: 43, width: 46, height: 14 },
      { x: 57, y: 38, width: 46, height: 14 },
    ]);
  });
});
