// Whether the overlay should capture a pointer (and lock the chart's pan and zoom) after an event,
// decided where the gesture's state lives, so the overlay never reads the editor's tool state.
import type { EditorPointerEvent, ToolPointerResult, ToolState } from './types';

/**
 * A handled press claims the pointer at once. Mid-press the editor claims it once a drag began
 * (a marquee, a long-pressed drawing, a body grabbed): a "handled" during the press threshold
 * alone does not, or a mouse jitter of a pixel on empty space would stop the pan about to start.
 */
export function capturesPointer(
  type: EditorPointerEvent['type'],
  result: ToolPointerResult,
  after: ToolState,
): boolean {
  if (!result.handled) return false;
  if (type === 'down') return true;
  if (type !== 'move') return false;
  return result.cursor === 'move' || (after.type !== 'pressing' && after.type !== 'idle');
}
