// Small DOM helpers of the UI parts: element creation and a scope that undoes everything it was
// given (listeners, subscriptions, nodes), so destroy() leaves nothing behind.

/** Collects cleanup functions and runs them once, newest first. */
export class Scope {
  private readonly undo: (() => void)[] = [];
  private closed = false;

  /** Adds a cleanup; after close() it runs at once. */
  add(fn: () => void): void {
    if (this.closed) fn();
    else this.undo.push(fn);
  }

  /** Adds `listener` to `target` until the scope closes. */
  listen<K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    listener: (e: HTMLElementEventMap[K]) => void,
  ): void;
  listen(target: EventTarget, type: string, listener: (e: Event) => void): void;
  listen(target: EventTarget, type: string, listener: (e: Event) => void): void {
    target.addEventListener(type, listener);
    this.add(() => target.removeEventListener(type, listener));
  }

  /** True once closed. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Runs every cleanup (errors in one do not stop the others; the first is rethrown). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    let first: unknown = null;
    for (const fn of this.undo.reverse()) {
      try {
        fn();
      } catch (err) {
        first ??= err;
      }
    }
    this.undo.length = 0;
    if (first !== null) throw first;
  }
}

/** A new element of `tag` with a class and optional text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** `<label>text <control></label>`: the control's accessible name is the text. */
export function labelled(
  doc: Document,
  text: string,
  control: HTMLElement,
  className?: string,
): HTMLLabelElement {
  const label = el(doc, 'label', className);
  label.append(`${text} `, control);
  return label;
}

/** A `<select>` with (value, text) options. */
export function select(
  doc: Document,
  name: string,
  options: readonly (readonly [string, string])[],
): HTMLSelectElement {
  const s = el(doc, 'select');
  s.name = name;
  for (const [value, text] of options) s.append(new Option(text, value));
  return s;
}
