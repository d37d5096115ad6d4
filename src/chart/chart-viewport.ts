// A core Viewport over a live lightweight-charts chart. lightweight-charts answers
// logicalToCoordinate only for whole bar indexes (it returns 0 for fractions) and
// timeToCoordinate only for exact bar times, so we map time → fractional logical index with the
// core time index and then interpolate linearly between two whole-index coordinates ourselves.
import type { IChartApi, ISeriesApi, Logical as LwcLogical, SeriesType } from 'lightweight-charts';
import { createTimeIndex } from '../core/time-index';
import type { Logical, Price, Px, UtcSeconds } from '../core/units';
import type { PriceRange, TimeRange, Viewport } from '../core/viewport';

/** A Viewport that reads the chart's current scroll, zoom and price scale on every call. */
export interface ChartViewport extends Viewport {
  /** Pixels per bar at the current zoom. */
  barSpacing(): number;
  /**
   * The current mapping, frozen: for painting one frame, where thousands of conversions would
   * each go through the chart's API (about 1 µs per price). Stale after any scroll, zoom, resize
   * or price-scale change.
   */
  snapshot(): Viewport;
}

/** Builds a live Viewport over `chart`/`series` whose bars open at `times` (strictly increasing). */
export function createChartViewport(
  chart: IChartApi,
  series: ISeriesApi<SeriesType>,
  times: readonly UtcSeconds[],
): ChartViewport {
  const index = createTimeIndex(times);
  const timeScale = chart.timeScale();

  // x(l) = x0 + l·spacing; both read fresh because scroll and zoom change them.
  const axis = (): { x0: number; spacing: number } => {
    const x0 = timeScale.logicalToCoordinate(0 as LwcLogical);
    const x1 = timeScale.logicalToCoordinate(1 as LwcLogical);
    if (x0 === null || x1 === null) return { x0: Number.NaN, spacing: Number.NaN };
    return { x0, spacing: x1 - x0 };
  };
  const logicalToX = (l: number): Px => {
    const { x0, spacing } = axis();
    return (x0 + l * spacing) as Px;
  };
  const xToLogical = (x: number): Logical => {
    const { x0, spacing } = axis();
    return ((x - x0) / spacing) as Logical;
  };
  const priceToY = (p: Price): Px => (series.priceToCoordinate(p) ?? Number.NaN) as Px;
  const yToPrice = (y: Px): Price => (series.coordinateToPrice(y) ?? Number.NaN) as Price;
  const paneHeight = (): number => chart.paneSize(0).height;

  return {
    get width(): Px {
      return timeScale.width() as Px;
    },
    get height(): Px {
      return paneHeight() as Px;
    },
    timeToX: (t) => logicalToX(index.timeToLogical(t)),
    xToTime: (x) => index.logicalToTime(xToLogical(x)),
    priceToY,
    yToPrice,
    timeToLogical: (t) => index.timeToLogical(t),
    logicalToTime: (l) => index.logicalToTime(l),
    visibleTimeRange(): TimeRange {
      const from = index.logicalToTime(xToLogical(0));
      const to = index.logicalToTime(xToLogical(timeScale.width()));
      return { from, to };
    },
    visiblePriceRange(): PriceRange {
      const a = yToPrice(paneHeight() as Px);
      const b = yToPrice(0 as Px);
      return { min: Math.min(a, b) as Price, max: Math.max(a, b) as Price };
    },
    barSpacing: () => axis().spacing,
    snapshot(): Viewport {
      const { x0, spacing } = axis();
      const width = timeScale.width() as Px;
      const height = paneHeight() as Px;
      const sx = (l: number): Px => (x0 + l * spacing) as Px;
      const lx = (x: number): Logical => ((x - x0) / spacing) as Logical;
      const price = linearPrice(series, height) ?? { priceToY, yToPrice };
      return {
        width,
        height,
        timeToX: (t) => sx(index.timeToLogical(t)),
        xToTime: (x) => index.logicalToTime(lx(x)),
        ...price,
        timeToLogical: (t) => index.timeToLogical(t),
        logicalToTime: (l) => index.logicalToTime(l),
        visibleTimeRange: () => ({ from: index.logicalToTime(lx(0)), to: index.logicalToTime(lx(width)) }),
        visiblePriceRange() {
          const a = price.yToPrice(height);
          const b = price.yToPrice(0 as Px);
          return { min: Math.min(a, b) as Price, max: Math.max(a, b) as Price };
        },
      };
    },
  };
}

/**
 * The series' price ↔ y mapping as a straight line through two of its own points, when it is one
 * (normal, percentage and indexed scales; not logarithmic): checked at a third point rather than
 * inferred from the scale's mode, so a mode we do not know falls back to the chart's own calls.
 */
function linearPrice(
  series: ISeriesApi<SeriesType>,
  height: number,
): Pick<Viewport, 'priceToY' | 'yToPrice'> | null {
  const p1 = series.coordinateToPrice(0);
  const p2 = series.coordinateToPrice(height);
  if (p1 === null || p2 === null || p1 === p2) return null;
  const y1 = series.priceToCoordinate(p1);
  const y2 = series.priceToCoordinate(p2);
  const ym = series.priceToCoordinate((p1 + p2) / 2);
  if (y1 === null || y2 === null || ym === null || y1 === y2) return null;
  const slope = (y2 - y1) / (p2 - p1);
  if (Math.abs(y1 + ((p1 + p2) / 2 - p1) * slope - ym) > 1e-6) return null;
  return {
    priceToY: (p) => (y1 + (p - p1) * slope) as Px,
    yToPrice: (y) => (p1 + (y - y1) / slope) as Price,
  };
}
