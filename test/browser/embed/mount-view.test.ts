// The embed facade's read-only view shows a post whole: it passes chartmark/view's opt-in parts,
// so the outcome (in the chart's summary) and the "alert me" toggles are there, as before they
// became parts. The sample (channel-sample.json, created 2026-01-08 15:00Z, expiring 2026-01-09
// 15:00Z) on the demo candles is STOPPED: entry at the pivot 1.345 on the 20:00 bar, exit at the
// stop 1.341 on the 2026-01-09 02:00 bar (outcome.test.ts works the numbers).
import { afterEach, describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import sample from '../../../demo/channel-sample.json';
import { mountAnalysisView } from '../../../src/embed/index';
import type { ViewAnalysis } from '../../../src/embed/index';

afterEach(() => document.body.replaceChildren());

describe('mountAnalysisView (the embed facade)', () => {
  it('shows the outcome in the summary and the alert toggles of every drawing', () => {
    const box = document.createElement('div');
    box.style.width = '640px';
    document.body.append(box);
    const view = mountAnalysisView(box, {
      analysis: sample as ViewAnalysis,
      candles: demoCandles(),
      now: Date.parse('2026-01-10T00:00:00Z') / 1000,
    });
    const chart = box.querySelector('.cm-chart')!;
    expect(chart.getAttribute('aria-label')).toMatch(
      /; outcome: stopped, entered at 1\.3450 on 2026-01-08 20:00 UTC, exited at 1\.3410 on 2026-01-09 02:00 UTC, a loss of 0\.30 percent, minus 1\.0 R$/,
    );
    expect([...box.querySelectorAll('.cm-alert-toggle')].map((b) => b.textContent)).toEqual([
      'Alert me: Rectangle support_zone',
      'Alert me: Line entry_line',
      'Alert me: Horizontal line target',
    ]);
    view.destroy();
    expect(box.querySelector('.cm-alert-panel')).toBeNull();
  });
});
