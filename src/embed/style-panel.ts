// The style panel: with drawings selected it shows the controls every selected drawing has
// (style-model.ts decides which), a value that differs as mixed, then lock, hide and paint
// order; with nothing selected and a drawing tool active it edits what that tool's next drawing
// starts with (the editor's drawingDefaults, kept per user by preferences.ts). Each change is one
// undo step; a colour-picker drag is one too.
import type { Drawing, DrawingKind } from '../core/index';
import type { Editor, EditorState } from '../editor/index';
import { el, labelled, type Scope, select } from './dom';
import type { EmbedStrings } from './strings';
import { mountLevelsEditor } from './style-levels';
import {
  type ControlValue,
  changeFor,
  defaultsWith,
  drawingFromDefaults,
  fillAlphaOf,
  ordinalOf,
  type StyleControl,
  sharedControls,
  shownValue,
} from './style-model';

let notes = 0;
const WIDTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
const CHECKS = ['extendLeft', 'extendRight', 'startHead', 'endHead', 'showMidline', 'showBands'] as const;
const CHECK_TEXT = {
  extendLeft: 'extendLeft',
  extendRight: 'extendRight',
  startHead: 'startArrow',
  endHead: 'endArrow',
  showMidline: 'midline',
  showBands: 'bands',
} as const satisfies { [K in (typeof CHECKS)[number]]: keyof EmbedStrings };

function checkbox(
  doc: Document,
  name: string,
  text: string,
): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = el(doc, 'input');
  input.type = 'checkbox';
  input.name = name;
  const label = el(doc, 'label', 'cm-check');
  label.append(input, ` ${text}`);
  return { label, input };
}

