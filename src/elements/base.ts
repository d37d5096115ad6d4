// What the elements share: a base class that exists in Node (where HTMLElement does not, so
// importing this layer on a server never throws), and events that bubble out of the element.

/** HTMLElement in a browser; an inert class elsewhere, so that `class … extends` evaluates. */
export const ElementBase: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

/** Dispatches a bubbling, composed CustomEvent `type` with `detail` from `target`. */
export function fire<T>(target: EventTarget, type: string, detail: T): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Defines `name` once, and only where custom elements exist. */
export function define(name: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(name, ctor);
}
