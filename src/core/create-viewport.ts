// A pure Viewport: a linear x axis over the logical (bar) index and a linear price axis. Tests
// and the SVG painter use it; the live chart adapter in src/chart/ implements the same contract.
import { createTimeIndex, type TimeIndex } from './time-index';
import type { Logical, Price, Px, UtcSeconds } from './units';
import type { PriceRange, TimeRange, Viewport } from './viewport';

/** A range of fractional bar indexes, from < to. */
export interface LogicalRange {
  readonly from: number;
  readonly to: number;
}

/** Bars (as times or a ready index), pane size and the visible logical and price ranges. */
export type ViewportInput = (
  | { readonly times: readonly UtcSeconds[]; readonly timeIndex?: undefined }
  | { readonly timeIndex: TimeIndex; readonly times?: undefined }
) & {
  readonly width: number;
  readonly height: number;
  readonly logicalRange: LogicalRange;
  readonly priceRange: { readonly min: number; readonly max: number };
};

/** The pure Viewport, with the ranges and bar-index mapping painters of candles need. */
export interface StaticViewport extends Viewport {
  readonly timeIndex: TimeIndex;
  readonly logicalRange: LogicalRange;
  readonly priceRange: PriceRange;
  /** Pixels per bar. */
  readonly barWidth: Px;
  /** x of a fractional bar index. */
  logicalToX(index: Logical): Px;
  /** Fractional bar index at x. */
  xToLogical(x: Px): Logical;
}

function positive(value: number, field: string): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${field}: must be a positive finite number, got ${value}`);
  }
}

function ordered(lo: number, hi: number, loName: string, hiName: string): void {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
    throw new RangeError(`${hiName}: must be greater than ${loName} (${lo}), got ${hi}`);
  }
}

/** Builds a StaticViewport; throws naming the field when a size or range is empty or not finite. */
export function createViewport(input: ViewportInput): StaticViewport {
  const { width, height, logicalRange, priceRange } = input;
  positive(width, 'width');
  positive(height, 'height');
  ordered(logicalRange.from, logicalRange.to, 'logicalRange.from', 'logicalRange.to');
  ordered(priceRange.min, priceRange.max, 'priceRange.min', 'priceRange.max');
  const index = input.timeIndex ?? createTimeIndex(input.times);
  const { from, to } = logicalRange;
  const { min, max } = priceRange;
  const pxPerBar = width / (to - from);
  const pxPerPrice = height / (max - min);

  const logicalToX = (l: Logical): Px => ((l - from) * pxPerBar) as Px;
  const xToLogical = (x: Px): Logical => (from + x / pxPerBar) as Logical;

  return {
    width: width as Px,
    height: height as Px,
    timeIndex: index,
    logicalRange: { from, to },
    priceRange: { min: min as Price, max: max as Price },
    barWidth: pxPerBar as Px,
    logicalToX,
    xToLogical,
    timeToX: (time) => logicalToX(index.timeToLogical(time)),
    xToTime: (x) => index.logicalToTime(xToLogical(x)),
    priceToY: (p) => ((max - p) * pxPerPrice) as Px,
    yToPrice: (y) => (max - y / pxPerPrice) as Price,
    timeToLogical: (time) => index.timeToLogical(time),
    logicalToTime: (l) => index.logicalToTime(l),
    visibleTimeRange: (): TimeRange => ({
      from: index.logicalToTime(from as Logical),
      to: index.logicalToTime(to as Logical),
    }),
    visiblePriceRange: (): PriceRange => ({ min: min as Price, max: max as Price }),
  };
}

/** Options of fitViewport. */
export interface FitOptions {
  /** Share of the price span added above and below; default 0.1. */
  readonly marginRatio?: number;
  /** Empty bars of room right of the last bar (for drawings into the future); default 0. */
  readonly rightOffset?: number;
}

/**
 * A viewport showing every bar (half a bar of room at each end so the outer candles fit, plus
 * `rightOffset` bars) and every price in `prices` with a margin. A flat series gets a span of 1%
 * of its price (or 1 at zero), so the axis is never empty.
 */
export function fitViewport(
  times: readonly UtcSeconds[],
  prices: readonly number[],
  width: number,
  height: number,
  options: FitOptions = {},
): StaticViewport {
  if (prices.length === 0) throw new RangeError('prices: expected at least 1 price, got 0');
  const marginRatio = options.marginRatio ?? 0.1;
  const rightOffset = options.rightOffset ?? 0;
  if (!(Number.isFinite(marginRatio) && marginRatio >= 0)) {
    throw new RangeError(`marginRatio: must be a finite number ≥ 0, got ${marginRatio}`);
  }
  if (!(Number.isFinite(rightOffset) && rightOffset >= 0)) {
    throw new RangeError(`rightOffset: must be a finite number ≥ 0, got ${rightOffset}`);
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < prices.length; i++) {
    const p = prices[i]!;
    if (!Number.isFinite(p)) throw new RangeError(`prices[${i}]: expected a finite number, got ${p}`);
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  const span = hi > lo ? hi - lo : Math.abs(hi) * 0.01 || 1;
  const centre = (lo + hi) / 2;
  const half = span / 2 + span * marginRatio;
  const timeIndex = createTimeIndex(times);
  return createViewport({
    timeIndex,
    width,
    height,
    logicalRange: { from: -0.5, to: timeIndex.length - 0.5 + rightOffset },
    priceRange: { min: centre - half, max: centre + half },
  });
}
