// The editor facade: replaceable strings, theme colours from CSS custom properties, parts that
// turn off, candles replaced and updated live, and the preview of the editor's analysis.
import { afterEach, describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import sample from '../../../demo/sample-analysis.json';
import type { UtcSeconds } from '../../../src/core/units';
import { mountAnalysisEditor, mountAnalysisView } from '../../../src/embed/index';
import { firePointer } from '../pointer';

const candles = demoCandles();
const frame = () => new Promise((r) => requestAnimationFrame(r));
afterEach(() => document.body.replaceChildren());

function box(): HTMLElement {
  const el = document.createElement('div');
  el.style.width = '900px';
  document.body.append(el);
  return el;
}

describe('mountAnalysisEditor', () => {
  it('names every button and field from `strings`', async () => {
    const h = mountAnalysisEditor(box(), {
      candles,
      analysis: sample,
      strings: {
        line: 'Linie',
        undo: 'Rückgängig',
        title: 'Titel',
        toolbar: 'Zeichenwerkzeuge',
        status: () => 'lokal',
      },
    });
    // The analysis and the panel's forms are loaded in chunks of their own after mount.
    await h.ready;
    const toolbar = h.elements.toolbar!;
    expect(toolbar.getAttribute('aria-label')).toBe('Zeichenwerkzeuge');
    const names = [...toolbar.querySelectorAll('button')].map((b) => b.textContent);
    expect(names).toContain('Linie');
    expect(names).toContain('Rückgängig');
    expect(names).not.toContain('Line');
    expect(h.elements.panel!.querySelector('input[name="title"]')!.parentElement!.textContent!.trim()).toBe(
      'Titel',
    );
    expect(h.elements.status!.textContent).toBe('lokal');
    expect(h.elements.chart!.getAttribute('aria-label')).toBe('GBP/USD H1 chart editor');
    h.destroy();
  });

  it('paints the chart in the theme, and a page override of --cm-up recolours the candles', () => {
    const container = box();
    container.style.setProperty('--cm-up', '#00ff00');
    const h = mountAnalysisEditor(container, { candles, theme: 'dark' });
    // The dark theme's --cm-background (styles.ts) and the page's --cm-up, read back from lightweight-charts.
    expect(h.chart.options().layout.background).toEqual({ type: 'solid', color: '#131722' });
    expect(h.series.options().upColor).toBe('#00ff00');
    h.setTheme('light');
    expect(h.chart.options().layout.background).toEqual({ type: 'solid', color: '#ffffff' });
    expect(h.elements.root.dataset.theme).toBe('light');
    h.destroy();
  });

  it('builds only the parts asked for', () => {
    const h = mountAnalysisEditor(box(), {
      candles,
      parts: { toolbar: false, stylePanel: false, analysisForm: false, status: false, alerts: false },
    });
    expect(h.elements).toMatchObject({ toolbar: null, panel: null, status: null });
    expect(h.elements.root.querySelectorAll('button, form, output')).toHaveLength(0);
    expect(h.elements.chart!.querySelectorAll('canvas').length).toBeGreaterThan(0);
    h.destroy();
  });

  it('takes new candles, and a live bar updates the last one or appends', () => {
    const h = mountAnalysisEditor(box(), { candles: candles.slice(0, 100) });
    expect(h.series.data()).toHaveLength(100);
    h.setCandles(candles.slice(0, 150));
    expect(h.series.data()).toHaveLength(150);
    const last = candles[149];
    h.updateCandle({ ...last, close: last.close + 0.001 });
    expect(h.series.data()).toHaveLength(150);
    expect((h.series.data()[149] as { close: number }).close).toBe(last.close + 0.001);
    h.updateCandle(candles[150]);
    expect(h.series.data()).toHaveLength(151);
    expect(() => h.updateCandle(candles[10])).toThrow(
      `candle.time: must not be before the last candle (${candles[150].time})`,
    );
    expect(() => h.setCandles([{ ...candles[0], time: candles[0].time * 1000 }])).toThrow(
      'looks like milliseconds',
    );
    h.destroy();
  });

  it('keeps a drag going when a new live bar arrives in the middle of it', async () => {
    const h = mountAnalysisEditor(box(), { candles: candles.slice(0, 200), analysis: sample });
    await h.ready;
    await frame();
    await frame();
    h.editor.select(['entry_line']);
    await frame();
    const vp = h.overlay.viewport;
    const before = h.editor.getState().byId.entry_line!;
    const hx = vp.timeToX(before.points[1]!.time);
    const hy = vp.priceToY(before.points[1]!.price);
    const fire = (type: string, x: number, y: number, buttons: number) =>
      firePointer(h.chart, h.elements.chart!, type, x, y, buttons);
    fire('pointerdown', hx, hy, 1);
    for (let i = 1; i <= 5; i++) fire('pointermove', hx - 4 * i, hy + 3 * i, 1);
    h.updateCandle(candles[200]!);
    await frame();
    for (let i = 6; i <= 10; i++) fire('pointermove', hx - 4 * i, hy + 3 * i, 1);
    fire('pointerup', hx - 40, hy + 30, 0);
    await frame();
    const after = h.editor.getState().byId.entry_line!;
    const now = h.overlay.viewport;
    expect(after.points[0]).toEqual(before.points[0]);
    expect(now.timeToX(after.points[1]!.time)).toBeCloseTo(hx - 40, 0);
    expect(now.priceToY(after.points[1]!.price)).toBeCloseTo(hy + 30, 0);
    // The whole drag is one undo step.
    h.editor.undo();
    expect(h.editor.getState().byId.entry_line).toEqual(before);
    h.destroy();
  });

  it('maps a new live bar that comes after a weekend where lightweight-charts puts it', async () => {
    // The first bar after a gap longer than one interval: extrapolating past the old last bar would miss it.
    const i = candles.findIndex((c, k) => k > 50 && c.time - candles[k - 1]!.time > 3600);
    expect(i).toBeGreaterThan(50);
    const h = mountAnalysisEditor(box(), { candles: candles.slice(0, i) });
    await frame();
    const t = candles[i]!.time as UtcSeconds;
    const guessed = h.overlay.viewport.timeToX(t);
    h.updateCandle(candles[i]!);
    await frame();
    const x = h.chart.timeScale().timeToCoordinate(t as never) as number;
    expect(Math.abs(guessed - x)).toBeGreaterThan(5);
    expect(h.overlay.viewport.timeToX(t)).toBeCloseTo(x, 6);
    h.destroy();
  });

  it("previews its analysis in the read-only view, with the candles' five decimals", async () => {
    const h = mountAnalysisEditor(box(), { candles, analysis: sample });
    await h.ready;
    const events: string[] = [];
    h.on('change', () => events.push('change'));
    h.on('selection', (ids) => events.push(`selection:${ids.join(',')}`));
    const view = mountAnalysisView(box(), { analysis: h.getAnalysis(), candles });
    expect(view.priceFormat).toEqual({ type: 'price', precision: 5, minMove: 0.00001 });
    expect(h.getAnalysis()).toMatchObject({ id: 'draft', analysisType: 'bullish_bounce', version: 0 });
    h.editor.select(['target']);
    h.editor.delete();
    view.setAnalysis(h.getAnalysis());
    expect(h.getAnalysis().drawings?.map((d) => d.clientObjectId)).toEqual(['support_zone', 'entry_line']);
    expect(events).toEqual(['selection:target', 'change', 'selection:']);
    await frame();
    view.destroy();
    h.destroy();
  });

  // The analysis handed in is validated in a chunk of its own (zod stays out of the first load):
  // a bad one rejects `ready` naming the field and says so in the status line.
  it('refuses a bad analysis by rejecting ready, naming the field, in the status line too', async () => {
    const bad = { ...sample, drawings: [{ ...sample.drawings[0], points: [] }] };
    const h = mountAnalysisEditor(box(), { candles, analysis: bad as never, preferences: false });
    await expect(h.ready).rejects.toThrow(/^points: RECTANGLE needs exactly 2 points/);
    expect(h.status.kind).toBe('error');
    expect(h.elements.status!.textContent).toMatch(/points: RECTANGLE needs exactly 2 points/);
    expect(h.editor.getState().drawings).toEqual([]);
    h.destroy();
  });

  it('keeps a drawing made before the analysis handed in has arrived, under an id of its own', async () => {
    const h = mountAnalysisEditor(box(), { candles, analysis: sample, preferences: false });
    const changes: number[] = [];
    h.on('change', (s) => changes.push(s.drawings.length));
    const early = h.editor.create('HORIZONTAL_LINE', [
      { time: candles[5]!.time as never, price: 1.34 as never },
    ]);
    await h.ready;
    expect(h.editor.exportDrawings().map((d) => d.clientObjectId)).toEqual([
      'support_zone',
      'entry_line',
      'target',
      early,
    ]);
    expect(['support_zone', 'entry_line', 'target']).not.toContain(early);
    // The early drawing was a change; loading the analysis under it is one too (the document moved).
    expect(changes).toEqual([1, 4]);
    h.destroy();
  });
});
