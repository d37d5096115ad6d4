// A post's read-only chart, and a live preview of what the editor holds (no server involved).
import { type AnalysisEditorHandle, mountAnalysisView, type OhlcBar, type ViewAnalysis } from 'chartmark';

/** Shows a saved analysis (the API's AnalysisDetail) on its candles, in the page's theme. */
export function showPost(container: HTMLElement, analysis: ViewAnalysis, candles: OhlcBar[]) {
  return mountAnalysisView(container, { analysis, candles, theme: 'dark', text: true });
}

/** Keeps a preview in step with an editor: every change repaints the post as it would look. */
export function previewOf(editor: AnalysisEditorHandle, container: HTMLElement, candles: OhlcBar[]) {
  const view = mountAnalysisView(container, { analysis: editor.getAnalysis(), candles });
  const off = editor.on('change', () => view.setAnalysis(editor.getAnalysis()));
  return () => {
    off();
    view.destroy();
  };
}
