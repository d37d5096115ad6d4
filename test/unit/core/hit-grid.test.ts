import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GridWalk, HitGrid } from '../../../src/core/hit-grid';

type Rec = readonly [minX: number, minY: number, maxX: number, maxY: number, order: number];

/** A grid bulk-loaded (count, allocate, place) with `records`, which come in ascending order. */
function loaded(records: readonly Rec[], width = 200, height = 100, cell = 32): HitGrid {
  const grid = new HitGrid(width, height, cell);
  for (const [a, b, c, d] of records) grid.countBox(a, b, c, d);
  grid.allocate();
  for (const r of records) grid.place(...r);
  return grid;
}

function orders(walk: GridWalk): number[] {
  const out: number[] = [];
  for (let o = walk.nextOrder(); o >= 0; o = walk.nextOrder()) out.push(o);
  return out;
}

function inBox(grid: HitGrid, minX: number, minY: number, maxX: number, maxY: number): number[] {
  const walk = new GridWalk();
  grid.walkBox(walk, minX, minY, maxX, maxY);
  return orders(walk);
}

const meets = (r: Rec, q: readonly number[], pad = 0) =>
  r[0] <= q[2]! + pad && r[2] >= q[0]! - pad && r[1] <= q[3]! + pad && r[3] >= q[1]! - pad;

