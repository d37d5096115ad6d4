// An R-tree (rbush) over drawings' pixel bounds, so a pointer move inspects only the drawings near
// it. Bounds are pixels, so the index must be reloaded after a pan, zoom or resize.
import RBush from 'rbush';
import type { Drawing } from './drawing';
import { drawingBbox } from './kinds/registry';
import type { Box, PxPoint } from './scene';
import type { Viewport } from './viewport';

/** One indexed drawing: its pixel bounds, the drawing itself and its paint order (higher = on top). */
export interface IndexedDrawing extends Box {
  readonly id: string;
  readonly drawing: Drawing;
  readonly order: number;
}

/** Spatial index of drawing id → pixel bbox; searches are expanded by the caller's tolerance. */
export class SpatialIndex {
  private readonly tree = new RBush<IndexedDrawing>();
  private readonly byId = new Map<string, IndexedDrawing>();
  private nextOrder = 0;

  /** Replaces the contents with `drawings`; array position is paint order (last = topmost). */
  load(drawings: readonly Drawing[], viewport: Viewport): void {
    this.tree.clear();
    this.byId.clear();
    const items = drawings.map((drawing, order) => entry(drawing, viewport, order));
    for (const item of items) this.byId.set(item.id, item);
    this.tree.load(items);
    this.nextOrder = drawings.length;
  }

  /** Adds a drawing on top, or re-indexes it in place (same paint order) when its id is present. */
  upsert(drawing: Drawing, viewport: Viewport): void {
    const old = this.byId.get(drawing.id);
    if (old) this.tree.remove(old);
    const item = entry(drawing, viewport, old ? old.order : this.nextOrder++);
    this.byId.set(item.id, item);
    this.tree.insert(item);
  }

  /** Removes a drawing by id; false when it was not indexed. */
  remove(id: string): boolean {
    const old = this.byId.get(id);
    if (!old) return false;
    this.tree.remove(old);
    this.byId.delete(id);
    return true;
  }

  /** Drawings whose bbox intersects `box`, in no particular order. */
  search(box: Box): IndexedDrawing[] {
    return this.tree.search(box);
  }

  /** Drawings whose bbox lies within `tolerance` px of the point (per axis). */
  searchPoint(point: PxPoint, tolerance: number): IndexedDrawing[] {
    return this.tree.search({
      minX: point.x - tolerance,
      minY: point.y - tolerance,
      maxX: point.x + tolerance,
      maxY: point.y + tolerance,
    });
  }

  /** The indexed entry of an id, if any. */
  get(id: string): IndexedDrawing | undefined {
    return this.byId.get(id);
  }

  /** Number of indexed drawings. */
  get size(): number {
    return this.byId.size;
  }
}

function entry(drawing: Drawing, viewport: Viewport, order: number): IndexedDrawing {
  const b = drawingBbox(drawing, viewport);
  // Spelled out, not spread: V8 gives spread objects a slow shape, and rbush's search (measured
  // 9 µs → 300 µs on 10,000 items) reads these four fields on every node it visits.
  return { minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY, id: drawing.id, drawing, order };
}

/** A spatial index loaded with `drawings`. */
export function createSpatialIndex(drawings: readonly Drawing[], viewport: Viewport): SpatialIndex {
  const index = new SpatialIndex();
  index.load(drawings, viewport);
  return index;
}
