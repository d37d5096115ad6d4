// lightweight-charts sets its own cursor on its inner canvases, so a cursor on our container
// would never show. One rule per hint overrides every descendant while the attribute is set;
// without the attribute the chart's own cursor shows again. The rules are adopted as a
// constructable stylesheet, which a strict Content-Security-Policy allows (an injected
// `<style>` needs 'unsafe-inline'); the `<style>` is only the fallback for older browsers.
import type { CursorHint } from '../editor/types';

const STYLE_ID = 'chartmark-overlay-cursors';
const HINTS: readonly CursorHint[] = [
  'pointer',
  'move',
  'grabbing',
  'crosshair',
  'ew-resize',
  'ns-resize',
  'nwse-resize',
  'nesw-resize',
];

const adopted = new WeakSet<Document>();

/** Adds the cursor rules to the document once. */
export function installCursorStyles(doc: Document): void {
  const rules = HINTS.map(
    (h) => `[data-cm-cursor="${h}"], [data-cm-cursor="${h}"] * { cursor: ${h} !important; }`,
  ).join('\n');
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in doc) {
    if (adopted.has(doc)) return;
    adopted.add(doc);
    const sheet = new Sheet();
    sheet.replaceSync(rules);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return;
  }
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = rules;
  doc.head.append(style);
}

/** Shows `hint` over `element` and everything inside it; 'default' hands the cursor back to the chart. */
export function setCursor(element: HTMLElement, hint: CursorHint): void {
  if (hint === 'default') delete element.dataset.cmCursor;
  else element.dataset.cmCursor = hint;
}
