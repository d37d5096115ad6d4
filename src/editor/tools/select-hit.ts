// What lies under the pointer for the select tool: drawings (handles first, by the core's
// hit-test), then the analysis' level lines; and the cursor that tells what a drag would do.
import { LEVEL_NAMES, type LevelName } from '../../core/analysis';
import type { Drawing } from '../../core/drawing';
import { hitTest, LINEAR_SCAN_MAX } from '../../core/hit-test';
import { drawingHandles } from '../../core/kinds/registry';
import { createSpatialIndex, type SpatialIndex } from '../../core/spatial-index';
import type { Viewport } from '../../core/viewport';
import { visibleDrawings } from '../state';
import type { CursorHint, EditorPointerEvent, EditorState, PressTarget } from '../types';
import { HIT_TOLERANCE } from './common';

/** The nearest level within `tolerance` px of y, or null. */
export function hitLevel(
  state: EditorState,
  viewport: Viewport,
  y: number,
  tolerance: number,
): LevelName | null {
  let best: LevelName | null = null;
  let bestDistance = tolerance;
  for (const name of LEVEL_NAMES) {
    const level = state.levels[name];
    if (!level) continue;
    const d = Math.abs(viewport.priceToY(level.price) - y);
    if (d <= bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

interface CachedIndex {
  readonly drawings: EditorState['drawings'];
  readonly flags: EditorState['flags'];
  readonly key: string;
  readonly visible: readonly Drawing[];
  readonly index: SpatialIndex | undefined;
}

// Hovering re-tests on every pointer move, so with many drawings the pixel grid index is kept while
// neither the drawings nor the viewport's size and visible ranges change (pan/zoom rebuilds it).
const indexCache = new WeakMap<Viewport, CachedIndex>();

function viewportKey(viewport: Viewport): string {
  const t = viewport.visibleTimeRange();
  const p = viewport.visiblePriceRange();
  return `${viewport.width},${viewport.height},${t.from},${t.to},${p.min},${p.max}`;
}

/** Visible drawings and, above LINEAR_SCAN_MAX of them, a spatial index over them for this viewport. */
export function hitCandidates(state: EditorState, viewport: Viewport): CachedIndex {
  const key = viewportKey(viewport);
  const cached = indexCache.get(viewport);
  if (cached && cached.drawings === state.drawings && cached.flags === state.flags && cached.key === key) {
    return cached;
  }
  const visible = visibleDrawings(state);
  const index = visible.length > LINEAR_SCAN_MAX ? createSpatialIndex(visible, viewport) : undefined;
  const entry = { drawings: state.drawings, flags: state.flags, key, visible, index };
  indexCache.set(viewport, entry);
  return entry;
}

/** What a press at the event's position would grab. */
export function targetAt(state: EditorState, viewport: Viewport, e: EditorPointerEvent): PressTarget {
  const tolerance = HIT_TOLERANCE[e.pointerType];
  const { visible, index } = hitCandidates(state, viewport);
  const hit = hitTest(visible, viewport, { x: e.x, y: e.y }, tolerance, index);
  if (hit) return { type: 'drawing', id: hit.id, part: hit.hit.part };
  const level = hitLevel(state, viewport, e.y, tolerance);
  return level ? { type: 'level', name: level } : { type: 'empty' };
}

/** Cursor over a target: the handle's own resize cursor, move over bodies, ns-resize on levels. */
export function cursorFor(state: EditorState, viewport: Viewport, target: PressTarget): CursorHint {
  if (target.type === 'level') return 'ns-resize';
  if (target.type === 'empty') return 'default';
  if (state.flags[target.id]?.locked) return 'pointer';
  if (target.part.type === 'handle') {
    const index = target.part.index;
    const handle = drawingHandles(state.byId[target.id]!, viewport).find((h) => h.index === index);
    return handle && handle.cursor !== 'crosshair' ? handle.cursor : 'move';
  }
  return 'move';
}
