// A core Viewport over a live lightweight-charts chart. lightweight-charts answers
// logicalToCoordinate only for whole bar indexes (it returns 0 for fractions) and
// timeToCoordinate only for exact bar times, so we map time → fractional logical index with the
// core time index and then interpolate linearly between two whole-index coordinates ourselves.
import type { IChartApi, ISeriesApi, Logical as LwcLogical, SeriesType } from 'lightweight-charts';
import { createTimeIndex, type TimeIndex } from '../core/time-index';
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
  /**
   * Replaces the bar times (strictly increasing, at least one) after the series' data changed —
   * a new live bar, or new candles — without building a new viewport.
   */
  setTimes(times: readonly UtcSeconds[]): void;
}

/** Builds a live Viewport over `chart`/`series` whose bars open at `times` (strictly increasing). */
export function createChartViewport(
  chart: IChartApi,
  series: ISeriesApi<SeriesType>,
  times: readonly UtcSeconds[],
): ChartViewport {
  let index = createTimeIndex(times);
  const timeScale = chart.timeScale();

  // x(l) = x0 + l·spacing; both read fresh because scroll and zoom change them.
  const axis = (): Axis => {
    const x0 = timeScale.logicalToCoordinate(0 as LwcLogical);
    const x1 = timeScale.logicalToCoordinate(1 as LwcLogical);
    if (x0 === null || x1 === null) return { x0: Number.NaN, spacing: Number.NaN };
    return { x0, spacing: x1 - x0 };
  };
  const priceToY = (p: Price): Px => (series.priceToCoordinate(p) ?? Number.NaN) as Px;
  const yToPrice = (y: Px): Price => (series.coordinateToPrice(y) ?? Number.NaN) as Price;
  const paneWidth = (): number => timeScale.width();
  const paneHeight = (): number => chart.paneSize(0).height;

  return mappedViewport(
    () => index,
    axis,
    paneWidth,
    paneHeight,
    { priceToY, yToPrice },
    {
      barSpacing: () => axis().spacing,
      setTimes(next: readonly UtcSeconds[]): void {
        index = createTimeIndex(next);
      },
      snapshot(): Viewport {
        const frozen = axis();
        const frozenIndex = index;
        const width = paneWidth();
        const height = paneHeight();
        const price = linearPrice(series, height) ?? { priceToY, yToPrice };
        return mappedViewport(
          () => frozenIndex,
          () => frozen,
          () => width,
          () => height,
          price,
          {},
        );
      },
    },
  );
}

/** Where logical bar 0 is and how far apart bars are, in pane pixels. */
interface Axis {
  readonly x0: number;
  readonly spacing: number;
}

/**
 * A Viewport from its parts, read on every call: the live viewport passes the chart's readers,
 * a snapshot passes frozen values — one mapping code for both. `extra` members are added as given.
 */
function mappedViewport<E extends object>(
  indexOf: () => TimeIndex,
  axis: () => Axis,
  width: () => number,
  height: () => number,
  price: Pick<Viewport, 'priceToY' | 'yToPrice'>,
  extra: E,
): Viewport & E {
  const logicalToX = (l: number): Px => {
    const { x0, spacing } = axis();
    return (x0 + l * spacing) as Px;
  };
  const xToLogical = (x: number): Logical => {
    const { x0, spacing } = axis();
    return ((x - x0) / spacing) as Logical;
  };
  return {
    get width(): Px {
      return width() as Px;
    },
    get height(): Px {
      return height() as Px;
    },
    timeToX: (t) => logicalToX(indexOf().timeToLogical(t)),
    xToTime: (x) => indexOf().logicalToTime(xToLogical(x)),
    priceToY: price.priceToY,
    yToPrice: price.yToPrice,
    timeToLogical: (t) => indexOf().timeToLogical(t),
    logicalToTime: (l) => indexOf().logicalToTime(l),
    visibleTimeRange(): TimeRange {
      const index = indexOf();
      return { from: index.logicalToTime(xToLogical(0)), to: index.logicalToTime(xToLogical(width())) };
    },
    visiblePriceRange(): PriceRange {
      const a = price.yToPrice(height() as Px);
      const b = price.yToPrice(0 as Px);
      return { min: Math.min(a, b) as Price, max: Math.max(a, b) as Price };
    },
    ...extra,
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
