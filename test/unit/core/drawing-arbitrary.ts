// fast-check arbitraries for hit-testing properties: drawings of every kind with every option
// (extensions, arrow heads, no midline, custom Fibonacci levels), points partly off the 800×400
// test pane, and pointers anywhere or right next to a drawing's points (where handles and ties are).
import fc from 'fast-check';
import type { Drawing, DrawingKind } from '../../../src/core/drawing';
import { DRAWING_KINDS, POINT_COUNT } from '../../../src/core/drawing';
import { createDrawingWithOptions } from '../../../src/core/kinds/registry';
import { at, testViewport } from './test-viewport';

/** The 800×400 test viewport the arbitraries are made for. */
export const vp = testViewport();

const coordinate = fc.tuple(fc.integer({ min: -200, max: 1000 }), fc.integer({ min: -150, max: 550 }));

const options = fc.record({
  extendLeft: fc.boolean(),
  extendRight: fc.boolean(),
  showMidline: fc.boolean(),
  startHead: fc.constantFrom('NONE' as const, 'ARROW' as const),
  endHead: fc.constantFrom('NONE' as const, 'ARROW' as const),
  levels: fc.uniqueArray(fc.constantFrom(-0.272, 0, 0.236, 0.382, 0.5, 0.618, 0.786, 1, 1.618), {
    minLength: 1,
    maxLength: 9,
  }),
});

/** A maker of one drawing of any kind (the id is given later, so a scene can hold copies). */
export const drawingMaker: fc.Arbitrary<(id: string) => Drawing> = fc
  .tuple(
    fc.constantFrom<DrawingKind>(...DRAWING_KINDS),
    fc.array(coordinate, { minLength: 3, maxLength: 3 }),
    options,
  )
  .map(([kind, xys, opts]) => {
    const points = xys.slice(0, POINT_COUNT[kind]).map(([x, y]) => at(x, y));
    return (id: string) => createDrawingWithOptions(kind, id, points, {}, opts);
  });

/** A pointer anywhere around the pane, or within a few px of one of `drawings`' points. */
export function pointerNear(drawings: readonly Drawing[]): fc.Arbitrary<{ x: number; y: number }> {
  const anywhere = coordinate.map(([x, y]) => ({ x, y }));
  if (drawings.length === 0) return anywhere;
  const near = fc
    .tuple(
      fc.nat(drawings.length - 1),
      fc.nat(2),
      fc.integer({ min: -8, max: 8 }),
      fc.integer({ min: -8, max: 8 }),
    )
    .map(([i, k, dx, dy]) => {
      const points = drawings[i]!.points;
      const p = points[k % points.length]!;
      return { x: vp.timeToX(p.time) + dx, y: vp.priceToY(p.price) + dy };
    });
  return fc.oneof(anywhere, near);
}
