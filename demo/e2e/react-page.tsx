// The React 19 test page: the custom elements in JSX, data passed as properties (React 19 sets
// them as properties on custom elements), events through `onchartmark-…` props.
import 'chartmark/elements';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { demoCandles } from '../candles';
import sample from '../sample-analysis.json';

const candles = demoCandles();

function App() {
  const [analysis, setAnalysis] = useState<unknown>(null);
  const [changes, setChanges] = useState(0);
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  return (
    <main>
      <button type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>
        Theme: {theme}
      </button>
      <chartmark-editor
        candles={candles}
        analysis={sample}
        theme={theme}
        onchartmark-ready={(e: CustomEvent) => setAnalysis(e.detail.getAnalysis())}
        onchartmark-change={(e: CustomEvent) => {
          setAnalysis(e.detail);
          setChanges((n) => n + 1);
        }}
      />
      <p id="changes">changes: {changes}</p>
      {analysis ? <chartmark-view candles={candles} analysis={analysis} theme={theme} /> : null}
    </main>
  );
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'chartmark-editor': Record<string, unknown>;
      'chartmark-view': Record<string, unknown>;
    }
  }
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
