import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Drawing } from '../../../src/core/drawing';
import { drawingsInBox, hitTest, LINEAR_SCAN_MAX } from '../../../src/core/hit-test';
import { createDrawing } from '../../../src/core/kinds/registry';
import { createSpatialIndex, SpatialIndex } from '../../../src/core/spatial-index';
import { at, testViewport } from './test-viewport';

const vp = testViewport();

describe('hitTest', () => {
  it('returns null when nothing is within tolerance', () => {
    const d = [createDrawing('LINE', 'a', [at(0, 0), at(100, 0)])];
    expect(hitTest(d, vp, { x: 50, y: 20 }, 5)).toBeNull();
    expect(hitTest([], vp, { x: 50, y: 20 }, 5)).toBeNull();
  });
  it('picks the nearest body', () => {
    const d = [
      createDrawing('LINE', 'near', [at(0, 10), at(100, 10)]),
      createDrawing('LINE', 'far', [at(0, 14), at(100, 14)]),
    ];
    expect(hitTest(d, vp, { x: 50, y: 11 }, 5)).toEqual({
      id: 'near',
      hit: { distance: 1, part: { type: 'body' } },
    });
  });
  it('a handle beats a nearer body of another drawing', () => {
    const d = [
      createDrawing('LINE', 'line', [at(0, 0), at(100, 100)]),
      createDrawing('RECTANGLE', 'box', [at(40, 40), at(300, 300)]),
    ];
    // (103, 104): inside the box (distance 0), 5 px from the line's handle 1
    expect(hitTest(d, vp, { x: 103, y: 104 }, 6)).toEqual({
      id: 'line',
      hit: { distance: 5, part: { type: 'handle', index: 1 } },
    });
  });
  it('ties go to the topmost (last) drawing', () => {
    const d = [
      createDrawing('HORIZONTAL_LINE', 'under', [at(0, 50)]),
      createDrawing('HORIZONTAL_LINE', 'over', [at(0, 50)]),
    ];
    expect(hitTest(d, vp, { x: 300, y: 52 }, 5)!.id).toBe('over');
  });
  it(`ignores the index up to ${LINEAR_SCAN_MAX} drawings and uses it above`, () => {
    const few = [createDrawing('HORIZONTAL_LINE', 'h', [at(0, 50)])];
    expect(hitTest(few, vp, { x: 300, y: 50 }, 5, new SpatialIndex())!.id).toBe('h');
    const many = Array.from({ length: LINEAR_SCAN_MAX + 1 }, (_, i) =>
      createDrawing('HORIZONTAL_LINE', `h${i}`, [at(0, 5 * i)]),
    );
    expect(hitTest(many, vp, { x: 300, y: 50 }, 1, new SpatialIndex())).toBeNull();
    expect(hitTest(many, vp, { x: 300, y: 50 }, 1, createSpatialIndex(many, vp))!.id).toBe('h10');
  });
  it('property: the indexed search answers exactly as the linear scan', () => {
    const xy = fc.tuple(fc.integer({ min: -50, max: 850 }), fc.integer({ min: -50, max: 450 }));
    const kinds = ['HORIZONTAL_LINE', 'LINE', 'RECTANGLE', 'PARALLEL', 'FIBONACCI_RETRACEMENT'] as const;
    const drawingArb = fc.tuple(fc.nat(4), xy, xy, xy).map(([k, p, q, r]) => {
      const kind = kinds[k]!;
      const pts = [at(...p), at(...q), at(...r)].slice(
        0,
        kind === 'HORIZONTAL_LINE' ? 1 : kind === 'PARALLEL' ? 3 : 2,
      );
      return (id: string) => createDrawing(kind, id, pts);
    });
    fc.assert(
      fc.property(
        fc.array(drawingArb, { minLength: LINEAR_SCAN_MAX + 1, maxLength: 120 }),
        fc.array(xy, { minLength: 1, maxLength: 20 }),
        (makers, pointers) => {
          const drawings: Drawing[] = makers.map((make, i) => make(`d${i}`));
          const index = createSpatialIndex(drawings, vp);
          for (const [x, y] of pointers) {
            expect(hitTest(drawings, vp, { x, y }, 4, index)).toEqual(hitTest(drawings, vp, { x, y }, 4));
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('drawingsInBox', () => {
  const d = [
    createDrawing('RECTANGLE', 'inside', [at(10, 10), at(20, 20)]),
    createDrawing('LINE', 'partly', [at(90, 50), at(200, 50)]),
    createDrawing('LINE', 'outside', [at(300, 300), at(400, 300)]),
  ];
  it('selects drawings whose bbox intersects the marquee, in paint order', () => {
    expect(drawingsInBox(d, vp, { minX: 0, minY: 0, maxX: 100, maxY: 100 })).toEqual(['inside', 'partly']);
  });
  it('answers the same through the index above the linear threshold', () => {
    const many = [
      ...d,
      ...Array.from({ length: LINEAR_SCAN_MAX }, (_, i) =>
        createDrawing('LINE', `x${i}`, [at(500, i), at(600, i)]),
      ),
    ];
    const box = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
    expect(drawingsInBox(many, vp, box, createSpatialIndex(many, vp))).toEqual(drawingsInBox(many, vp, box));
    expect(drawingsInBox(many, vp, box)).toEqual(['inside', 'partly']);
  });
});
