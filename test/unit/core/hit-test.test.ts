import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawingsInBox, hitTest, LINEAR_SCAN_MAX } from '../../../src/core/hit-test';
import { createDrawing } from '../../../src/core/kinds/registry';
import { createSpatialIndex, SpatialIndex } from '../../../src/core/spatial-index';
import { drawingMaker, pointerNear, vp } from './drawing-arbitrary';
import { at } from './test-viewport';

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
    // exactly LINEAR_SCAN_MAX drawings: still the scan, so an index that holds none of them is unused
    const edge = many.slice(0, LINEAR_SCAN_MAX);
    expect(hitTest(edge, vp, { x: 300, y: 50 }, 1, new SpatialIndex())!.id).toBe('h10');
  });
  it('through the index, a nearer drawing below still beats a farther one on top', () => {
    // The top line is tested first and hit at 3 px; only a hit at 0 px ends the search there.
    const many = [
      createDrawing('HORIZONTAL_LINE', 'below', [at(0, 50)]),
      ...Array.from({ length: LINEAR_SCAN_MAX - 1 }, (_, i) =>
        createDrawing('HORIZONTAL_LINE', `far${i}`, [at(0, 200 + 5 * i)]),
      ),
      createDrawing('HORIZONTAL_LINE', 'top', [at(0, 53)]),
    ];
    expect(hitTest(many, vp, { x: 300, y: 50 }, 5, createSpatialIndex(many, vp))).toEqual({
      id: 'below',
      hit: { distance: 0, part: { type: 'body' } },
    });
  });
  it('property: the indexed search answers exactly as the linear scan', () => {
    // Scenes of every kind and option, with copies (exact ties) and pointers on handles, off the
    // pane and anywhere; every pointer's answer is compared, over several tolerances.
    const scene = fc
      .array(fc.tuple(drawingMaker, fc.nat(3)), { minLength: LINEAR_SCAN_MAX + 1, maxLength: 160 })
      .map((makers) =>
        makers.flatMap(([make, copies], i) =>
          Array.from({ length: copies === 0 ? 2 : 1 }, (_, c) => make(`d${i}.${c}`)),
        ),
      );
    let compared = 0;
    let hits = 0;
    fc.assert(
      fc.property(
        scene.chain((drawings) =>
          fc.tuple(
            fc.constant(drawings),
            fc.array(pointerNear(drawings), { minLength: 1, maxLength: 30 }),
            fc.constantFrom(0, 1, 4, 5, 12),
          ),
        ),
        ([drawings, pointers, tolerance]) => {
          const index = createSpatialIndex(drawings, vp);
          for (const p of pointers) {
            const linear = hitTest(drawings, vp, p, tolerance);
            expect(hitTest(drawings, vp, p, tolerance, index)).toEqual(linear);
            compared++;
            if (linear) hits++;
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(hits).toBeGreaterThan(compared / 4);
  });
  it('property: an index kept up to date by upsert and remove answers as the linear scan', () => {
    // Edits as the editor makes them: a drawing moved in place keeps its paint order, a new one
    // goes on top, a deleted one leaves; the linear scan runs over the resulting paint order.
    const edit = fc.oneof(
      fc.record({ type: fc.constant('add' as const), make: drawingMaker }),
      fc.record({ type: fc.constant('replace' as const), pick: fc.nat(), make: drawingMaker }),
      fc.record({ type: fc.constant('remove' as const), pick: fc.nat() }),
    );
    let compared = 0;
    fc.assert(
      fc.property(
        fc.array(drawingMaker, { minLength: LINEAR_SCAN_MAX + 1, maxLength: 120 }),
        fc.array(edit, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: -200, max: 1000 }), fc.integer({ min: -150, max: 550 })), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.constantFrom(0, 5, 12),
        (makers, edits, pointers, tolerance) => {
          const drawings = makers.map((make, i) => make(`d${i}`));
          const index = createSpatialIndex(drawings, vp);
          edits.forEach((e, n) => {
            if (e.type === 'add') {
              const d = e.make(`new${n}`);
              drawings.push(d);
              index.upsert(d, vp);
            } else if (drawings.length > LINEAR_SCAN_MAX + 1) {
              const i = e.pick % drawings.length;
              if (e.type === 'remove') {
                expect(index.remove(drawings[i]!.id)).toBe(true);
                drawings.splice(i, 1);
              } else {
                const d = e.make(drawings[i]!.id);
                drawings[i] = d;
                index.upsert(d, vp);
              }
            }
          });
          expect(index.size).toBe(drawings.length);
          const near = drawings.slice(-5).map((d) => ({
            x: vp.timeToX(d.points[0].time) + 1,
            y: vp.priceToY(d.points[0].price),
          }));
          for (const p of [...pointers.map(([x, y]) => ({ x, y })), ...near]) {
            expect(hitTest(drawings, vp, p, tolerance, index)).toEqual(hitTest(drawings, vp, p, tolerance));
            compared++;
          }
        },
      ),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(40);
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
  it(`ignores the index up to ${LINEAR_SCAN_MAX} drawings and uses it above`, () => {
    // An index that holds none of the drawings tells which path answered.
    const box = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
    const edge = [
      ...d,
      ...Array.from({ length: LINEAR_SCAN_MAX - 3 }, (_, i) =>
        createDrawing('LINE', `x${i}`, [at(500, i), at(600, i)]),
      ),
    ];
    expect(drawingsInBox(d, vp, box, new SpatialIndex())).toEqual(['inside', 'partly']);
    expect(drawingsInBox(edge, vp, box, new SpatialIndex())).toEqual(['inside', 'partly']);
    const many = [...edge, createDrawing('LINE', 'last', [at(500, 99), at(600, 99)])];
    expect(drawingsInBox(many, vp, box, new SpatialIndex())).toEqual([]);
  });
});
