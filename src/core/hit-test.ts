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
  // Stryker disable next-line EqualityOperator: no two candidates share an order, so `>=` is the same
  return a.order > b.order;
}

/**
 * The nearest drawing part within `tolerance` px of the pointer, or null. Handles beat bodies; equal
 * distances go to the topmost drawing (last in `drawings`). With more than LINEAR_SCAN_MAX drawings
 * and an `index` (which must hold exactly `drawings`, in the same order), only indexed candidates near
 * the pointer are tested, and of those only the ones that can still win (see `indexedHit`).
 */
export function hitTest(
  drawings: readonly Drawing[],
  viewport: Viewport,
  pointer: PxPoint,
  tolerance: number,
  index?: SpatialIndex,
): DrawingHit | null {
  let best: Ranked | null = null;
  if (index && drawings.length > LINEAR_SCAN_MAX) {
    best = indexedHit(index, viewport, pointer, tolerance);
  } else {
    drawings.forEach((drawing, order) => {
      best = consider(best, drawing, order, viewport, pointer, tolerance);
    });
  }
  if (best === null) return null;
  const { id, hit } = best as Ranked;
  return { id, hit };
}

function consider(
  best: Ranked | null,
  drawing: Drawing,
  order: number,
  viewport: Viewport,
  pointer: PxPoint,
  tolerance: number,
): Ranked | null {
  const hit = hitDrawing(drawing, viewport, pointer, tolerance);
  if (!hit) return best;
  const candidate = { id: drawing.id, hit, order };
  return better(candidate, best) ? candidate : best;
}

// Room for round-off between the index's cached handle centres and the ones hit() computes again:
// the cached ones only pick which candidates to test first, hit() decides.
const HANDLE_SLACK = 1e-6;

/**
 * The linear scan's answer from the index's candidates, testing few of them. Every kind's hit()
 * answers a handle when one is within tolerance, so: first the drawings with a handle that near
 * (usually none); a handle hit among them is the answer, as handles beat any body. Otherwise no hit
 * can be a handle, and the drawings near the pointer are tested from the top down until a hit at
 * distance 0 is found — every drawing below it could at best tie, and ties go to the topmost.
 */
function indexedHit(
  index: SpatialIndex,
  viewport: Viewport,
  pointer: PxPoint,
  tolerance: number,
): Ranked | null {
  let best: Ranked | null = null;
  const handles = index.handlesNear(pointer, tolerance + HANDLE_SLACK);
  for (let item = handles(); item; item = handles())
    best = consider(best, item.drawing, item.order, viewport, pointer, tolerance);
  if (best?.hit.part.type === 'handle') return best;
  const bodies = index.bodiesNear(pointer, tolerance);
  for (let item = bodies(); item; item = bodies()) {
    const settled: Ranked | null = best;
    if (settled && settled.hit.distance === 0 && settled.order > item.order) break;
    best = consider(best, item.drawing, item.order, viewport, pointer, tolerance);
  }
  return best;
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
