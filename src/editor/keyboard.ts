// Key → editor action, pure. Letters are matched on `code` when present, because Alt+letter on
// macOS produces a different `key` (Alt+T gives "†").
import type { DrawingKind } from '../core/drawing';
import type { EditorKeyEvent } from './types';

/** What a key press asks the editor to do. */
export type KeyAction =
  | { readonly type: 'tool'; readonly tool: DrawingKind }
  | { readonly type: 'escape' }
  | { readonly type: 'delete' }
  | { readonly type: 'nudge'; readonly dx: number; readonly dy: number }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'copy' }
  | { readonly type: 'paste' }
  | { readonly type: 'duplicate' }
  | { readonly type: 'selectAll' };

/** One hotkey with its tooltip label. */
export interface Hotkey {
  /** A DrawingKind for tools, else the action's name. */
  readonly id:
    | DrawingKind
    | 'undo'
    | 'redo'
    | 'delete'
    | 'copy'
    | 'paste'
    | 'duplicate'
    | 'escape'
    | 'selectAll';
  readonly name: string;
  /** For tooltips, e.g. "Alt+Shift+R" (Ctrl means Cmd on macOS). */
  readonly label: string;
}

/**
 * Every hotkey, for tooltips. Alt+P toggles TradingView's percent scale, so the parallel channel
 * takes Alt+Shift+P, after the rectangle's Alt+Shift+R.
 */
export const HOTKEYS: readonly Hotkey[] = [
  { id: 'LINE', name: 'Line', label: 'Alt+T' },
  { id: 'HORIZONTAL_LINE', name: 'Horizontal line', label: 'Alt+H' },
  { id: 'RECTANGLE', name: 'Rectangle', label: 'Alt+Shift+R' },
  { id: 'FIBONACCI_RETRACEMENT', name: 'Fibonacci retracement', label: 'Alt+F' },
  { id: 'PARALLEL', name: 'Parallel channel', label: 'Alt+Shift+P' },
  { id: 'undo', name: 'Undo', label: 'Ctrl+Z' },
  { id: 'redo', name: 'Redo', label: 'Ctrl+Shift+Z / Ctrl+Y' },
  { id: 'delete', name: 'Delete', label: 'Delete / Backspace' },
  { id: 'copy', name: 'Copy', label: 'Ctrl+C' },
  { id: 'paste', name: 'Paste', label: 'Ctrl+V' },
  { id: 'duplicate', name: 'Duplicate', label: 'Ctrl+D' },
  { id: 'selectAll', name: 'Select all', label: 'Ctrl+A' },
  { id: 'escape', name: 'Cancel', label: 'Esc' },
];

/** Pixels an arrow key nudges, without and with Shift. */
export const NUDGE_PX = { normal: 1, shift: 10 } as const;

const ALT_TOOLS: { readonly [letter: string]: { readonly shift: boolean; readonly tool: DrawingKind } } = {
  T: { shift: false, tool: 'LINE' },
  H: { shift: false, tool: 'HORIZONTAL_LINE' },
  R: { shift: true, tool: 'RECTANGLE' },
  F: { shift: false, tool: 'FIBONACCI_RETRACEMENT' },
  P: { shift: true, tool: 'PARALLEL' },
};

const ARROWS: { readonly [key: string]: readonly [number, number] } = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

function letterOf(e: EditorKeyEvent): string {
  if (e.code?.startsWith('Key')) return e.code.slice(3);
  return e.key.length === 1 ? e.key.toUpperCase() : '';
}

/** The action for a key press, or null when the editor should leave the key alone. */
export function keyAction(e: EditorKeyEvent): KeyAction | null {
  if (e.targetIsEditable) return null;
  const mod = e.ctrlKey || e.metaKey;
  const letter = letterOf(e);
  if (e.targetIsChoice) {
    if (!mod || e.altKey) return null;
    if (letter === 'Z') return { type: e.shiftKey ? 'redo' : 'undo' };
    return letter === 'Y' && !e.shiftKey ? { type: 'redo' } : null;
  }
  if (e.altKey && !mod) {
    const hot = ALT_TOOLS[letter];
    return hot && hot.shift === e.shiftKey ? { type: 'tool', tool: hot.tool } : null;
  }
  if (mod && !e.altKey) {
    if (letter === 'Z') return { type: e.shiftKey ? 'redo' : 'undo' };
    if (e.shiftKey) return null;
    if (letter === 'Y') return { type: 'redo' };
    if (letter === 'C') return { type: 'copy' };
    if (letter === 'V') return { type: 'paste' };
    if (letter === 'D') return { type: 'duplicate' };
    if (letter === 'A') return { type: 'selectAll' };
    return null;
  }
  if (mod || e.altKey) return null;
  if (e.key === 'Escape') return { type: 'escape' };
  if (e.key === 'Delete' || e.key === 'Backspace') return { type: 'delete' };
  const arrow = ARROWS[e.key];
  if (arrow) {
    const step = e.shiftKey ? NUDGE_PX.shift : NUDGE_PX.normal;
    return { type: 'nudge', dx: arrow[0] * step, dy: arrow[1] * step };
  }
  return null;
}
