import { describe, expect, it } from 'vitest';
import { createDrawing } from '../../../src/core/kinds/registry';
import { createSpatialIndex, SpatialIndex } from '../../../src/core/spatial-index';
import { at, testViewport } from './test-viewport';

const vp = testViewport();
const rect = createDrawing('RECTANGLE', 'r', [at(100, 100), at(200, 200)]);
const line = createDrawing('LINE', 'l', [at(300, 300), at(400, 350)]);
const hline = createDrawing('HORIZONTAL_LINE', 'h', [at(50, 20)]);

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).sort();

describe('SpatialIndex', () => {
  it('bulk-loads drawings with their pixel bboxes and paint order', () => {
    const index = createSpatialIndex([rect, line, hline], vp);
    expect(index.size).toBe(3);
    expect(index.get('l')).toMatchObject({
      minX: 300,
      minY: 300,
      maxX: 400,
      maxY: 350,
      order: 1,
      drawing: line,
    });
  });
  it('searchPoint finds bboxes within the tolerance on each axis', () => {
    const index = createSpatialIndex([rect, line, hline], vp);
    expect(ids(index.searchPoint({ x: 150, y: 150 }, 0))).toEqual(['r']);
    expect(ids(index.searchPoint({ x: 205, y: 150 }, 5))).toEqual(['r']);
    expect(ids(index.searchPoint({ x: 206, y: 150 }, 5))).toEqual([]);
    expect(ids(index.searchPoint({ x: 700, y: 22 }, 3))).toEqual(['h']);
  });
  it('searchPoint skips the empty corners of a slanted line, and names a drawing once', () => {
    const slanted = createDrawing('LINE', 's', [at(0, 0), at(400, 200)]);
    const index = createSpatialIndex([slanted], vp);
    // (380, 20) lies in the line's bbox, ~150 px from the line.
    expect(ids(index.searchPoint({ x: 380, y: 20 }, 5))).toEqual([]);
    // On the line where two of its pieces meet (every 64 px along x).
    expect(ids(index.searchPoint({ x: 64, y: 32 }, 5))).toEqual(['s']);
  });
  it("keeps each drawing's handle centres for the indexed viewport", () => {
    const index = createSpatialIndex([rect, line, hline], vp);
    expect(index.get('l')!.handles).toEqual([300, 300, 400, 350]);
    expect(index.get('h')!.handles).toEqual([50, 20]);
  });
  it('search returns every bbox a box touches', () => {
    const index = createSpatialIndex([rect, line, hline], vp);
    expect(ids(index.search({ minX: 0, minY: 0, maxX: 300, maxY: 300 }))).toEqual(['h', 'l', 'r']);
  });
  it('upsert re-indexes a moved drawing in place and puts a new one on top', () => {
    const index = createSpatialIndex([rect, line], vp);
    index.upsert(createDrawing('RECTANGLE', 'r', [at(500, 100), at(600, 200)]), vp);
    expect(ids(index.searchPoint({ x: 150, y: 150 }, 0))).toEqual([]);
    expect(index.get('r')).toMatchObject({ minX: 500, order: 0 });
    index.upsert(hline, vp);
    expect(index.get('h')!.order).toBe(2);
    expect(index.size).toBe(3);
  });
  it('remove drops a drawing once', () => {
    const index = new SpatialIndex();
    index.load([rect, line], vp);
    expect(index.remove('r')).toBe(true);
    expect(index.remove('r')).toBe(false);
    expect(ids(index.searchPoint({ x: 150, y: 150 }, 0))).toEqual([]);
    expect(index.size).toBe(1);
  });
  it('load replaces the previous contents', () => {
    const index = createSpatialIndex([rect, line], vp);
    index.load([hline], vp);
    expect(index.size).toBe(1);
    expect(index.get('r')).toBeUndefined();
  });
});
