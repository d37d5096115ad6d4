// The strict-CSP test page: every policy violation is recorded before the editor mounts.
import { mountAnalysisEditor } from 'chartmark';
import { demoCandles } from '../candles';
import sample from '../sample-analysis.json';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.violatedDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
);
const container = document.getElementById('editor') as HTMLElement;
// lightweight-charts' attribution logo brings its own <style>: under this policy the page shows
// the attribution as a link instead (csp.html), as the library's licence allows.
const handle = mountAnalysisEditor(container, {
  candles: demoCandles(),
  analysis: sample,
  theme: 'dark',
  chartOptions: { layout: { attributionLogo: false } },
});
Object.assign(window, { cspPage: { handle, violations } });
