// The analysis form: metadata (title, symbol, timeframe, direction, entry placement, texts),
// expiry in hours, and the support/pivot/resistance levels. Edits go straight into the editor
// (one undo step each); the editor's errors (level order, expiry range) are shown next to the
// fields, never thrown away.
import {
  type Direction,
  type EntryPlacement,
  formatTime,
  LEVEL_NAMES,
  price,
  TIMEFRAMES,
  type Timeframe,
  type UtcSeconds,
} from '../core/index';
import type { Editor } from '../editor/index';
import { el, labelled, type Scope, select } from './dom';
import type { EmbedStrings } from './strings';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const TEXTS = ['title', 'symbol', 'preferenceText', 'alternativeText', 'comments'] as const;
const MAX_LENGTH = { title: 200, symbol: 32, preferenceText: 5000, alternativeText: 2000, comments: 2000 };

function input(doc: Document, name: string, type = 'text'): HTMLInputElement {
  const i = el(doc, 'input');
  i.name = name;
  i.type = type;
  return i;
}

function textarea(doc: Document, name: string, rows: number): HTMLTextAreaElement {
  const t = el(doc, 'textarea');
  t.name = name;
  t.rows = rows;
  return t;
}

/** The metadata form and a refresh for when the expiry instant moves without an edit (the server's createdAt arrived). */
export interface MetadataForm {
  readonly form: HTMLFormElement;
  refresh(): void;
}

/** Builds the metadata form and wires it to the editor until `scope` closes; `expiresAt` is the instant the chart marks. */
export function mountMetadataForm(
  doc: Document,
  editor: Editor,
  strings: EmbedStrings,
  scope: Scope,
  expiresAt: () => UtcSeconds | null,
): MetadataForm {
  const form = el(doc, 'form', 'cm-form cm-metadata');
  form.setAttribute('aria-label', strings.metadataForm);
  const set = el(doc, 'fieldset');
  const f: Record<
    (typeof TEXTS)[number] | 'timeframe' | 'direction' | 'entryPlacement' | 'expiryHours',
    Field
  > = {
    title: input(doc, 'title'),
    symbol: input(doc, 'symbol'),
    timeframe: select(
      doc,
      'timeframe',
      TIMEFRAMES.map((t) => [t, t]),
    ),
    direction: select(doc, 'direction', [
      ['BULLISH', strings.bullish],
      ['BEARISH', strings.bearish],
    ]),
    entryPlacement: select(doc, 'entryPlacement', [
      ['ABOVE_CURRENT', strings.aboveCurrent],
      ['BELOW_CURRENT', strings.belowCurrent],
    ]),
    expiryHours: input(doc, 'expiryHours', 'number'),
    preferenceText: textarea(doc, 'preferenceText', 3),
    alternativeText: textarea(doc, 'alternativeText', 2),
    comments: textarea(doc, 'comments', 2),
  };
  for (const name of TEXTS) (f[name] as HTMLInputElement).maxLength = MAX_LENGTH[name];
  (f.title as HTMLInputElement).required = true;
  const hours = f.expiryHours as HTMLInputElement;
  Object.assign(hours, { min: '1', max: '8760', step: '1' });
  // The instant the expiry means, as the chart's "Expires" tag and a post show it.
  const until = el(doc, 'output', 'cm-muted cm-expires');
  until.setAttribute('aria-live', 'polite');
  set.append(
    el(doc, 'legend', undefined, strings.analysis),
    labelled(doc, strings.title, f.title),
    labelled(doc, strings.symbol, f.symbol),
    labelled(doc, strings.timeframe, f.timeframe),
    labelled(doc, strings.direction, f.direction),
    labelled(doc, strings.entryPlacement, f.entryPlacement),
    labelled(doc, strings.expiryHours, hours),
    until,
    labelled(doc, strings.preference, f.preferenceText),
    labelled(doc, strings.alternative, f.alternativeText),
    labelled(doc, strings.comments, f.comments),
  );
  form.append(set);

  let shown: unknown = null;
  const showExpiry = (): void => {
    const t = expiresAt();
    const text = t === null ? strings.noExpiry : strings.expires(formatTime(t));
    if (until.textContent !== text) until.textContent = text;
  };
  const sync = (): void => {
    const m = editor.getState().metadata;
    if (m === shown) return;
    shown = m;
    showExpiry();
    for (const name of TEXTS) if (doc.activeElement !== f[name]) f[name].value = m[name] ?? '';
    f.timeframe.value = m.timeframe;
    f.direction.value = m.direction;
    f.entryPlacement.value = m.entryPlacement;
    if (doc.activeElement !== hours) hours.value = m.expiry?.type === 'HOURS' ? String(m.expiry.hours) : '';
  };
  for (const name of TEXTS) {
    scope.listen(f[name], 'change', () => {
      const value = f[name].value;
      const optional = name !== 'title' && name !== 'symbol';
      editor.setMetadata({ [name]: optional && value === '' ? undefined : value });
    });
  }
  scope.listen(f.timeframe, 'change', () =>
    editor.setMetadata({ timeframe: f.timeframe.value as Timeframe }),
  );
  scope.listen(f.direction, 'change', () =>
    editor.setMetadata({ direction: f.direction.value as Direction }),
  );
  scope.listen(f.entryPlacement, 'change', () =>
    editor.setMetadata({ entryPlacement: f.entryPlacement.value as EntryPlacement }),
  );
  scope.listen(hours, 'change', () => {
    try {
      editor.setExpiry(hours.value === '' ? undefined : { type: 'HOURS', hours: Number(hours.value) });
      hours.setCustomValidity('');
    } catch (err) {
      hours.setCustomValidity((err as Error).message);
      hours.reportValidity();
    }
  });
  scope.listen(form, 'submit', (e) => e.preventDefault());
  scope.add(editor.subscribe(sync));
  sync();
  return { form, refresh: showExpiry };
}

