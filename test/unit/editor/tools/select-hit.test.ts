// What the select tool finds under the pointer: with more than LINEAR_SCAN_MAX drawings it uses a
// cached spatial index, which must answer exactly like a linear scan and follow edits and pans.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createViewport } from '../../../../src/core/create-viewport';
import type { Drawing, DrawingKind } from '../../../../src/core/drawing';
import { hitTest } from '../../../../src/core/hit-test';
import { createDrawing } from '../../../../src/core/kinds/registry';
import type { Viewport } from '../../../../src/core/viewport';
import { createEditor } from '../../../../src/editor/editor';
import { targetAt } from '../../../../src/editor/tools/select-hit';
import { ev, pt, t, vp } from '../fixtures';

const KINDS: readonly DrawingKind[] = [
  'LINE',
  'RECTANGLE',
  'FIBONACCI_RETRACEMENT',
  'HORIZONTAL_LINE',
  'PARALLEL',
];
const COUNT = { LINE: 2, RECTANGLE: 2, FIBONACCI_RETRACEMENT: 2, HORIZONTAL_LINE: 1, PARALLEL: 3 } as const;

function many(n: number, seed: number): Drawing[] {
  return Array.from({ length: n }, (_, i) => {
    const kind = KINDS[(i + seed) % KINDS.length]!;
    const bar = (i * 7 + seed) % 90;
    const points = Array.from({ length: COUNT[kind] }, (_, j) =>
      pt(bar + j * 3, 105 + ((i * 13 + j * 17 + seed) % 90)),
    );
    return createDrawing(kind, `d${i}`, points);
  });
}

describe('targetAt', () => {
  it('with 150 drawings answers exactly like a linear hit-test', () => {
    fc.assert(
      fc.property(
        fc.nat(50),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 500 })), {
          minLength: 1,
          maxLength: 30,
        }),
        (seed, pointers) => {
          const drawings = many(150, seed);
          const editor = createEditor({ drawings, flags: { d3: { hidden: true } } });
          const visible = drawings.filter((d) => d.id !== 'd3');
          for (const [x, y] of pointers) {
            const linear = hitTest(visible, vp, { x, y }, 6);
            const found = targetAt(editor.getState(), vp, ev('move', x, y));
            expect(found).toEqual(
              linear ? { type: 'drawing', id: linear.id, part: linear.hit.part } : { type: 'empty' },
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('follows an edit and a pan instead of answering from a stale index', () => {
    const drawings = many(100, 0).map((d) =>
      d.kind === 'HORIZONTAL_LINE' ? { ...d, points: [pt(0, 101)] as const } : d,
    );
    const line = createDrawing('LINE', 'mine', [pt(95, 199), pt(98, 199)]);
    const editor = createEditor({ drawings: [...drawings, line] as Drawing[] });
    expect(targetAt(editor.getState(), vp, ev('move', 965, 5))).toMatchObject({
      type: 'drawing',
      id: 'mine',
    });
    editor.move(0, 100, vp, ['mine']);
    expect(targetAt(editor.getState(), vp, ev('move', 965, 5))).toEqual({ type: 'empty' });
    expect(targetAt(editor.getState(), vp, ev('move', 965, 105))).toMatchObject({
      type: 'drawing',
      id: 'mine',
    });
    // A live viewport (like the chart adapter's): the same object, its ranges changed by a pan.
    let current: Viewport = vp;
    const live: Viewport = {
      get width() {
        return current.width;
      },
      get height() {
        return current.height;
      },
      timeToX: (x) => current.timeToX(x),
      xToTime: (x) => current.xToTime(x),
      priceToY: (p) => current.priceToY(p),
      yToPrice: (y) => current.yToPrice(y),
      timeToLogical: (x) => current.timeToLogical(x),
      logicalToTime: (l) => current.logicalToTime(l),
      visibleTimeRange: () => current.visibleTimeRange(),
      visiblePriceRange: () => current.visiblePriceRange(),
    };
    expect(targetAt(editor.getState(), live, ev('move', 965, 105))).toMatchObject({
      type: 'drawing',
      id: 'mine',
    });
    current = createViewport({
      times: Array.from({ length: 100 }, (_, i) => t(i)),
      width: 1000,
      height: 500,
      logicalRange: { from: 10, to: 110 },
      priceRange: { min: 100, max: 200 },
    });
    expect(targetAt(editor.getState(), live, ev('move', 965, 105))).toEqual({ type: 'empty' });
    expect(targetAt(editor.getState(), live, ev('move', 865, 105))).toMatchObject({
      type: 'drawing',
      id: 'mine',
    });
  });
});
