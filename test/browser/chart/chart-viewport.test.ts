import { CandlestickSeries, createChart, type IChartApi, type UTCTimestamp } from 'lightweight-charts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import { createChartViewport, lockPanZoom, onViewportChange } from '../../../src/chart';
import type { Price, Px, UtcSeconds } from '../../../src/core/units';

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const candles = demoCandles();
const times = candles.map((c) => c.time as UtcSeconds);
const HOUR = 3600;

let host: HTMLDivElement;
let chart: IChartApi;

function setup() {
  host = document.createElement('div');
  host.style.cssText = 'width:800px;height:400px;position:relative';
  document.body.append(host);
  chart = createChart(host, { width: 800, height: 400 });
  const series = chart.addSeries(CandlestickSeries);
  series.setData(candles.map((c) => ({ ...c, time: c.time as UTCTimestamp })));
  return series;
}

describe('createChartViewport over a real chart', () => {
  let series: ReturnType<typeof setup>;
  beforeEach(async () => {
    series = setup();
    chart.timeScale().setVisibleLogicalRange({ from: 100, to: 300 });
    await frame();
    await frame();
  });
  afterEach(() => {
    chart.remove();
    host.remove();
  });

  it('puts bar times where timeToCoordinate says, within 1 px', () => {
    const vp = createChartViewport(chart, series, times);
    for (const i of [100, 150, 200, 263]) {
      const expected = chart.timeScale().timeToCoordinate(times[i] as unknown as UTCTimestamp);
      expect(expected).not.toBeNull();
      expect(Math.abs(vp.timeToX(times[i]) - (expected as number))).toBeLessThanOrEqual(1);
    }
  });

  it('puts prices where series.priceToCoordinate says and inverts them', () => {
    const vp = createChartViewport(chart, series, times);
    for (const p of [1.34, 1.345, 1.35]) {
      expect(vp.priceToY(p as Price)).toBe(series.priceToCoordinate(p));
      expect(vp.yToPrice(vp.priceToY(p as Price))).toBeCloseTo(p, 4);
    }
  });

  it('maps a Saturday strictly between the Friday-last and Sunday-first bars', () => {
    const vp = createChartViewport(chart, series, times);
    const friLast = Date.UTC(2026, 0, 9, 21) / 1000;
    const sunFirst = Date.UTC(2026, 0, 11, 22) / 1000;
    const saturday = Date.UTC(2026, 0, 10, 12) / 1000;
    const iFri = times.indexOf(friLast as UtcSeconds);
    expect(times[iFri + 1]).toBe(sunFirst);
    const x = vp.timeToX(saturday as UtcSeconds);
    const xFri = chart.timeScale().timeToCoordinate(friLast as UTCTimestamp) as number;
    const xSun = chart.timeScale().timeToCoordinate(sunFirst as UTCTimestamp) as number;
    expect(x).toBeGreaterThan(xFri);
    expect(x).toBeLessThan(xSun);
    // Saturday 12:00 is 14 h into the 49 h gap: a linear share of the one bar step.
    expect(x).toBeCloseTo(xFri + ((saturday - friLast) / (sunFirst - friLast)) * (xSun - xFri), 6);
  });

  it('extrapolates after the last bar with the bar spacing', () => {
    chart.timeScale().setVisibleLogicalRange({ from: 200, to: 300 });
    return frame().then(() => {
      const vp = createChartViewport(chart, series, times);
      const last = times[times.length - 1];
      const xLast = chart.timeScale().timeToCoordinate(last as unknown as UTCTimestamp) as number;
      const spacing = vp.barSpacing();
      expect(spacing).toBeGreaterThan(0);
      expect(vp.timeToX((last + 10 * HOUR) as UtcSeconds)).toBeCloseTo(xLast + 10 * spacing, 6);
      // The chart's own logical axis agrees for a whole future index.
      expect(chart.timeScale().logicalToCoordinate((times.length - 1 + 10) as never)).toBeCloseTo(
        vp.timeToX((last + 10 * HOUR) as UtcSeconds),
        6,
      );
    });
  });

  it('inverts x → time on, between and after bars', () => {
    const vp = createChartViewport(chart, series, times);
    for (const t of [times[120], times[120] + 1800, times[times.length - 1] + 5 * HOUR]) {
      expect(vp.xToTime(vp.timeToX(t as UtcSeconds))).toBeCloseTo(t, 3);
    }
  });

  it('reports the pane size and the visible ranges', () => {
    const vp = createChartViewport(chart, series, times);
    expect(vp.width).toBe(chart.timeScale().width());
    expect(vp.height).toBe(chart.paneSize(0).height);
    const range = vp.visibleTimeRange();
    expect(vp.timeToX(range.from)).toBeCloseTo(0, 6);
    expect(vp.timeToX(range.to)).toBeCloseTo(vp.width, 6);
    const prices = vp.visiblePriceRange();
    expect(vp.priceToY(prices.max)).toBeCloseTo(0, 3);
    expect(vp.priceToY(prices.min)).toBeCloseTo(vp.height, 3);
    expect(vp.yToPrice(10 as Px)).toBeLessThan(prices.max);
  });

  describe('ChartViewport.snapshot', () => {
    const agree = () => {
      const live = createChartViewport(chart, series, times);
      const snap = live.snapshot();
      expect([snap.width, snap.height]).toEqual([live.width, live.height]);
      // On, between and after bars, and prices across and beyond the visible range.
      for (const t of [times[100], times[200] + HOUR / 3, times[263] + 7 * HOUR] as UtcSeconds[]) {
        expect(snap.timeToX(t)).toBeCloseTo(live.timeToX(t), 9);
        expect(snap.xToTime(live.timeToX(t))).toBeCloseTo(t, 3);
      }
      for (const p of [1.2, 1.336, 1.3475, 1.359, 1.5]) {
        expect(snap.priceToY(p as Price)).toBeCloseTo(series.priceToCoordinate(p) as number, 6);
        expect(snap.yToPrice(live.priceToY(p as Price))).toBeCloseTo(p, 9);
      }
      return snap;
    };

    it('maps time and price exactly as the live viewport does', () => {
      agree();
    });

    it('stays exact on a logarithmic price scale (it keeps asking the chart there)', async () => {
      series.priceScale().applyOptions({ mode: 1 });
      await frame();
      agree();
    });

    it('is frozen: a scroll after it was taken does not move it', async () => {
      const before = createChartViewport(chart, series, times).snapshot();
      const x = before.timeToX(times[200]);
      chart.timeScale().scrollToPosition(-40, false);
      await frame();
      expect(before.timeToX(times[200])).toBe(x);
      expect(createChartViewport(chart, series, times).timeToX(times[200])).not.toBeCloseTo(x, 0);
    });
  });
});

