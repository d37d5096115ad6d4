// Public surface of chartmark/elements: <chartmark-editor> and <chartmark-view>, defined on import
// where custom elements exist (importing in Node defines nothing and throws nothing).
export { ChartmarkEditorElement } from './chartmark-editor';
export { ChartmarkViewElement } from './chartmark-view';

declare global {
  interface HTMLElementTagNameMap {
    'chartmark-editor': import('./chartmark-editor').ChartmarkEditorElement;
    'chartmark-view': import('./chartmark-view').ChartmarkViewElement;
  }
}
