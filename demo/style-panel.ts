// Style of the selection: colour, width, line style and fill, applied to every selected drawing.
import { type LineStyle, resolveStyle } from 'chartmark/core';
import type { Editor } from 'chartmark/editor';

const hex6 = (c: string): string => (/^#[0-9a-f]{6}/i.test(c) ? c.slice(0, 7) : '#000000');

/** Wires the style form to the editor's selection. */
export function mountStylePanel(form: HTMLFormElement, editor: Editor): void {
  const fields = form.querySelector('fieldset') as HTMLFieldSetElement;
  const target = form.querySelector('#style-target') as HTMLElement;
  const color = form.elements.namedItem('color') as HTMLInputElement;
  const width = form.elements.namedItem('lineWidth') as HTMLSelectElement;
  const lineStyle = form.elements.namedItem('lineStyle') as HTMLSelectElement;
  const fill = form.elements.namedItem('fillColor') as HTMLInputElement;

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
      ? `(${list.length === 1 ? first.id : `${list.length} drawings`})`
      : '(nothing selected)';
    if (!first) return;
    const style = resolveStyle(first.kind, first.style);
    color.value = hex6(first.kind === 'RECTANGLE' ? style.borderColor : style.color);
    width.value = String(style.lineWidth);
    lineStyle.value = style.lineStyle;
    fill.value = hex6(style.fillColor);
  };
  color.addEventListener('input', () => {
    const c = color.value.toUpperCase();
    const rect = selected().some((d) => d.kind === 'RECTANGLE');
    editor.restyle(rect ? { color: c, borderColor: c } : { color: c });
  });
  width.addEventListener('change', () => editor.restyle({ lineWidth: Number(width.value) }));
  lineStyle.addEventListener('change', () => editor.restyle({ lineStyle: lineStyle.value as LineStyle }));
  // Fill keeps a translucent alpha so the candles stay readable under a zone.
  fill.addEventListener('input', () => editor.restyle({ fillColor: `${fill.value.toUpperCase()}33` }));
  editor.subscribe(sync);
  sync();
}
