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
  };
}
