// Which drawing is under the pointer, and which drawings a marquee selects.
import type { Drawing } from './drawing';
import { boxIntersects } from './geometry';
import type { Hit } from './kinds/behaviour';
import { drawingBbox, hitDrawing } from './kinds/registry';
import type { Box, PxPoint } from './scene';
import type { SpatialIndex } from './spatial-index';
import type { Viewport } from './viewport';

/** Up to this many drawings a linear scan is as fast as an index lookup, so the index is skipped. */
export const LINEAR_SCAN_MAX = 64;

/** The drawing under the pointer and the part hit. */
export interface DrawingHit {
  readonly id: string;
  readonly hit: Hit;
}

interface Ranked extends DrawingHit {
  readonly order: number;
}

// Handles beat any body, then the nearer part wins, then the topmost (higher order).
function better(a: Ranked, b: Ranked | null): boolean {
  if (b === null) return true;
  const ah = a.hit.part.type === 'handle';
  const bh = b.hit.part.type === 'handle';
  if (ah !== bh) return ah;
  if (a.hit.distance !== b.hit.distance) return a.hit.distance < b.hit.distance;
  return a.order > b.order;
}

/**
 * The nearest drawing part within `tolerance` px of the pointer, or null. Handles beat bodies; equal
 * distances go to the topmost drawing (last in `drawings`). With more than LINEAR_SCAN_MAX drawings
 * and an `index` (which must hold exactly `drawings`, in the same order), only indexed candidates near
 * the pointer are tested.
 */
export function hitTest(
  drawings: readonly Drawing[],
  viewport: Viewport,
  pointer: PxPoint,
  tolerance: number,
  index?: SpatialIndex,
): DrawingHit | null {
  let best: Ranked | null = null;
  const consider = (drawing: Drawing, order: number): void => {
    const hit = hitDrawing(drawing, viewport, pointer, tolerance);
    if (!hit) return;
    const candidate = { id: drawing.id, hit, order };
    if (better(candidate, best)) best = candidate;
  };
  if (index && drawings.length > LINEAR_SCAN_MAX) {
    for (const item of index.searchPoint(pointer, tolerance)) consider(item.drawing, item.order);
  } else {
    drawings.forEach(consider);
  }
  if (best === null) return null;
  const { id, hit } = best as Ranked;
  return { id, hit };
}

/**
 * Ids of the drawings a marquee selects, in paint order: like TradingView, any drawing whose pixel
 * bbox intersects the box is selected, even when only partly inside.
 */
export function drawingsInBox(
  drawings: readonly Drawing[],
  viewport: Viewport,
  box: Box,
  index?: SpatialIndex,
): string[] {
  if (index && drawings.length > LINEAR_SCAN_MAX) {
    return index
      .search(box)
      .sort((a, b) => a.order - b.order)
      .map((item) => item.id);
  }
  return drawings.filter((d) => boxIntersects(drawingBbox(d, viewport), box)).map((d) => d.id);
}
