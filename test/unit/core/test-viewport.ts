// A tiny linear Viewport for core tests: 800×400 px, 60 s per px from T0, 0.25 price per px with
// 110 at the top. Binary-exact scales keep expected coordinates exact.
import type { ChartPoint } from '../../../src/core/drawing';
import {
  type Logical,
  type Price,
  type Px,
  price,
  type UtcSeconds,
  utcSeconds,
} from '../../../src/core/units';
import type { Viewport } from '../../../src/core/viewport';

/** Time at x = 0. */
export const T0 = 1_700_000_000;
/** Seconds per pixel. */
export const SEC_PER_PX = 60;
/** Price at y = 0. */
export const TOP_PRICE = 110;
/** Price units per pixel. */
export const PRICE_PER_PX = 0.25;
/** Bar interval in seconds, for the logical mapping. */
export const BAR_SECONDS = 300;

/** A linear viewport of the given size with the scales above. */
export function testViewport(width = 800, height = 400): Viewport {
  return {
    width: width as Px,
    height: height as Px,
    timeToX: (t: UtcSeconds) => ((t - T0) / SEC_PER_PX) as Px,
    xToTime: (x: Px) => (T0 + x * SEC_PER_PX) as UtcSeconds,
    priceToY: (p: Price) => ((TOP_PRICE - p) / PRICE_PER_PX) as Px,
    yToPrice: (y: Px) => (TOP_PRICE - y * PRICE_PER_PX) as Price,
    timeToLogical: (t: UtcSeconds) => ((t - T0) / BAR_SECONDS) as Logical,
    logicalToTime: (i: Logical) => (T0 + i * BAR_SECONDS) as UtcSeconds,
    visibleTimeRange: () => ({ from: T0 as UtcSeconds, to: (T0 + width * SEC_PER_PX) as UtcSeconds }),
    visiblePriceRange: () => ({ min: (TOP_PRICE - height * PRICE_PER_PX) as Price, max: TOP_PRICE as Price }),
  };
}

/** The chart point drawn at pixel (x, y) in testViewport. */
export function at(x: number, y: number): ChartPoint {
  return { time: utcSeconds(T0 + x * SEC_PER_PX), price: price(TOP_PRICE - y * PRICE_PER_PX) };
}
