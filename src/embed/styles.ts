// The embed's stylesheet. It is adopted as a constructable stylesheet (`adoptedStyleSheets`) on
// the document or shadow root the embed sits in: no `<style>` element is injected, so a strict
// Content-Security-Policy without `'unsafe-inline'` for styles keeps working. Pages that prefer a
// file pass `styles: false` and link the same rules (EMBED_CSS, shipped as a CSS file).
// Colours are CSS custom properties; the chart reads them too (theme.ts), so one override on the
// container restyles both the UI and the candles. A page sets `--cm-up` etc.; the rules use
// `--_cm-up`, which takes the page's value or the theme's default (a property declared on the
// embed's own element would otherwise hide the one the page set on a parent).

/** The rules of the editor and view UI, themes included (muted text keeps 4.5:1 contrast, WCAG AA). */
export const EMBED_CSS = `
.cm-embed {
  --_cm-background: var(--cm-background, #ffffff);
  --_cm-surface: var(--cm-surface, #ffffff);
  --_cm-text: var(--cm-text, #131722);
  --_cm-muted: var(--cm-muted, #6a6d78);
  --_cm-border: var(--cm-border, #e0e3eb);
  --_cm-grid: var(--cm-grid, #f0f3fa);
  --_cm-accent: var(--cm-accent, #2962ff);
  --_cm-accent-text: var(--cm-accent-text, #ffffff);
  --_cm-up: var(--cm-up, #26a69a);
  --_cm-down: var(--cm-down, #ef5350);
  --_cm-error: var(--cm-error, #c62828);
  color-scheme: light;
  container-type: inline-size;
  display: grid;
  gap: 0.5rem;
  min-width: 0;
  max-width: 100%;
  box-sizing: border-box;
  color: var(--_cm-text);
  font: 14px/1.35 system-ui, sans-serif;
}
.cm-embed[data-theme="dark"] {
  --_cm-background: var(--cm-background, #131722);
  --_cm-surface: var(--cm-surface, #1e222d);
  --_cm-text: var(--cm-text, #d1d4dc);
  --_cm-muted: var(--cm-muted, #8c8f9a);
  --_cm-border: var(--cm-border, #2a2e39);
  --_cm-grid: var(--cm-grid, #2a2e39);
  --_cm-accent: var(--cm-accent, #2962ff);
  --_cm-accent-text: var(--cm-accent-text, #ffffff);
  --_cm-up: var(--cm-up, #26a69a);
  --_cm-down: var(--cm-down, #ef5350);
  --_cm-error: var(--cm-error, #ef9a9a);
  color-scheme: dark;
}
.cm-embed *, .cm-embed *::before, .cm-embed *::after { box-sizing: border-box; }
.cm-embed [hidden] { display: none !important; }
.cm-toolbar {
  display: flex;
  flex-wrap: nowrap;
  align-items: center;
  gap: 0.75rem;
  min-width: 0;
  overflow-x: auto;
  overscroll-behavior-x: contain;
  padding: 0.4rem 0.5rem;
  background: var(--_cm-surface);
  border: 1px solid var(--_cm-border);
  border-radius: 4px;
}
.cm-group { display: flex; gap: 0.25rem; flex: none; }
.cm-button {
  font: inherit;
  font-size: 0.85rem;
  white-space: nowrap;
  padding: 0.3rem 0.6rem;
  min-height: 2rem;
  border: 1px solid var(--_cm-border);
  border-radius: 4px;
  background: var(--_cm-surface);
  color: var(--_cm-text);
  cursor: pointer;
}
.cm-button[aria-pressed="true"] {
  background: var(--_cm-accent);
  border-color: var(--_cm-accent);
  color: var(--_cm-accent-text);
}
.cm-button:disabled { opacity: 0.45; cursor: default; }
.cm-visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.cm-button:focus-visible, .cm-chart:focus-visible { outline: 2px solid var(--_cm-accent); outline-offset: 1px; }
.cm-inline, .cm-check { flex: none; white-space: nowrap; font-size: 0.85rem; }
.cm-status { flex: none; margin-left: auto; font-size: 0.85rem; color: var(--_cm-muted); white-space: nowrap; }
.cm-status[data-kind="error"] { color: var(--_cm-error); }
.cm-body {
  display: grid;
  grid-template-columns: minmax(0, 1fr) var(--cm-panel-width, 300px);
  gap: 0.75rem;
  min-width: 0;
}
.cm-body.cm-no-panel { grid-template-columns: minmax(0, 1fr); }
.cm-chart {
  position: relative;
  min-width: 0;
  height: var(--cm-chart-height, clamp(320px, 62vh, 640px));
  background: var(--_cm-background);
  border: 1px solid var(--_cm-border);
  outline: none;
}
.cm-view .cm-chart { height: var(--cm-chart-height, clamp(240px, 50vh, 480px)); }
.cm-panel { min-width: 0; display: grid; gap: 0.75rem; align-content: start; }
.cm-form fieldset {
  display: grid;
  gap: 0.4rem;
  margin: 0;
  min-width: 0;
  border: 1px solid var(--_cm-border);
  border-radius: 4px;
  background: var(--_cm-surface);
  font-size: 0.85rem;
}
.cm-form label { display: grid; gap: 0.15rem; }
.cm-form input, .cm-form select, .cm-form textarea, .cm-toolbar select {
  font: inherit;
  min-width: 0;
  max-width: 100%;
  color: var(--_cm-text);
  background: var(--_cm-background);
  border: 1px solid var(--_cm-border);
  border-radius: 3px;
}
.cm-field { display: flex; align-items: end; gap: 0.4rem; }
.cm-form label.cm-check { display: flex; align-items: center; gap: 0.3rem; }
.cm-checks, .cm-style-actions { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; align-items: center; }
.cm-style input[type="color"] { width: 3rem; min-height: 2rem; padding: 0.1rem; }
.cm-style input[type="checkbox"] { width: 1.1rem; height: 1.1rem; margin: 0; }
.cm-fib-levels { padding: 0.3rem 0.5rem; }
.cm-level-list { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr)); gap: 0.3rem; }
.cm-level-row { display: flex; gap: 0.25rem; align-items: center; min-width: 0; }
.cm-level-row input { flex: 1 1 auto; width: 0; min-width: 3.5rem; min-height: 2rem; }
.cm-level-row .cm-button { flex: none; padding: 0.2rem 0.5rem; }
.cm-style input[aria-invalid] { border-color: var(--_cm-error); }
.cm-alert-toggle { font: inherit; justify-self: start; }
.cm-alert-toggle[aria-pressed="true"] { background: var(--_cm-surface); border: 1px solid #ff9800; }
.cm-alert { margin: 0.2rem 0; }
.cm-muted { color: var(--_cm-muted); font-weight: normal; }
.cm-error { color: var(--_cm-error); margin: 0; min-height: 1em; }
/* Phones, tablets upright and narrow columns: the panel moves below the chart, the chart takes the width. */
@container (max-width: 900px) {
  .cm-body { grid-template-columns: minmax(0, 1fr); }
  .cm-editor .cm-chart { height: var(--cm-chart-height, clamp(300px, 62vh, 1000px)); }
  .cm-panel { grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr)); }
}
`;

const sheets = new WeakMap<Document, CSSStyleSheet>();
const users = new WeakMap<Document | ShadowRoot, number>();

function sheetFor(doc: Document): CSSStyleSheet | null {
  const view = doc.defaultView;
  if (!view || typeof view.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc)) return null;
  let sheet = sheets.get(doc);
  if (!sheet) {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(EMBED_CSS);
    sheets.set(doc, sheet);
  }
  return sheet;
}

/**
 * Adopts the embed's stylesheet where `node` lives (its document or shadow root), once however
 * many embeds share it; the returned function gives it back (the sheet goes with the last user).
 */
export function adoptEmbedStyles(node: Node): () => void {
  const root = node.getRootNode() as Document | ShadowRoot;
  const doc = node.ownerDocument ?? (node as Document);
  const target: Document | ShadowRoot = 'adoptedStyleSheets' in root ? root : doc;
  const sheet = sheetFor(doc);
  if (!sheet) return () => {};
  const count = users.get(target) ?? 0;
  if (count === 0) target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  users.set(target, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (users.get(target) ?? 1) - 1;
    users.set(target, left);
    if (left === 0) target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
