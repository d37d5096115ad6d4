import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelPlacer } from '../../../src/core/declutter';
import type { Drawing, DrawingKind, DrawingStyle } from '../../../src/core/drawing';
import { DRAWING_KINDS, POINT_COUNT } from '../../../src/core/drawing';
import { createDrawingWithOptions, drawingScene } from '../../../src/core/kinds/registry';
import type { Viewport } from '../../../src/core/viewport';
import { type MarkupOut, markupContext, writeDrawing } from '../../../src/svg/drawing-markup';
import { primitiveToSvg, type SvgPaintContext } from '../../../src/svg/paint-primitives';
import { at, testViewport } from '../core/test-viewport';

// The general path the fast writers stand in for: each drawing's core scene, its labels placed by
// one placer in turn, every primitive painted by primitiveToSvg (what renderAnalysisSvg did).
function general(drawings: readonly Drawing[], vp: Viewport, ctx: SvgPaintContext) {
  const placer = labelPlacer({ area: { minX: 0, minY: 0, maxX: vp.width, maxY: vp.height } });
  const out: MarkupOut = { body: '', axis: '' };
  for (const d of drawings) {
    let body = `<g class="cm-drawing" data-kind="${d.kind}">`;
    for (const p of placer.scene(drawingScene(d, vp)).primitives) {
      if (p.type === 'axis-label') out.axis += primitiveToSvg(p, ctx);
      else body += primitiveToSvg(p, ctx);
    }
    out.body += `${body}</g>`;
  }
  return { out, placed: placer.placed, hidden: placer.hidden() };
}

function fast(drawings: readonly Drawing[], vp: Viewport, ctx: SvgPaintContext) {
  const placer = labelPlacer({ area: { minX: 0, minY: 0, maxX: vp.width, maxY: vp.height } });
  const out: MarkupOut = { body: '', axis: '' };
  const c = markupContext(vp, placer, ctx);
  for (const d of drawings) writeDrawing(d, c, out);
  return { out, placed: placer.placed, hidden: placer.hidden() };
}

const ctx: SvgPaintContext = {
  paneWidth: 400,
  paneHeight: 300,
  priceAxisWidth: 64,
  timeAxisHeight: 20,
  fallbackColor: '#787B86',
  fallbackTextColor: '#131722',
};
const vp = testViewport(400, 300);

// Fractional pixels (so rounding to hundredths matters), points off the pane on every side, every
// option, styles with every line style, odd widths and invalid colours, Fibonacci levels unsorted,
// repeated, negative and off TradingView's colour table.
const pixel = fc.double({ min: -150, max: 550, noNaN: true });
const colour = fc.constantFrom('#2962FF', '#abc', '#12345678', 'red', 'url(#x)', '#F2364533');
const style: fc.Arbitrary<DrawingStyle> = fc.record(
  {
    color: colour,
    lineWidth: fc.constantFrom(1, 2, 3, 1.5, 0.25),
    lineStyle: fc.constantFrom('SOLID' as const, 'DASHED' as const, 'DOTTED' as const),
    fillColor: colour,
    borderColor: colour,
  },
  { requiredKeys: [] },
);
const drawing: fc.Arbitrary<Drawing> = fc
  .record({
    kind: fc.constantFrom<DrawingKind>(...DRAWING_KINDS),
    xys: fc.array(fc.tuple(pixel, pixel), { minLength: 3, maxLength: 3 }),
    style,
    options: fc.record({
      extendLeft: fc.boolean(),
      extendRight: fc.boolean(),
      showMidline: fc.boolean(),
      startHead: fc.constantFrom('NONE' as const, 'ARROW' as const),
      endHead: fc.constantFrom('NONE' as const, 'ARROW' as const),
      levels: fc.array(fc.constantFrom(-0.272, 0, 0.236, 0.382, 0.5, 0.618, 0.786, 1, 1.618, 0.3), {
        maxLength: 9,
      }),
    }),
    showBands: fc.option(fc.boolean(), { nil: undefined }),
    labelSide: fc.option(fc.constantFrom('left' as const, 'right' as const), { nil: undefined }),
  })
  .map(({ kind, xys, style, options, showBands, labelSide }) => {
    const points = xys.slice(0, POINT_COUNT[kind]).map(([x, y]) => at(x, y));
    const d = createDrawingWithOptions(kind, `d-${kind}`, points, style, options);
    // Editor-only Fibonacci fields (no wire field): the scene reads them, so the writer must too.
    return d.kind === 'FIBONACCI_RETRACEMENT' ? { ...d, showBands, labelSide } : d;
  });

describe('writeDrawing (the SVG fast path) against painting core scenes', () => {
  it('writes the same bytes, places and drops the same labels, on random crowded drawings of every kind', () => {
    fc.assert(
      fc.property(fc.array(drawing, { maxLength: 25 }), (drawings) => {
        const want = general(drawings, vp, ctx);
        const got = fast(drawings, vp, ctx);
        expect(got.out.body).toBe(want.out.body);
        expect(got.out.axis).toBe(want.out.axis);
        expect(got.placed).toEqual(want.placed);
        expect(got.hidden).toBe(want.hidden);
      }),
      { numRuns: 300 },
    );
  });

  // Text a render builds once and reuses (stroke ends, band fills) must be keyed by all it depends
  // on: two drawings that share some of it and differ in the rest still get their own.
  it('writes each drawing with its own strokes and band fills when earlier drawings shared part of them', () => {
    const fib = (fillColor: string, lineWidth: number) =>
      createDrawingWithOptions(
        'FIBONACCI_RETRACEMENT',
        `f-${fillColor}`,
        [at(50, 200), at(250, 60)],
        {
          color: '#abc', // off TradingView's table and not #RRGGBB: bands take the drawing's fill
          fillColor,
          lineWidth,
        },
        { levels: [0, 0.3, 1] },
      );
    const line = (color: string, lineStyle: 'SOLID' | 'DOTTED') =>
      createDrawingWithOptions(
        'LINE',
        `l-${color}`,
        [at(10, 10), at(300, 250)],
        { color, lineWidth: 2, lineStyle },
        {},
      );
    const drawings = [
      fib('#11223344', 1),
      fib('#55667788', 1),
      fib('#55667788', 2),
      line('#123456', 'SOLID'),
      line('#123456', 'DOTTED'),
    ];
    expect(fast(drawings, vp, ctx).out.body).toBe(general(drawings, vp, ctx).out.body);
  });
});
