import { afterEach, describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import type { Candle } from '../../../src/svg/index';
import { type AnalysisView, mountAnalysisView } from '../../../src/view/index';
import { EXAMPLE } from '../../unit/svg/detail-builders';
import { diff, pixels } from './view-pixels';

const candles = demoCandles() as unknown as Candle[];
const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = (k: number) => (k === 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
    step(n);
  });

let view: AnalysisView | null = null;
afterEach(() => {
  view?.destroy();
  view = null;
  document.body.replaceChildren();
});

function mount(bars: readonly Candle[] = candles): { view: AnalysisView; el: HTMLDivElement } {
  const el = document.createElement('div');
  el.style.cssText = 'width: 640px; height: 320px';
  document.body.append(el);
  view = mountAnalysisView(el, EXAMPLE, bars, {
    theme: 'light',
    now: Date.parse('2026-01-09T10:00:00Z') / 1000,
  });
  return { view, el };
}

describe('mountAnalysisView', () => {
  it('paints every drawing and level through one primitive, on the candles', async () => {
    const { view: v, el } = mount();
    await frames(3);
    expect(v.series.data()).toHaveLength(264);
    const scenes = v.primitive.scenes()!;
    expect(scenes.drawings.map((s) => s.id)).toEqual(['support_zone', 'entry_line', 'target']);
    expect(scenes.levels.map((l) => l.name)).toEqual(['support', 'pivot', 'resistance']);
    expect(scenes.expiry).not.toBeNull();
    // Without the outcome part the summary has no outcome words (outcome.test.ts has them).
    expect(el.getAttribute('aria-label')).toBe(
      'Bullish bounce on GBP/USD H1: support 1.3410, pivot 1.3450, resistance 1.3500; 3 drawings; expires in 5 hours',
    );
    expect(v.outcome()).toBeNull();
    expect(v.outcomePrimitive).toBeNull();
    // The LINE's first point sits on the 2026-01-08 00:00 bar: same x as the chart's own.
    const line = scenes.drawings[1]!.primitives.find((p) => p.type === 'segment')!;
    const barX = v.chart.timeScale().timeToCoordinate((Date.parse('2026-01-08T00:00:00Z') / 1000) as never);
    expect(line.type === 'segment' && line.x1).toBeCloseTo(barX!, 1);
  });

  it('repaints on scroll: the scenes follow the bars', async () => {
    const { view: v } = mount();
    await frames(3);
    const t = (Date.parse('2026-01-08T00:00:00Z') / 1000) as never;
    const x0 = v.primitive.scenes()!.drawings[1]!.primitives[0]!;
    // Towards the future: the chart's left edge is fixed at the first bar, which it already shows.
    v.chart.timeScale().scrollToPosition(30, false);
    await frames(3);
    const x1 = v.primitive.scenes()!.drawings[1]!.primitives[0]!;
    const barX = v.chart.timeScale().timeToCoordinate(t)!;
    expect(x0.type === 'segment' && x1.type === 'segment').toBe(true);
    if (x0.type !== 'segment' || x1.type !== 'segment') return;
    expect(Math.abs(x1.x1 - x0.x1)).toBeGreaterThan(20);
    expect(x1.x1).toBeCloseTo(barX, 1);
  });

  it('highlight(key) changes the painted pixels and highlight(null) restores them', async () => {
    const { view: v } = mount();
    await frames(3);
    const before = pixels(v);
    v.highlight('entry_line');
    await frames(2);
    const lit = pixels(v);
    expect(diff(before, lit)).toBeGreaterThan(50);
    v.highlight(null);
    await frames(2);
    expect(diff(before, pixels(v))).toBe(0);
  });

  it('highlights a level by its clientObjectId', async () => {
    const { view: v } = mount();
    await frames(3);
    const before = pixels(v);
    v.highlight('pivot_main');
    await frames(2);
    expect(diff(before, pixels(v))).toBeGreaterThan(50);
  });

  it('without candles spans the analysis with whitespace bars and still paints it', async () => {
    const { view: v } = mount([]);
    await frames(3);
    expect(v.series.data().length).toBeGreaterThan(24);
    expect(v.series.priceToCoordinate(1.345)).not.toBeNull();
    const scenes = v.primitive.scenes()!;
    const rect = scenes.drawings[0]!;
    expect(rect.bbox.minX).toBeGreaterThanOrEqual(0);
    expect(rect.bbox.maxX).toBeLessThanOrEqual(640);
    expect(rect.bbox.minY).toBeGreaterThanOrEqual(0);
    expect(rect.bbox.maxY).toBeLessThanOrEqual(320);
  });

  it('is static unless interactive: no scroll or scale handling', async () => {
    const { view: v } = mount();
    expect(v.chart.options().handleScroll).toMatchObject({ mouseWheel: false, pressedMouseMove: false });
    v.destroy();
    const el = document.createElement('div');
    el.style.cssText = 'width: 640px; height: 320px';
    document.body.append(el);
    view = mountAnalysisView(el, EXAMPLE, candles, { theme: 'dark', interactive: true });
    expect(view.chart.options().handleScroll).toMatchObject({ mouseWheel: true, pressedMouseMove: true });
  });
});
