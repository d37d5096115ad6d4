// Metadata and levels forms. Edits go straight into the editor (one undo step each); the
// editor's errors (level order, expiry range) are shown next to the fields, never thrown away.
import {
  type Direction,
  type EntryPlacement,
  LEVEL_NAMES,
  price,
  TIMEFRAMES,
  type Timeframe,
  type UtcSeconds,
} from 'chartmark/core';
import type { Editor } from 'chartmark/editor';

const field = (form: HTMLFormElement, name: string) =>
  form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Wires the metadata form to the editor. */
export function mountMetadataForm(form: HTMLFormElement, editor: Editor): void {
  const timeframe = field(form, 'timeframe') as HTMLSelectElement;
  for (const t of TIMEFRAMES) timeframe.append(new Option(t, t));
  const texts = ['title', 'symbol', 'preferenceText', 'alternativeText', 'comments'] as const;
  let shown: unknown = null;
  const sync = (): void => {
    const m = editor.getState().metadata;
    if (m === shown) return;
    shown = m;
    for (const name of texts) {
      const el = field(form, name);
      if (document.activeElement !== el) el.value = m[name] ?? '';
    }
    field(form, 'timeframe').value = m.timeframe;
    field(form, 'direction').value = m.direction;
    field(form, 'entryPlacement').value = m.entryPlacement;
    const hours = field(form, 'expiryHours');
    if (document.activeElement !== hours)
      hours.value = m.expiry?.type === 'HOURS' ? String(m.expiry.hours) : '';
  };
  for (const name of texts) {
    field(form, name).addEventListener('change', (e) => {
      const value = (e.target as HTMLInputElement).value;
      const optional = name !== 'title' && name !== 'symbol';
      editor.setMetadata({ [name]: optional && value === '' ? undefined : value });
    });
  }
  field(form, 'timeframe').addEventListener('change', (e) =>
    editor.setMetadata({ timeframe: (e.target as HTMLSelectElement).value as Timeframe }),
  );
  field(form, 'direction').addEventListener('change', (e) =>
    editor.setMetadata({ direction: (e.target as HTMLSelectElement).value as Direction }),
  );
  field(form, 'entryPlacement').addEventListener('change', (e) =>
    editor.setMetadata({ entryPlacement: (e.target as HTMLSelectElement).value as EntryPlacement }),
  );
  const hours = field(form, 'expiryHours') as HTMLInputElement;
  hours.addEventListener('change', () => {
    try {
      editor.setExpiry(hours.value === '' ? undefined : { type: 'HOURS', hours: Number(hours.value) });
      hours.setCustomValidity('');
    } catch (err) {
      hours.setCustomValidity((err as Error).message);
      hours.reportValidity();
    }
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  editor.subscribe(sync);
  sync();
}

/** Wires the support/pivot/resistance inputs to the editor's levels. */
export function mountLevelsForm(form: HTMLFormElement, editor: Editor, defaultTime: () => UtcSeconds): void {
  const error = form.querySelector('#levels-error') as HTMLElement;
  let shown: unknown = null;
  const sync = (): void => {
    const levels = editor.getState().levels;
    if (levels === shown) return;
    shown = levels;
    for (const name of LEVEL_NAMES) {
      const el = field(form, name);
      const price = levels[name]?.price;
      if (document.activeElement !== el) el.value = price === undefined ? '' : String(price);
    }
  };
  for (const name of LEVEL_NAMES) {
    const el = field(form, name);
    el.addEventListener('change', () => {
      const current = editor.getState().levels[name];
      try {
        if (el.value === '') editor.setLevel(name, null);
        else {
          editor.setLevel(name, {
            id: current?.id ?? `${name}_level`,
            price: price(Number(el.value)),
            time: current?.time ?? defaultTime(),
          });
        }
        error.textContent = '';
      } catch (err) {
        error.textContent = (err as Error).message;
        sync();
      }
    });
  }
  form.addEventListener('submit', (e) => e.preventDefault());
  editor.subscribe(sync);
  sync();
}