/** Builds the support/pivot/resistance form and wires it to the editor's levels until `scope` closes. */
export function mountLevelsForm(
  doc: Document,
  editor: Editor,
  strings: EmbedStrings,
  scope: Scope,
  step: () => number,
  defaultTime: () => UtcSeconds,
): HTMLFormElement {
  const form = el(doc, 'form', 'cm-form cm-levels');
  form.setAttribute('aria-label', strings.levelsForm);
  const set = el(doc, 'fieldset');
  const error = el(doc, 'p', 'cm-error');
  error.setAttribute('role', 'alert');
  const fields = LEVEL_NAMES.map((name) => {
    const i = input(doc, name, 'number');
    return [name, i] as const;
  });
  set.append(
    el(doc, 'legend', undefined, strings.levels),
    ...fields.map(([name, i]) => labelled(doc, strings[name], i)),
    error,
  );
  form.append(set);
  let shown: unknown = null;
  const sync = (): void => {
    const levels = editor.getState().levels;
    if (levels === shown) return;
    shown = levels;
    for (const [name, i] of fields) {
      i.step = String(step());
      const p = levels[name]?.price;
      if (doc.activeElement !== i) i.value = p === undefined ? '' : String(p);
    }
  };
  for (const [name, i] of fields) {
    scope.listen(i, 'change', () => {
      const current = editor.getState().levels[name];
      try {
        if (i.value === '') editor.setLevel(name, null);
        else {
          editor.setLevel(name, {
            id: current?.id ?? `${name}_level`,
            price: price(Number(i.value)),
            time: current?.time ?? defaultTime(),
          });
        }
        error.textContent = '';
      } catch (err) {
        error.textContent = (err as Error).message;
        shown = null;
        sync();
      }
    });
  }
  scope.listen(form, 'submit', (e) => e.preventDefault());
  scope.add(editor.subscribe(sync));
  sync();
  return form;
}
