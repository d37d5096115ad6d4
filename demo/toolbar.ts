// The drawing toolbar: one button per tool and action, its accessible name exactly the tool's
// name and its tooltip showing the hotkey, pressed state following the editor.
import type { DrawingKind } from 'chartmark/core';
import { type Editor, HOTKEYS, type ToolId } from 'chartmark/editor';

const TOOLS: readonly { readonly tool: ToolId; readonly name: string }[] = [
  { tool: 'select', name: 'Select' },
  { tool: 'HORIZONTAL_LINE', name: 'Horizontal line' },
  { tool: 'LINE', name: 'Line' },
  { tool: 'RECTANGLE', name: 'Rectangle' },
  { tool: 'PARALLEL', name: 'Parallel channel' },
  { tool: 'FIBONACCI_RETRACEMENT', name: 'Fibonacci retracement' },
];

const hotkey = (id: string): string | undefined => HOTKEYS.find((h) => h.id === id)?.label;

function button(name: string, key: string | undefined, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = name;
  b.title = key ? `${name} (${key})` : name;
  if (key) b.setAttribute('aria-keyshortcuts', key.split(' / ')[0].replace(/Ctrl/g, 'Control'));
  b.addEventListener('click', onClick);
  return b;
}

/** Builds the tool and history buttons into the given groups and keeps them in sync with the editor. */
export function mountToolbar(
  tools: HTMLElement,
  history: HTMLElement,
  editor: Editor,
  focusChart: () => void,
): void {
  const toolButtons = TOOLS.map(({ tool, name }) => {
    const b = button(name, tool === 'select' ? 'Esc' : hotkey(tool as DrawingKind), () => {
      editor.setTool(tool);
      focusChart();
    });
    b.setAttribute('aria-pressed', 'false');
    tools.append(b);
    return { tool, b };
  });
  const undo = button('Undo', hotkey('undo'), () => editor.undo());
  const redo = button('Redo', hotkey('redo'), () => editor.redo());
  const del = button('Delete', hotkey('delete'), () => editor.delete());
  history.append(undo, redo, del);
  let shown = '';
  const sync = (): void => {
    const state = editor.getState();
    const key = `${state.tool}|${editor.canUndo()}|${editor.canRedo()}|${state.selection.length}`;
    if (key === shown) return;
    shown = key;
    for (const { tool, b } of toolButtons) b.setAttribute('aria-pressed', String(state.tool === tool));
    undo.disabled = !editor.canUndo();
    redo.disabled = !editor.canRedo();
    del.disabled = state.selection.length === 0;
  };
  editor.subscribe(sync);
  sync();
}
