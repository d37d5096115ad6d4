// The read-only view's crossing alerts in a real browser: live bars in, `cross` events for every
// crossing, a notice only for drawings the reader marked, marks kept in localStorage only.
import { afterEach, describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import type { UtcSeconds } from '../../../src/core/units';
import type { Candle } from '../../../src/svg/index';
import {
  ALERT_STORAGE_PREFIX,
  type AnalysisView,
  type CrossEvent,
  mountAnalysisView,
  viewCrossings,
} from '../../../src/view/index';
import { withDrawings } from '../../unit/svg/detail-builders';

const candles = demoCandles() as unknown as Candle[];
const last = candles.at(-1)!;
const hline = (id: string, price: number) => ({
  type: 'HORIZONTAL_LINE',
  clientObjectId: id,
  points: [{ time: '2026-01-08T10:00:00Z', price }],
});
// Two lines above the last close: 10 and 20 pips.
const A = Math.round((last.close + 0.001) * 1e5) / 1e5;
const B = Math.round((last.close + 0.002) * 1e5) / 1e5;
const detail = { ...withDrawings([hline('line_a', A), hline('line_b', B)]), id: 'alerts-test-analysis' };

let view: AnalysisView | null = null;
afterEach(() => {
  view?.destroy();
  view = null;
  document.body.replaceChildren();
  localStorage.removeItem(ALERT_STORAGE_PREFIX + detail.id);
});

function mount(): HTMLDivElement {
  const el = document.createElement('div');
  el.style.cssText = 'width: 640px; height: 320px';
  document.body.append(el);
  view = mountAnalysisView(el, detail, candles, { theme: 'light', crossings: viewCrossings });
  return el;
}

describe('view crossing alerts', () => {
  it('emits cross for every crossing of a live bar, notifies only for the marked drawing, once', () => {
    mount();
    const toggles = Array.from(document.querySelectorAll<HTMLButtonElement>('.cm-alert-toggle'));
    expect(toggles.map((t) => [t.textContent, t.getAttribute('aria-pressed')])).toEqual([
      ['Alert me: Horizontal line line_a', 'false'],
      ['Alert me: Horizontal line line_b', 'false'],
    ]);
    toggles[0]!.click();
    expect(toggles[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(JSON.parse(localStorage.getItem(ALERT_STORAGE_PREFIX + detail.id)!)).toEqual(['line_a']);

    const events: CrossEvent[] = [];
    view!.on('cross', (e) => events.push(e));
    const t = (last.time + 3600) as UtcSeconds;
    const bar = (high: number, close: number) => ({
      time: t,
      open: last.close,
      high,
      low: last.close - 0.0005,
      close,
    });
    view!.updateCandle(bar(last.close + 0.0005, last.close + 0.0004)); // below both: nothing
    view!.updateCandle(bar(last.close + 0.0025, last.close + 0.0022)); // through both
    view!.updateCandle(bar(last.close + 0.003, last.close + 0.0028)); // the same bar grows: nothing new
    expect(events.map((e) => [e.crossing.drawingId, e.crossing.direction, e.alert])).toEqual([
      ['line_a', 'UP', true],
      ['line_b', 'UP', false],
    ]);
    expect(events[0]!.crossing.price).toBe(A);
    const notices = Array.from(document.querySelectorAll('.cm-alert-notices .cm-alert')).map(
      (p) => p.textContent,
    );
    expect(notices).toEqual([`Horizontal line line_a crossed upward at ${A.toFixed(5)}`]);
    expect(view!.series.data().at(-1)).toMatchObject({ time: t, close: last.close + 0.0028 });
  });

  it('without the part: no toggles or notices, no cross events, setAlert stores nothing', () => {
    const el = document.createElement('div');
    el.style.cssText = 'width: 640px; height: 320px';
    document.body.append(el);
    view = mountAnalysisView(el, detail, candles, { theme: 'light' });
    expect(document.querySelector('.cm-alert-panel, .cm-alert-toggle, .cm-alert-notices')).toBeNull();
    const events: CrossEvent[] = [];
    view.on('cross', (e) => events.push(e));
    view.setAlert('line_a', true);
    view.updateCandle({
      time: (last.time + 3600) as UtcSeconds,
      open: last.close,
      high: last.close + 0.0025,
      low: last.close - 0.0005,
      close: last.close + 0.0022,
    });
    expect(events).toEqual([]);
    expect(localStorage.getItem(ALERT_STORAGE_PREFIX + detail.id)).toBeNull();
    // The bar itself still reaches the chart.
    expect(view.series.data().at(-1)).toMatchObject({ time: last.time + 3600, close: last.close + 0.0022 });
  });

  it('reads the marks back after a reload, and setAlert updates the toggle', () => {
    localStorage.setItem(ALERT_STORAGE_PREFIX + detail.id, JSON.stringify(['line_b']));
    mount();
    const pressed = () =>
      Array.from(document.querySelectorAll('.cm-alert-toggle')).map((b) => b.getAttribute('aria-pressed'));
    expect(pressed()).toEqual(['false', 'true']);
    view!.setAlert('line_a', true);
    expect(pressed()).toEqual(['true', 'true']);
    view!.destroy();
    expect(document.querySelector('.cm-alert-panel')).toBeNull();
  });
});
