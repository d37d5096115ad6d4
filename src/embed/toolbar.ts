// The drawing toolbar: one button per tool and action, its accessible name the tool's name and
// its tooltip showing the hotkey, pressed state following the editor; magnet and "stay in
// drawing mode" beside them. On a narrow screen the row scrolls sideways inside itself.
import type { DrawingKind } from '../core/index';
import { type Editor, HOTKEYS, type MagnetMode, type ToolId } from '../editor/index';
import { el, labelled, type Scope, select } from './dom';
import type { EmbedStrings } from './strings';

const TOOLS: readonly { readonly tool: ToolId; readonly name: keyof EmbedStrings }[] = [
  { tool: 'select', name: 'select' },
  { tool: 'HORIZONTAL_LINE', name: 'horizontalLine' },
  { tool: 'LINE', name: 'line' },
  { tool: 'RECTANGLE', name: 'rectangle' },
  { tool: 'PARALLEL', name: 'parallelChannel' },
  { tool: 'FIBONACCI_RETRACEMENT', name: 'fibonacciRetracement' },
];

const hotkey = (id: string): string | undefined => HOTKEYS.find((h) => h.id === id)?.label;

/** Builds the toolbar into a new element and keeps it in sync with the editor until `scope` closes. */
export function mountToolbar(
  doc: Document,
  editor: Editor,
  strings: EmbedStrings,
  scope: Scope,
  focusChart: () => void,
): HTMLElement {
  const bar = el(doc, 'div', 'cm-toolbar');
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', strings.toolbar);
  const button = (name: string, key: string | undefined, onClick: () => void): HTMLButtonElement => {
    const b = el(doc, 'button', 'cm-button', name);
    b.type = 'button';
    b.title = key ? `${name} (${key})` : name;
    if (key) b.setAttribute('aria-keyshortcuts', key.split(' / ')[0].replace(/Ctrl/g, 'Control'));
    scope.listen(b, 'click', onClick);
    return b;
  };
  const tools = el(doc, 'div', 'cm-group');
  const toolButtons = TOOLS.map(({ tool, name }) => {
    const label = strings[name] as string;
    const b = button(label, tool === 'select' ? 'Esc' : hotkey(tool as DrawingKind), () => {
      editor.setTool(tool);
      focusChart();
    });
    b.setAttribute('aria-pressed', 'false');
    tools.append(b);
    return { tool, b };
  });
  const history = el(doc, 'div', 'cm-group');
  const undo = button(strings.undo, hotkey('undo'), () => editor.undo());
  const redo = button(strings.redo, hotkey('redo'), () => editor.redo());
  const del = button(strings.delete, hotkey('delete'), () => editor.delete());
  history.append(undo, redo, del);
  const magnet = select(doc, 'magnet', [
    ['off', strings.magnetOff],
    ['weak', strings.magnetWeak],
    ['strong', strings.magnetStrong],
  ]);
  scope.listen(magnet, 'change', () => editor.setMagnet(magnet.value as MagnetMode));
  const stay = el(doc, 'input');
  stay.type = 'checkbox';
  stay.name = 'stayInDrawingMode';
  scope.listen(stay, 'change', () => editor.setStayInDrawingMode(stay.checked));
  const stayLabel = el(doc, 'label', 'cm-check');
  stayLabel.append(stay, ` ${strings.stayInDrawingMode}`);
  bar.append(tools, history, labelled(doc, strings.magnet, magnet, 'cm-inline'), stayLabel);

  let shown = '';
  const sync = (): void => {
    const state = editor.getState();
    const key = `${state.tool}|${editor.canUndo()}|${editor.canRedo()}|${state.selection.length}|${state.magnet}|${state.stayInDrawingMode}`;
    if (key === shown) return;
    shown = key;
    for (const { tool, b } of toolButtons) b.setAttribute('aria-pressed', String(state.tool === tool));
    undo.disabled = !editor.canUndo();
    redo.disabled = !editor.canRedo();
    del.disabled = state.selection.length === 0;
    magnet.value = state.magnet;
    stay.checked = state.stayInDrawingMode;
  };
  scope.add(editor.subscribe(sync));
  sync();
  return bar;
}
