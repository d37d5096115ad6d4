// Style of the selection: colour, width, line style and fill, applied to every selected drawing.
import { type LineStyle, resolveStyle } from '../core/index';
import type { Editor } from '../editor/index';
import { el, labelled, type Scope, select } from './dom';
import type { EmbedStrings } from './strings';

const hex6 = (c: string): string => (/^#[0-9a-f]{6}/i.test(c) ? c.slice(0, 7) : '#000000');
const WIDTHS = ['1', '2', '3', '4', '6'] as const;

/** Builds the style form and wires it to the editor's selection until `scope` closes. */
export function mountStylePanel(
  doc: Document,
  editor: Editor,
  strings: EmbedStrings,
  scope: Scope,
): HTMLFormElement {
  const form = el(doc, 'form', 'cm-form cm-style');
  form.setAttribute('aria-label', strings.styleForm);
  const fields = el(doc, 'fieldset');
  fields.disabled = true;
  const legend = el(doc, 'legend', undefined, `${strings.style} `);
  const target = el(doc, 'span', 'cm-muted', strings.nothingSelected);
  legend.append(target);
  const color = el(doc, 'input');
  color.type = 'color';
  color.name = 'color';
  const width = select(
    doc,
    'lineWidth',
    WIDTHS.map((w) => [w, w]),
  );
  const lineStyle = select(doc, 'lineStyle', [
    ['SOLID', strings.solid],
    ['DASHED', strings.dashed],
    ['DOTTED', strings.dotted],
  ]);
  const fill = el(doc, 'input');
  fill.type = 'color';
  fill.name = 'fillColor';
  fields.append(
    legend,
    labelled(doc, strings.colour, color),
    labelled(doc, strings.width, width),
    labelled(doc, strings.lineStyle, lineStyle),
    labelled(doc, strings.fill, fill),
  );
  form.append(fields);

  const selected = () => {
    const s = editor.getState();
    return s.selection.map((id) => s.byId[id]).filter((d) => d !== undefined);
  };
  let shown = '';
  const sync = (): void => {
    const list = selected();
    // Editor changes arrive on every pointer move of a drag; touch the DOM only when needed.
    const key = `${list.map((d) => d.id).join(',')}|${JSON.stringify(list[0]?.style ?? null)}`;
    if (key === shown) return;
    shown = key;
    fields.disabled = list.length === 0;
    const first = list[0];
    target.textContent = first
      ? list.length === 1
        ? `(${first.id})`
        : strings.selectedCount(list.length)
      : strings.nothingSelected;
    if (!first) return;
    const style = resolveStyle(first.kind, first.style);
    color.value = hex6(first.kind === 'RECTANGLE' ? style.borderColor : style.color);
    width.value = String(style.lineWidth);
    lineStyle.value = style.lineStyle;
    fill.value = hex6(style.fillColor);
  };
  // A drag in a colour picker fires `input` on every move: one undo step per drag, committed on
  // `change` (or when focus leaves without one).
  const gesture = (control: HTMLInputElement, apply: () => void): void => {
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
      apply();
    });
    scope.listen(control, 'change', () => {
      if (!open) apply(); // a change without input events (set by script or a picker's OK)
      end();
    });
    scope.listen(control, 'blur', end);
    scope.add(end);
  };
  gesture(color, () => {
    const c = color.value.toUpperCase();
    const rect = selected().some((d) => d.kind === 'RECTANGLE');
    editor.restyle(rect ? { color: c, borderColor: c } : { color: c });
  });
  scope.listen(width, 'change', () => editor.restyle({ lineWidth: Number(width.value) }));
  scope.listen(lineStyle, 'change', () => editor.restyle({ lineStyle: lineStyle.value as LineStyle }));
  // Fill keeps a translucent alpha so the candles stay readable under a zone.
  gesture(fill, () => editor.restyle({ fillColor: `${fill.value.toUpperCase()}33` }));
  scope.listen(form, 'submit', (e) => e.preventDefault());
  scope.add(editor.subscribe(sync));
  sync();
  return form;
}
