import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, fontOf, LabelSpace, textBox } from '../../../src/konva/text-painter';
import type { TextPrimitive } from '../../../src/core/scene';

const label = (x: number, y: number, align: TextPrimitive['align'], baseline: TextPrimitive['baseline']) =>
  ({ type: 'text', x, y, text: 'x', color: '#000', fontSize: 11, align, baseline }) as const;

describe('LabelSpace.taken', () => {
  it('is true exactly inside the 8 × 4 px cells a claimed box covers', () => {
    const space = new LabelSpace();
    expect(space.claim({ minX: 10, minY: 10, maxX: 20, maxY: 13 })).toBe(true);
    // Cells x 1..2 (8..23 px), y 2..3 (8..15 px).
    expect(space.taken(8, 8)).toBe(true);
    expect(space.taken(23.9, 15.9)).toBe(true);
    expect(space.taken(24, 12)).toBe(false);
    expect(space.taken(12, 16)).toBe(false);
    expect(space.taken(7.9, 12)).toBe(false);
  });

  it('a taken anchor means the label claim fails: skipping the measuring changes nothing', () => {
    const aligns = fc.constantFrom('left' as const, 'center' as const, 'right' as const);
    const baselines = fc.constantFrom('top' as const, 'middle' as const, 'bottom' as const);
    const coord = fc.integer({ min: 0, max: 4000 }).map((v) => v / 8);
    fc.assert(
      fc.property(
        coord,
        coord,
        coord,
        coord,
        aligns,
        baselines,
        fc.integer({ min: 1, max: 120 }),
        (ax, ay, bx, by, al, bl, w) => {
          const space = new LabelSpace();
          space.claim(textBox(label(ax, ay, 'left', 'top'), 30));
          const box = textBox(label(bx, by, al, bl), w);
          if (space.taken(bx, by)) expect(space.claim(box)).toBe(false);
        },
      ),
    );
  });
});

describe('fontOf', () => {
  it('gives the CSS font of a size, also when asked again (cached)', () => {
    expect(fontOf(11)).toBe(`11px ${FONT_FAMILY}`);
    expect(fontOf(11)).toBe(`11px ${FONT_FAMILY}`);
    expect(fontOf(13)).toBe(`13px ${FONT_FAMILY}`);
  });
});
