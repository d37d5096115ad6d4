// What lies under the pointer for the select tool: drawings (handles first, by the core's
// hit-test), then the analysis' level lines; and the cursor that tells what a drag would do.
import { LEVEL_NAMES, type LevelName } from '../../core/analysis';
import { hitTest } from '../../core/hit-test';
import { drawingHandles } from '../../core/kinds/registry';
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

/** What a press at the event's position would grab. */
export function targetAt(state: EditorState, viewport: Viewport, e: EditorPointerEvent): PressTarget {
  const tolerance = HIT_TOLERANCE[e.pointerType];
  const hit = hitTest(visibleDrawings(state), viewport, { x: e.x, y: e.y }, tolerance);
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
