import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextPrimitive } from '../../../src/core/scene';
import { spreadLabels } from '../../../src/render/axis-label-painter';
import { pointerKind } from '../../../src/konva/pointer-input';
import { textBox } from '../../../src/render/scene-painter';

describe('spreadLabels', () => {
  it('leaves labels that do not overlap where they are', () => {
    expect(spreadLabels([10, 50, 90], [18, 18, 18], 0, 100)).toEqual([10, 50, 90]);
  });

  it('pushes two overlapping labels apart symmetrically', () => {
    expect(spreadLabels([50, 52], [18, 18], 0, 200)).toEqual([42, 60]);
  });

  it('never leaves overlaps, keeps the order and stays inside the axis when they fit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 1, maxLength: 15 }),
        (at) => {
          const out = spreadLabels(
            at,
            at.map(() => 18),
            0,
            400,
          );
          const order = at.map((_, i) => i).sort((a, b) => at[a] - at[b] || a - b);
          for (let k = 1; k < order.length; k++) {
            expect(out[order[k]] - out[order[k - 1]]).toBeGreaterThanOrEqual(18 - 1e-6);
          }
          for (const y of out) {
            expect(y).toBeGreaterThanOrEqual(9 - 1e-6);
            expect(y).toBeLessThanOrEqual(391 + 1e-6);
          }
        },
      ),
    );
  });
});

describe('textBox', () => {
  const text = (align: TextPrimitive['align'], baseline: TextPrimitive['baseline']): TextPrimitive => ({
    type: 'text',
    x: 100,
    y: 50,
    text: 'x',
    color: '#000',
    fontSize: 10,
    align,
    baseline,
  });

  it('anchors the box by align and baseline', () => {
    expect(textBox(text('left', 'top'), 40)).toEqual({ minX: 100, minY: 50, maxX: 140, maxY: 60 });
    expect(textBox(text('right', 'bottom'), 40)).toEqual({ minX: 60, minY: 40, maxX: 100, maxY: 50 });
    expect(textBox(text('center', 'middle'), 40)).toEqual({ minX: 80, minY: 45, maxX: 120, maxY: 55 });
  });
});

describe('pointerKind', () => {
  it('keeps mouse, touch and pen and treats anything else as a mouse', () => {
    expect(['mouse', 'touch', 'pen', '', 'stylus'].map(pointerKind)).toEqual([
      'mouse',
      'touch',
      'pen',
      'mouse',
      'mouse',
    ]);
  });
});
