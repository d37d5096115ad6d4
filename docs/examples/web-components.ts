// The custom elements from a bundler app; in plain HTML the same elements come from the
// script-tag build (script-tag.html). Data goes in as properties, events bubble out.
import 'chartmark/elements';
import type { OhlcBar } from 'chartmark';

export function mountElements(candles: OhlcBar[], getToken: () => Promise<string>) {
  const editor = document.createElement('chartmark-editor');
  editor.setAttribute('api-base', 'https://api.returning.ai');
  editor.setAttribute('analysis-id', '6502c9e514a3e564c5c09c0a');
  editor.setAttribute('sender', 'trader@example.com');
  editor.setAttribute('theme', 'dark');
  editor.token = getToken; // called again whenever the API answers 401
  editor.candles = candles;
  const preview = document.createElement('chartmark-view');
  preview.candles = candles;
  editor.addEventListener('chartmark-change', (e) => {
    preview.analysis = (e as CustomEvent).detail; // the editor's analysis, AnalysisDetail-shaped
  });
  editor.addEventListener('chartmark-status', (e) => console.log('save status', (e as CustomEvent).detail));
  document.body.append(editor, preview);
}
