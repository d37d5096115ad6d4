// The outcome on a post's chart. The sample (BULLISH, BELOW_CURRENT; support 1.341, pivot 1.345,
// resistance 1.35; created 2026-01-08 15:00Z) on the demo candles: the 20:00 bar's low 1.34435
// reaches the pivot, the 2026-01-09 02:00 bar's low 1.34058 the stop: (1.341 − 1.345) / 1.345 =
// −0.297 % → "−0.30 %", and −0.004 / 0.004 = −1R.
import { afterEach, describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import type { UtcSeconds } from '../../../src/core/units';
import type { Candle } from '../../../src/svg/index';
import { type AnalysisView, mountAnalysisView, viewOutcomes } from '../../../src/view/index';
import { EXAMPLE } from '../../unit/svg/detail-builders';
import { diff, pixels } from './view-pixels';

const candles = demoCandles() as unknown as Candle[];
const at = (iso: string) => (Date.parse(iso) / 1000) as UtcSeconds;
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

function mount(
  bars: readonly Candle[],
  now: string,
  part: typeof viewOutcomes | null = viewOutcomes,
): HTMLDivElement {
  const el = document.createElement('div');
  el.style.cssText = 'width: 640px; height: 320px';
  document.body.append(el);
  const options = { theme: 'light', now: at(now) } as const;
  view = mountAnalysisView(el, EXAMPLE, bars, part ? { ...options, outcomes: part } : options);
  return el;
}

describe('the outcome on the read-only view', () => {
  it('paints the badge and markers at the entry and exit bars', async () => {
    const el = mount(candles, '2026-01-10T00:00:00Z');
    await frames(3);
    expect(el.getAttribute('aria-label')).toBe(
      'Bullish bounce on GBP/USD H1: support 1.3410, pivot 1.3450, resistance 1.3500; 3 drawings; expired 9 hours ago; ' +
        'outcome: stopped, entered at 1.3450 on 2026-01-08 20:00 UTC, exited at 1.3410 on 2026-01-09 02:00 UTC, a loss of 0.30 percent, minus 1.0 R',
    );
    expect(view!.outcome()).toMatchObject({
      state: 'STOPPED',
      entry: { time: at('2026-01-08T20:00:00Z'), price: 1.345 },
      exit: { time: at('2026-01-09T02:00:00Z'), price: 1.341 },
      r: -1,
    });
    const scene = view!.outcomePrimitive!.scene()!;
    const badge = scene.primitives.find((p) => p.type === 'text')!;
    expect(badge.type === 'text' && badge.text).toBe('Stopped · −0.30 % · −1.0R');
    // Entry triangle (BULLISH: tip up) and exit diamond centred on the chart's own bar x and price y.
    const ts = view!.chart.timeScale();
    const [entry, exit] = scene.primitives.filter((p) => p.type === 'polygon');
    const entryX = ts.timeToCoordinate(at('2026-01-08T20:00:00Z') as never)!;
    const exitX = ts.timeToCoordinate(at('2026-01-09T02:00:00Z') as never)!;
    expect(entry!.type === 'polygon' && entry!.points[0]).toBeCloseTo(entryX, 1);
    expect(entry!.type === 'polygon' && entry!.points[1]).toBeCloseTo(
      view!.series.priceToCoordinate(1.345)! - 6,
      1,
    );
    expect(exit!.type === 'polygon' && exit!.points[0]).toBeCloseTo(exitX, 1);
    expect(exit!.type === 'polygon' && exit!.points[3]).toBeCloseTo(
      view!.series.priceToCoordinate(1.341)!,
      1,
    );
  });

  it('follows live bars: pending until a new bar reaches the pivot, then triggered', async () => {
    // History up to the 2026-01-08 19:00 bar: not triggered yet (lows ≥ 1.34568 > 1.345).
    const early = candles.filter((c) => c.time <= at('2026-01-08T19:00:00Z'));
    const el = mount(early, '2026-01-08T19:30:00Z');
    expect(view!.outcome()!.state).toBe('PENDING');
    expect(el.getAttribute('aria-label')).toMatch(/; outcome: not triggered yet$/);
    view!.updateCandle({
      time: at('2026-01-08T20:00:00Z'),
      open: 1.346,
      high: 1.3465,
      low: 1.3448,
      close: 1.3452,
    });
    expect(view!.outcome()).toMatchObject({ state: 'TRIGGERED', entry: { price: 1.345 } });
    expect(el.getAttribute('aria-label')).toMatch(
      /; outcome: triggered, entered at 1\.3450 on 2026-01-08 20:00 UTC, still open$/,
    );
    await frames(2);
    const badge = view!.outcomePrimitive!.scene()!.primitives.find((p) => p.type === 'text')!;
    expect(badge.type === 'text' && badge.text).toBe('Triggered');
  });

  it('without the part: no outcome, no badge or markers, no outcome words — the same pixels as the part detached', async () => {
    const lean = mount(candles, '2026-01-10T00:00:00Z', null);
    await frames(3);
    expect(view!.outcome()).toBeNull();
    expect(view!.outcomePrimitive).toBeNull();
    expect(lean.getAttribute('aria-label')).toBe(
      'Bullish bounce on GBP/USD H1: support 1.3410, pivot 1.3450, resistance 1.3500; 3 drawings; expired 9 hours ago',
    );
    const without = pixels(view!);
    view!.destroy();
    mount(candles, '2026-01-10T00:00:00Z');
    await frames(3);
    const withPart = pixels(view!);
    // The badge and markers are painted only by the part's primitive: detached, the pixels match.
    expect(diff(withPart, without)).toBeGreaterThan(50);
    view!.series.detachPrimitive(view!.outcomePrimitive!);
    await frames(2);
    expect(diff(pixels(view!), without)).toBe(0);
  });

  it('shows no outcome without candles', () => {
    mount([], '2026-01-10T00:00:00Z');
    expect(view!.outcome()).toBeNull();
  });
});
