import { describe, expect, it } from 'vitest';
import type { Primitive, Stroke, TextPrimitive } from '../../../src/core/scene';
import { primitiveToSvg, type SvgPaintContext, textBackgroundBox } from '../../../src/svg/paint-primitives';

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

describe('primitiveToSvg strokes', () => {
  const ctx = (fallbackColor: string): SvgPaintContext => ({
    paneWidth: 100,
    paneHeight: 100,
    priceAxisWidth: 64,
    timeAxisHeight: 20,
    fallbackColor,
    fallbackTextColor: '#000000',
  });
  const segment = (color: string, width: number, dash: number[]): Primitive => ({
    type: 'segment',
    x1: 0,
    y1: 1,
    x2: 2,
    y2: 3,
    stroke: { color, width, dash, lineStyle: dash.length ? 'DASHED' : 'SOLID' } satisfies Stroke,
  });
  const line = (stroke: string) => `<line x1="0" y1="1" x2="2" y2="3"${stroke}/>`;

  // The painter reuses the last stroke's attributes when the next stroke is the same: each stroke
  // below differs from the one before it in one thing only, and each is written as its own.
  it('writes each stroke as it is, one after another, whatever stroke came before it', () => {
    const runs: [Primitive, SvgPaintContext, string][] = [
      [segment('#2962FF', 1, []), ctx('#111111'), ' stroke="#2962FF" stroke-width="1"'],
      [segment('#2962FF', 1, []), ctx('#111111'), ' stroke="#2962FF" stroke-width="1"'],
      [segment('#2962FF', 2, []), ctx('#111111'), ' stroke="#2962FF" stroke-width="2"'],
      [
        segment('#2962FF', 2, [10, 6]),
        ctx('#111111'),
        ' stroke="#2962FF" stroke-width="2" stroke-dasharray="10 6"',
      ],
      [
        segment('#2962FF', 2, [10, 4]),
        ctx('#111111'),
        ' stroke="#2962FF" stroke-width="2" stroke-dasharray="10 4"',
      ],
      [
        segment('#2962FF', 2, [10]),
        ctx('#111111'),
        ' stroke="#2962FF" stroke-width="2" stroke-dasharray="10"',
      ],
      [segment('red', 2, []), ctx('#111111'), ' stroke="#111111" stroke-width="2"'],
      [segment('red', 2, []), ctx('#222222'), ' stroke="#222222" stroke-width="2"'],
      [segment('#26A69A', 2, []), ctx('#222222'), ' stroke="#26A69A" stroke-width="2"'],
    ];
    for (const [p, c, stroke] of runs) expect(primitiveToSvg(p, c)).toBe(line(stroke));
  });
});