/** Builds the style form and wires it to the editor until `scope` closes. */
export function mountStylePanel(
  doc: Document,
  editor: Editor,
  strings: EmbedStrings,
  scope: Scope,
): HTMLFormElement {
  const form = el(doc, 'form', 'cm-form cm-style');
  form.setAttribute('aria-label', strings.styleForm);
  const fields = el(doc, 'fieldset');
  const legend = el(doc, 'legend', undefined, `${strings.style} `);
  const target = el(doc, 'span', 'cm-muted', strings.nothingSelected);
  legend.append(target);
  const hint = el(doc, 'p', 'cm-muted', strings.styleHint);

  const color = el(doc, 'input');
  color.type = 'color';
  color.name = 'color';
  const width = select(doc, 'lineWidth', [['', strings.mixed], ...WIDTHS.map((w) => [w, w] as const)]);
  const lineStyle = select(doc, 'lineStyle', [
    ['', strings.mixed],
    ['SOLID', strings.solid],
    ['DASHED', strings.dashed],
    ['DOTTED', strings.dotted],
  ]);
  const labelSide = select(doc, 'labelSide', [
    ['', strings.mixed],
    ['left', strings.left],
    ['right', strings.right],
  ]);
  const fill = el(doc, 'input');
  fill.type = 'color';
  fill.name = 'fillColor';
  const colorMixed = el(doc, 'span', 'cm-muted', ` ${strings.mixed}`);
  const fillMixed = el(doc, 'span', 'cm-muted', ` ${strings.mixed}`);
  // The mixed note sits beside the label, not in it: the control's name stays "Colour".
  const withNote = (label: HTMLLabelElement, input: HTMLInputElement, note: HTMLElement): HTMLElement => {
    const field = el(doc, 'div', 'cm-field');
    note.id = `cm-mixed-${++notes}`;
    input.setAttribute('aria-describedby', note.id);
    field.append(label, note);
    return field;
  };
  const colorLabel = withNote(labelled(doc, strings.colour, color), color, colorMixed);
  const fillLabel = withNote(labelled(doc, strings.fill, fill), fill, fillMixed);
  const checks = Object.fromEntries(CHECKS.map((c) => [c, checkbox(doc, c, strings[CHECK_TEXT[c]])])) as {
    [K in (typeof CHECKS)[number]]: ReturnType<typeof checkbox>;
  };
  const levels = mountLevelsEditor(doc, strings, scope, (list) => apply('levels', list));

  const controls: { readonly [C in StyleControl]: HTMLElement } = {
    color: colorLabel,
    lineWidth: labelled(doc, strings.width, width),
    lineStyle: labelled(doc, strings.lineStyle, lineStyle),
    fillColor: fillLabel,
    extendLeft: checks.extendLeft.label,
    extendRight: checks.extendRight.label,
    startHead: checks.startHead.label,
    endHead: checks.endHead.label,
    showMidline: checks.showMidline.label,
    showBands: checks.showBands.label,
    labelSide: labelled(doc, strings.labelSide, labelSide),
    levels: levels.element,
  };
  const options = el(doc, 'div', 'cm-checks');
  options.append(...CHECKS.map((c) => controls[c]));

  const lock = checkbox(doc, 'locked', strings.lock);
  const button = (text: string): HTMLButtonElement => {
    const b = el(doc, 'button', 'cm-button', text);
    b.type = 'button';
    return b;
  };
  // Hiding deselects the drawing (the editor selects visible drawings only): a button, not a
  // checkbox that would vanish checked; "Show hidden drawings" brings them back.
  const hide = button(strings.hide);
  const front = button(strings.bringToFront);
  const back = button(strings.sendToBack);
  const actions = el(doc, 'div', 'cm-style-actions');
  actions.append(lock.label, hide, front, back);
  const showHidden = button('');
  fields.append(
    legend,
    hint,
    controls.color,
    controls.lineWidth,
    controls.lineStyle,
    controls.fillColor,
    options,
    controls.labelSide,
    levels.element,
    actions,
    showHidden,
  );
  form.append(fields);

  const selected = (state: EditorState = editor.getState()): Drawing[] =>
    state.selection.map((id) => state.byId[id]).filter((d) => d !== undefined);
  // With nothing selected: the kind of the active drawing tool, whose defaults the panel edits.
  const defaultsKind = (state: EditorState): DrawingKind | null =>
    state.selection.length === 0 && state.tool !== 'select' ? state.tool : null;

  // Writes one control's value: on every selected drawing in one undo step, or into the defaults.
  function apply(control: StyleControl, value: ControlValue): void {
    const state = editor.getState();
    const kind = defaultsKind(state);
    if (kind) {
      editor.setDrawingDefaults(
        kind,
        defaultsWith(state.drawingDefaults[kind], changeFor(kind, control, value)),
      );
      return;
    }
    const list = selected(state);
    if (list.length === 0) return;
    editor.beginGesture();
    try {
      for (const d of list) {
        const change = changeFor(d.kind, control, value, fillAlphaOf(d));
        if (change.type === 'style') editor.restyle(change.patch, [d.id]);
        else if (change.type === 'option') editor.setOption(change.option, change.value, [d.id]);
        else if (change.type === 'labelSide') editor.setFibLabelSide(change.side, [d.id]);
        else editor.setFibLevels(d.id, change.levels);
      }
    } finally {
      editor.endGesture();
    }
  }

  // Editor changes arrive on every pointer move of a drag: touch the DOM only when something the
  // panel shows changed (states are immutable, so identity says it).
  let shown: readonly unknown[] = [];
  const sync = (): void => {
    const state = editor.getState();
    const list = selected(state);
    const kind = defaultsKind(state);
    const key = [...list, state.flags, state.order, kind, kind && state.drawingDefaults[kind]];
    if (key.length === shown.length && key.every((x, i) => x === shown[i])) return;
    shown = key;
    const hiddenCount = Object.values(state.flags).filter((f) => f.hidden).length;
    const shownDrawings = kind ? [drawingFromDefaults(kind, state.drawingDefaults[kind])] : list;
    const wanted = new Set(sharedControls(shownDrawings.map((d) => d.kind)));
    // Bands and label side are editor state with no wire field (spec §3.9): a drawing's, not a
    // default to keep.
    if (kind) {
      wanted.delete('showBands');
      wanted.delete('labelSide');
    }
    const first = list[0];
    target.textContent = kind
      ? strings.nextDrawing(kind)
      : first
        ? list.length === 1
          ? strings.drawingName(first.kind, ordinalOf(state, first.id))
          : strings.selectedCount(list.length)
        : strings.nothingSelected;
    hint.hidden = shownDrawings.length > 0;
    for (const [control, node] of Object.entries(controls) as [StyleControl, HTMLElement][])
      node.hidden = !wanted.has(control);
    options.hidden = !CHECKS.some((c) => wanted.has(c));
    actions.hidden = list.length === 0;
    showHidden.hidden = hiddenCount === 0;
    showHidden.textContent = strings.showHidden(hiddenCount);
    for (const control of wanted) {
      const v = shownValue(shownDrawings, control);
      switch (control) {
        case 'color':
        case 'fillColor': {
          const input = control === 'color' ? color : fill;
          if (!v.mixed) input.value = String(v.value);
          (control === 'color' ? colorMixed : fillMixed).hidden = !v.mixed;
          break;
        }
        case 'lineWidth':
        case 'lineStyle':
        case 'labelSide': {
          const s = control === 'lineWidth' ? width : control === 'lineStyle' ? lineStyle : labelSide;
          s.value = v.mixed ? '' : String(v.value);
          (s.options[0] as HTMLOptionElement).hidden = !v.mixed;
          break;
        }
        case 'levels':
          levels.show(v.mixed ? null : (v.value as readonly number[]));
          break;
        default: {
          const input = checks[control].input;
          input.checked = !v.mixed && v.value === true;
          input.indeterminate = v.mixed;
        }
      }
    }
    const flag = (name: 'locked' | 'hidden'): { all: boolean; some: boolean } => {
      const on = list.filter((d) => state.flags[d.id]?.[name] === true).length;
      return { all: list.length > 0 && on === list.length, some: on > 0 && on < list.length };
    };
    const locked = flag('locked');
    lock.input.checked = locked.all;
    lock.input.indeterminate = locked.some;
    const ids = new Set(list.map((d) => d.id));
    front.disabled = state.order.slice(-ids.size).every((id) => ids.has(id));
    back.disabled = state.order.slice(0, ids.size).every((id) => ids.has(id));
  };

  // A drag in a colour picker fires `input` on every move: one undo step per drag, committed on
  // `change` (or when focus leaves without one).
  const gesture = (control: HTMLInputElement, write: () => void): void => {
    let open = false;
    const end = (): void => {
      if (!open) return;
      open = false;
      editor.endGesture();
    };
    scope.listen(control, 'input', () => {
      if (!open) {
        open = true;
        editor.beginGesture();
      }
      write();
    });
    scope.listen(control, 'change', () => {
      if (!open) write(); // a change without input events (set by script or a picker's OK)
      end();
    });
    scope.listen(control, 'blur', end);
    scope.add(end);
  };
  gesture(color, () => apply('color', color.value.toUpperCase()));
  gesture(fill, () => apply('fillColor', fill.value.toUpperCase()));
  scope.listen(width, 'change', () => width.value && apply('lineWidth', Number(width.value)));
  scope.listen(lineStyle, 'change', () => lineStyle.value && apply('lineStyle', lineStyle.value));
  scope.listen(labelSide, 'change', () => labelSide.value && apply('labelSide', labelSide.value));
  for (const c of CHECKS) scope.listen(checks[c].input, 'change', () => apply(c, checks[c].input.checked));
  scope.listen(lock.input, 'change', () => editor.setFlag('locked', lock.input.checked));
  scope.listen(hide, 'click', () => editor.hide());
  scope.listen(front, 'click', () => editor.bringToFront());
  scope.listen(back, 'click', () => editor.sendToBack());
  scope.listen(showHidden, 'click', () =>
    editor.show(Object.keys(editor.getState().flags).filter((id) => editor.getState().flags[id]?.hidden)),
  );
  scope.listen(form, 'submit', (e) => e.preventDefault());
  scope.add(editor.subscribe(sync));
  sync();
  return form;
}