describe('HitGrid', () => {
  it('lists the records meeting a box, highest order first, each order once, across cells', () => {
    const grid = loaded([
      [0, 0, 10, 10, 0],
      [5, 5, 150, 8, 1], // spans five columns
      [30, 30, 40, 40, 2], // across the border of four cells
      [100, 60, 120, 70, 3],
      [31, 0, 33, 2, 3], // a second box of order 3
    ]);
    expect(inBox(grid, 28, 0, 36, 36)).toEqual([3, 2, 1]);
    expect(inBox(grid, 0, 0, 200, 100)).toEqual([3, 2, 1, 0]);
    expect(inBox(grid, 160, 80, 170, 90)).toEqual([]);
    // Touching edges count, as in the linear scan's ≤ comparisons.
    expect(inBox(grid, 10, 10, 12, 12)).toEqual([0]);
  });

  it('holds boxes and answers searches beyond its edges in the border cells', () => {
    const grid = loaded([
      [-5000, 20, -4000, 30, 0],
      [Number.NEGATIVE_INFINITY, 50, Number.POSITIVE_INFINITY, 50, 1],
      [250, 250, 260, 260, 2],
    ]);
    expect(inBox(grid, -4500, 25, -4500, 25)).toEqual([0]);
    expect(inBox(grid, -1e9, 49, 1e9, 51)).toEqual([1]);
    expect(inBox(grid, 255, 255, 255, 255)).toEqual([2]);
    expect(inBox(grid, 100, 255, 100, 255)).toEqual([]);
  });

  it('never holds a box with NaN, and a NaN search finds nothing', () => {
    const grid = loaded([
      [Number.NaN, 0, 10, 10, 0],
      [0, 0, 10, 10, 1],
    ]);
    expect(inBox(grid, 0, 0, 200, 100)).toEqual([1]);
    expect(inBox(grid, Number.NaN, 0, 5, 5)).toEqual([]);
  });

  it('rounds float32 storage outwards: a box whose edges float32 cannot hold is still met at them', () => {
    // 0.1 and 0.7 are not float32 values; the nearest ones lie inside the box: 0.1 above, 0.7 below.
    expect(Math.fround(0.1)).toBeGreaterThan(0.1);
    expect(Math.fround(0.7)).toBeLessThan(0.7);
    const grid = loaded([[0.1, 0.1, 0.7, 0.7, 7]]);
    expect(inBox(grid, 0, 0, 0.1, 0.1)).toEqual([7]);
    expect(inBox(grid, 0.7, 0.7, 1, 1)).toEqual([7]);
    expect(inBox(grid, -1e-300, -1e-300, -1e-300, -1e-300)).toEqual([]);
    const tiny = loaded([[-1e-300, -1e-300, 1e-300, 1e-300, 1]]);
    expect(inBox(tiny, -1e-300, -1e-300, -1e-300, -1e-300)).toEqual([1]);
    expect(inBox(tiny, 1e-300, 1e-300, 1e-300, 1e-300)).toEqual([1]);
  });

  it('property: a search names every record meeting the box, and only records within float32 round-off of it', () => {
    const coord = fc.oneof(
      fc.double({ min: -300, max: 500, noNaN: true }),
      fc.integer({ min: -300, max: 500 }),
      fc.constantFrom(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 1e40, -1e40),
    );
    const box = fc
      .tuple(coord, coord, coord, coord)
      .map(([a, b, c, d]) => [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)] as const);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(box, fc.nat(3)), { maxLength: 60 }),
        fc.array(box, { minLength: 1, maxLength: 10 }),
        (boxes, queries) => {
          // Orders ascend, some repeat (one drawing's several pieces).
          let order = 0;
          const records: Rec[] = boxes.map(([b, step]) => {
            order += step === 0 ? 0 : 1;
            return [b[0], b[1], b[2], b[3], order];
          });
          const grid = loaded(records);
          for (const q of queries) {
            const found = inBox(grid, q[0], q[1], q[2], q[3]);
            const must = [...new Set(records.filter((r) => meets(r, q)).map((r) => r[4]))];
            // Within round-off: a relative hair; an edge beyond float32's range (1e40) may reach out to ±∞.
            const pad = 1e-6 * (1 + Math.max(0, ...q.filter(Number.isFinite).map(Math.abs)));
            const may = new Set(
              records
                .map(
                  (r) =>
                    r.map((v, i) =>
                      i < 4 && Math.abs(v) > 3.4e38 ? (i < 2 ? -1 : 1) * Infinity : v,
                    ) as unknown as Rec,
                )
                .filter((r) => meets(r, q, pad))
                .map((r) => r[4]),
            );
            expect(found).toEqual([...found].sort((a, b) => b - a));
            expect(new Set(found).size).toBe(found.length);
            for (const o of must) expect(found).toContain(o);
            for (const o of found) expect(may.has(o)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('walkNear names the records within the radius of a point, by Euclidean distance', () => {
    const grid = loaded([
      [10, 10, 10, 10, 0],
      [13, 14, 13, 14, 1], // 5 px from (10, 10)
      [14, 14, 14, 14, 2], // 5.66 px
      [40, 10, 40, 10, 3],
    ]);
    const walk = new GridWalk();
    grid.walkNear(walk, 10, 10, 5);
    expect(orders(walk)).toEqual([1, 0]);
    grid.walkNear(walk, 38, 10, 2);
    expect(orders(walk)).toEqual([3]);
  });

  it('property: inserts and removes keep every cell in order, as a list model does', () => {
    const op = fc.oneof(
      fc.record({
        add: fc.constant(true),
        x: fc.integer({ min: -20, max: 220 }),
        y: fc.integer({ min: -20, max: 120 }),
        w: fc.integer({ min: 0, max: 90 }),
        h: fc.integer({ min: 0, max: 40 }),
        order: fc.nat(30),
      }),
      fc.record({ add: fc.constant(false), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.integer({ min: 0, max: 200 }), (ops, qx) => {
        // Starts from a bulk load, so inserts also meet full cells that must move.
        const model: Rec[] = [
          [0, 0, 200, 100, 5],
          [40, 40, 60, 60, 12],
        ];
        const grid = loaded(model);
        for (const o of ops) {
          if (o.add) {
            const r: Rec = [o.x, o.y, o.x + o.w, o.y + o.h, o.order];
            grid.insert(...r);
            model.push(r);
          } else if (model.length > 0) {
            // Removing an order takes all its boxes, as the index does for a drawing.
            const order = model[o.pick % model.length]![4];
            for (const r of model.filter((m) => m[4] === order)) grid.remove(...r);
            model.splice(0, model.length, ...model.filter((m) => m[4] !== order));
          }
        }
        for (const q of [
          [qx, 0, qx, 100],
          [0, 0, 200, 100],
          [qx - 30, 20, qx + 5, 50],
        ]) {
          const want = [...new Set(model.filter((r) => meets(r, q)).map((r) => r[4]))].sort((a, b) => b - a);
          expect(inBox(grid, q[0]!, q[1]!, q[2]!, q[3]!)).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });
});
