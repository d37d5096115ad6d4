// A spatial index over the pixel boxes drawings can be hit in, so a pointer move inspects only the
// drawings near it, from the top of the paint order down. Each drawing enters as its hit boxes
// (hit-boxes.ts: a slanted line as a row of small boxes along it), not as one bounding box that would
// be mostly empty, and its handle centres enter a second grid of points. Both are uniform grids in
// flat typed arrays (hit-grid.ts). Bounds are pixels, so the index must be reloaded after a pan, zoom
// or resize.
import type { Drawing } from './drawing';
import { boxIntersects } from './geometry';
import { GridWalk, HitGrid } from './hit-grid';
import { drawingBbox, drawingHitArea } from './kinds/registry';
import type { Box, PxPoint } from './scene';
import type { Viewport } from './viewport';

/** One indexed drawing: its pixel bounds, the drawing itself and its paint order (higher = on top). */
export interface IndexedDrawing extends Box {
  readonly id: string;
  readonly drawing: Drawing;
  readonly order: number;
  /** Its handle centres in px for the indexed viewport, flat: x0, y0, x1, y1, … */
  readonly handles: readonly number[];
}

/** An indexed drawing with its hit boxes, kept to take them out of the grid again. */
interface Entry extends IndexedDrawing {
  readonly pieces: readonly Box[];
}

/**
 * Grid cell size in px. Smaller cells hold fewer records each, but more records in all and put a
 * pointer's tolerance box over a cell border more often. On the hit-test bench (one loaded run each)
 * 16, 32 and 64 gave a cold move of 51, 41 and 46 µs and a build of 127, 98 and 81 ms CPU: the
 * middle, within noise of both.
 */
export const HIT_CELL_PX = 32;

/** Spatial index of drawings by the pixel boxes they can be hit in; searches are expanded by the caller's tolerance. */
export class SpatialIndex {
  private pieces = new HitGrid(0, 0, HIT_CELL_PX);
  private points = new HitGrid(0, 0, HIT_CELL_PX);
  private readonly byId = new Map<string, Entry>();
  /** Entries by paint order; removed ones leave a hole. */
  private byOrder: (Entry | undefined)[] = [];
  private nextOrder = 0;
  private readonly bodyWalk = new GridWalk();
  private readonly handleWalk = new GridWalk();

  /** Replaces the contents with `drawings`; array position is paint order (last = topmost). */
  load(drawings: readonly Drawing[], viewport: Viewport): void {
    this.byId.clear();
    this.byOrder = drawings.map((drawing, order) => entry(drawing, viewport, order));
    this.pieces = new HitGrid(viewport.width, viewport.height, HIT_CELL_PX);
    this.points = new HitGrid(viewport.width, viewport.height, HIT_CELL_PX);
    for (const item of this.byOrder as Entry[]) {
      this.byId.set(item.id, item);
      for (const b of item.pieces) this.pieces.countBox(b.minX, b.minY, b.maxX, b.maxY);
      const h = item.handles;
      for (let i = 0; i + 1 < h.length; i += 2) this.points.countBox(h[i]!, h[i + 1]!, h[i]!, h[i + 1]!);
    }
    this.pieces.allocate();
    this.points.allocate();
    for (const item of this.byOrder as Entry[]) this.add(item, 'place');
    this.nextOrder = drawings.length;
  }

  /** Adds a drawing on top, or re-indexes it in place (same paint order) when its id is present. */
  upsert(drawing: Drawing, viewport: Viewport): void {
    const old = this.byId.get(drawing.id);
    if (old) this.take(old);
    const item = entry(drawing, viewport, old ? old.order : this.nextOrder++);
    this.byId.set(item.id, item);
    this.byOrder[item.order] = item;
    this.add(item, 'insert');
  }

  /** Removes a drawing by id; false when it was not indexed. */
  remove(id: string): boolean {
    const old = this.byId.get(id);
    if (!old) return false;
    this.take(old);
    this.byId.delete(id);
    this.byOrder[old.order] = undefined;
    return true;
  }

  /**
   * Drawings whose bbox intersects `box`, in no particular order (a marquee selects by bbox). A scan
   * of the stored bboxes: it runs once per marquee frame, not per pointer move.
   */
  search(box: Box): IndexedDrawing[] {
    const out: IndexedDrawing[] = [];
    for (const item of this.byId.values()) if (boxIntersects(item, box)) out.push(item);
    return out;
  }

  /** Drawings with a hit box within `tolerance` px of the point (per axis), each once, topmost first. */
  searchPoint(point: PxPoint, tolerance: number): IndexedDrawing[] {
    const out: IndexedDrawing[] = [];
    const walk = this.bodiesNear(point, tolerance);
    for (let item = walk(); item; item = walk()) out.push(item);
    return out;
  }

  /**
   * Like searchPoint, one drawing per call, topmost first, until undefined; allocates nothing, so a
   * caller that stops at the first hit reads only the top of the pointer's cells. Valid until the
   * next search or change.
   */
  bodiesNear(point: PxPoint, tolerance: number): () => IndexedDrawing | undefined {
    this.pieces.walkBox(
      this.bodyWalk,
      point.x - tolerance,
      point.y - tolerance,
      point.x + tolerance,
      point.y + tolerance,
    );
    return this.nextBody;
  }

  /** Drawings with a handle centre within `radius` px of the point, one per call, until undefined. */
  handlesNear(point: PxPoint, radius: number): () => IndexedDrawing | undefined {
    this.points.walkNear(this.handleWalk, point.x, point.y, radius);
    return this.nextHandle;
  }

  private readonly nextBody = (): IndexedDrawing | undefined => this.atOrder(this.bodyWalk.nextOrder());
  private readonly nextHandle = (): IndexedDrawing | undefined => this.atOrder(this.handleWalk.nextOrder());

  private atOrder(order: number): IndexedDrawing | undefined {
    return order < 0 ? undefined : this.byOrder[order];
  }

  /** The indexed entry of an id, if any. */
  get(id: string): IndexedDrawing | undefined {
    return this.byId.get(id);
  }

  /** Number of indexed drawings. */
  get size(): number {
    return this.byId.size;
  }

  /** Puts a drawing's boxes and handle centres into the grids: `place` on top, `insert` anywhere. */
  private add(item: Entry, how: 'place' | 'insert'): void {
    for (const b of item.pieces) this.pieces[how](b.minX, b.minY, b.maxX, b.maxY, item.order);
    const h = item.handles;
    for (let i = 0; i + 1 < h.length; i += 2)
      this.points[how](h[i]!, h[i + 1]!, h[i]!, h[i + 1]!, item.order);
  }

  private take(item: Entry): void {
    for (const b of item.pieces) this.pieces.remove(b.minX, b.minY, b.maxX, b.maxY, item.order);
    const h = item.handles;
    for (let i = 0; i + 1 < h.length; i += 2)
      this.points.remove(h[i]!, h[i + 1]!, h[i]!, h[i + 1]!, item.order);
  }
}

function entry(drawing: Drawing, viewport: Viewport, order: number): Entry {
  const b = drawingBbox(drawing, viewport);
  const area = drawingHitArea(drawing, viewport);
  return {
    minX: b.minX,
    minY: b.minY,
    maxX: b.maxX,
    maxY: b.maxY,
    id: drawing.id,
    drawing,
    order,
    handles: area.handles,
    pieces: area.boxes,
  };
}

/** A spatial index loaded with `drawings`. */
export function createSpatialIndex(drawings: readonly Drawing[], viewport: Viewport): SpatialIndex {
  const index = new SpatialIndex();
  index.load(drawings, viewport);
  return index;
}
