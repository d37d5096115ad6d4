// The Viewport contract: how a chart maps time and price to pixels. The core's pure
// implementation (create-viewport.ts) and the lightweight-charts adapter (src/chart/) both
// implement it, so geometry and scenes never know which one they run on.
import type { Logical, Price, Px, UtcSeconds } from './units';

/** A time range in UTC seconds, from ≤ to. */
export interface TimeRange {
  readonly from: UtcSeconds;
  readonly to: UtcSeconds;
}

/** A price range, min ≤ max. */
export interface PriceRange {
  readonly min: Price;
  readonly max: Price;
}

/** Maps chart coordinates to pane pixels and back; x grows right, y grows down. */
export interface Viewport {
  /** Pane width in CSS pixels. */
  readonly width: Px;
  /** Pane height in CSS pixels. */
  readonly height: Px;
  /** x of a time: exact on bars, interpolated between bars, extrapolated outside the data. */
  timeToX(time: UtcSeconds): Px;
  /** Inverse of timeToX. */
  xToTime(x: Px): UtcSeconds;
  /** y of a price. */
  priceToY(price: Price): Px;
  /** Inverse of priceToY. */
  yToPrice(y: Px): Price;
  /** Fractional bar index of a time, by the same rules as timeToX. */
  timeToLogical(time: UtcSeconds): Logical;
  /** Time of a fractional bar index. */
  logicalToTime(index: Logical): UtcSeconds;
  /** The times at the left and right edges of the pane. */
  visibleTimeRange(): TimeRange;
  /** The prices at the bottom and top edges of the pane. */
  visiblePriceRange(): PriceRange;
}
