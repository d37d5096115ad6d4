// The Fibonacci ratio list of the style panel: one number input per level (edit on change),
// a remove button per level, and a new ratio with an Add button. Every list is checked by the
// editor's own rule (1–24 distinct finite ratios in [-5, 5], spec §3.9) before it is written; a
// refused one is shown in words naming the field, and nothing changes.
import { validateFibLevels } from '../editor/index';
import { el, type Scope } from './dom';
import type { EmbedStrings } from './strings';

let lists = 0;

/** The ratio list's element and how the panel drives it. */
export interface LevelsEditor {
  readonly element: HTMLFieldSetElement;
  /** Shows `levels` (null: the selection's ratios differ). */
  show(levels: readonly number[] | null): void;
}

/** Builds the list; `write` stores a checked list (and may throw, shown like a refused list). */
export function mountLevelsEditor(
  doc: Document,
  strings: EmbedStrings,
  scope: Scope,
  write: (levels: readonly number[]) => void,
): LevelsEditor {
  const element = el(doc, 'fieldset', 'cm-fib-levels');
  element.append(el(doc, 'legend', undefined, strings.fibLevels));
  const list = el(doc, 'ul', 'cm-level-list');
  const mixed = el(doc, 'p', 'cm-muted', strings.levelsMixed);
  const adder = el(doc, 'div', 'cm-level-row');
  const next = ratioInput(doc);
  next.setAttribute('aria-label', strings.newLevel);
  const add = el(doc, 'button', 'cm-button', strings.addLevel);
  add.type = 'button';
  adder.append(next, add);
  const error = el(doc, 'p', 'cm-error');
  error.id = `cm-levels-error-${++lists}`;
  error.setAttribute('role', 'alert');
  element.append(mixed, list, adder, error);

  let levels: readonly number[] = [];
  const rows: { li: HTMLLIElement; input: HTMLInputElement; remove: HTMLButtonElement }[] = [];

  const fail = (message: string, input: HTMLInputElement | null): void => {
    error.textContent = message;
    for (const r of [...rows.map((r) => r.input), next]) {
      const bad = r === input;
      r.toggleAttribute('aria-invalid', bad);
      if (bad) r.setAttribute('aria-describedby', error.id);
      else r.removeAttribute('aria-describedby');
    }
  };
  const tryWrite = (candidate: readonly number[], input: HTMLInputElement | null): boolean => {
    try {
      validateFibLevels(candidate);
      write(candidate);
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err), input);
      return false;
    }
    fail('', null);
    return true;
  };
  const row = (): (typeof rows)[number] => {
    const li = el(doc, 'li', 'cm-level-row');
    const input = ratioInput(doc);
    const remove = el(doc, 'button', 'cm-button', '×');
    remove.type = 'button';
    li.append(input, remove);
    const r = { li, input, remove };
    scope.listen(input, 'change', () => {
      const i = rows.indexOf(r);
      tryWrite(
        levels.map((x, j) => (j === i ? input.valueAsNumber : x)),
        input,
      );
    });
    scope.listen(remove, 'click', () => {
      const i = rows.indexOf(r);
      tryWrite(
        levels.filter((_, j) => j !== i),
        null,
      );
    });
    return r;
  };
  const addLevel = (): void => {
    if (tryWrite([...levels, next.valueAsNumber], next)) next.value = '';
  };
  scope.listen(add, 'click', addLevel);
  scope.listen(next, 'keydown', (e) => {
    if ((e as KeyboardEvent).key !== 'Enter') return;
    e.preventDefault();
    addLevel();
  });

  return {
    element,
    show(shown) {
      mixed.hidden = shown !== null;
      list.hidden = adder.hidden = shown === null;
      if (shown === null) return;
      const changed = shown.length !== levels.length || shown.some((x, i) => x !== levels[i]);
      levels = shown;
      if (changed) fail('', null);
      // Rows are kept and refilled, so focus stays where it was when the list changes under it.
      while (rows.length < levels.length) {
        const r = row();
        rows.push(r);
        list.append(r.li);
      }
      while (rows.length > levels.length) rows.pop()!.li.remove();
      levels.forEach((ratio, i) => {
        const r = rows[i]!;
        // A refused entry stays in its field beside its message until the list itself changes.
        if (changed) r.input.value = String(ratio);
        r.input.setAttribute('aria-label', strings.levelRatio(i + 1));
        r.remove.setAttribute('aria-label', strings.removeLevel(ratio));
        r.remove.title = strings.removeLevel(ratio);
      });
    },
  };
}

function ratioInput(doc: Document): HTMLInputElement {
  const input = el(doc, 'input');
  input.type = 'number';
  input.step = 'any';
  input.inputMode = 'decimal';
  return input;
}