describe('lockPanZoom and onViewportChange', () => {
  afterEach(() => {
    chart.remove();
    host.remove();
  });

  it('switches scroll and scale off and restores the previous options once', () => {
    setup();
    chart.applyOptions({ handleScale: { mouseWheel: false } });
    const before = chart.options().handleScale;
    const restore = lockPanZoom(chart);
    expect(chart.options().handleScroll).toEqual({
      mouseWheel: false,
      pressedMouseMove: false,
      horzTouchDrag: false,
      vertTouchDrag: false,
    });
    restore();
    expect(chart.options().handleScale).toEqual(before);
    expect(chart.options().handleScroll).toMatchObject({ pressedMouseMove: true });
  });

  it('calls back after the chart painted new data, with its coordinates already settled', async () => {
    const series = setup();
    await frame();
    await frame();
    const seen: (number | null)[] = [];
    const off = onViewportChange(chart, series, () => seen.push(series.priceToCoordinate(2.55)));
    for (let i = 0; i < 4; i++) await frame();
    seen.length = 0;
    // Prices jump by 1.2: every coordinate of the old scale is wrong.
    const shifted = candles.map((c) => ({
      time: c.time as UTCTimestamp,
      open: c.open + 1.2,
      high: c.high + 1.2,
      low: c.low + 1.2,
      close: c.close + 1.2,
    }));
    series.setData(shifted);
    for (let i = 0; i < 4; i++) await frame();
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.length).toBeLessThanOrEqual(2);
    expect(seen[0]).not.toBeNull();
    expect(seen[0]).toBe(series.priceToCoordinate(2.55));
    off();
    seen.length = 0;
    chart.timeScale().scrollToPosition(-20, false);
    for (let i = 0; i < 4; i++) await frame();
    expect(seen).toEqual([]);
  });
});
