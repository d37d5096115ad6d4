// Chooses what a static rendering (SVG, the read-only view) shows: every candle plus every drawing, level and the expiry,
// so a preview never cuts off the analysis. Without candles the analysis' own extent is used.
import type { Analysis, Timeframe } from './analysis';
import { createViewport, type StaticViewport } from './create-viewport';
import type { Candle } from './candles';
import { createTimeIndex } from './time-index';
import type { UtcSeconds } from './units';

/** Nominal bar length of each timeframe, for spacing when there are no candles (MN1 ≈ 30 days). */
export const TIMEFRAME_SECONDS: { readonly [T in Timeframe]: number } = {
  M1: 60,
  M5: 300,
  M15: 900,
  M30: 1800,
  H1: 3600,
  H4: 14400,
  D1: 86400,
  W1: 604800,
  MN1: 2592000,
};

/** Share of the price span added above and below. */
const PRICE_MARGIN = 0.08;
/** Share of the bar span added left and right (at least one bar). */
const TIME_MARGIN = 0.03;

/** Times and prices the analysis itself needs on screen (the finite ones, in drawing order). */
export function analysisExtent(
  analysis: Analysis,
  expiresAt: UtcSeconds | null,
): { times: UtcSeconds[]; prices: number[] } {
  const times: UtcSeconds[] = [];
  const prices: number[] = [];
  // Kept as they come, no intermediate arrays: a 1,000-drawing SVG reads some 6,000 values here.
  const add = (time: number, price: number): void => {
    if (Number.isFinite(time)) times.push(time as UtcSeconds);
    if (Number.isFinite(price)) prices.push(price);
  };
  for (const d of analysis.drawings) {
    for (const p of d.points) add(p.time, p.price);
    if (d.kind === 'FIBONACCI_RETRACEMENT') {
      const [p0, p1] = d.points;
      for (const r of d.levels) add(Number.NaN, p1.price + (p0.price - p1.price) * r);
    }
  }
  for (const l of Object.values(analysis.levels)) if (l) add(l.time, l.price);
  if (expiresAt !== null) add(expiresAt, Number.NaN);
  return { times, prices };
}

function minMax(...lists: (readonly number[])[]): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const values of lists)
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return lo <= hi ? [lo, hi] : null;
}

/** Largest price magnitude a fitted range takes: a quarter of the largest double. */
const PRICE_FIT_LIMIT = Number.MAX_VALUE / 4;
const clampPrice = (p: number) => Math.min(PRICE_FIT_LIMIT, Math.max(-PRICE_FIT_LIMIT, p));

/** The pure viewport of a static rendering of `analysis` on `candles` in a pane of width × height. */
export function fitAnalysisViewport(
  analysis: Analysis,
  candles: readonly Candle[],
  expiresAt: UtcSeconds | null,
  width: number,
  height: number,
): StaticViewport {
  const extent = analysisExtent(analysis, expiresAt);
  // The extent's prices are finite already: only the candles' are filtered, and nothing is copied.
  const candlePrices: number[] = [];
  for (const c of candles) candlePrices.push(c.low, c.high);
  const [rawLo, rawHi] = minMax(extent.prices, candlePrices.filter(Number.isFinite)) ?? [0, 1];
  // Any finite price is valid on the wire (up to ±1.8e308), but the span of two such prices
  // overflows to Infinity: clamp the fitted range to what can be subtracted and still drawn.
  const plo = clampPrice(rawLo);
  const phi = clampPrice(rawHi);
  const pspan = phi > plo ? phi - plo : Math.abs(phi) * 0.01 || 1;
  const priceRange = { min: plo - pspan * PRICE_MARGIN, max: phi + pspan * PRICE_MARGIN };

  const fallbackTime = analysis.createdAt ?? (0 as UtcSeconds);
  const times = extent.times.length > 0 ? extent.times : [fallbackTime];
  const [tlo, thi] = minMax(times)!;
  const timeIndex =
    candles.length > 0
      ? createTimeIndex(candles.map((c) => c.time as UtcSeconds))
      : createTimeIndex([tlo as UtcSeconds], {
          fallbackInterval: TIMEFRAME_SECONDS[analysis.metadata.timeframe] ?? 3600,
        });
  let lo = timeIndex.timeToLogical(tlo as UtcSeconds) - 0.5;
  let hi = timeIndex.timeToLogical(thi as UtcSeconds) + 0.5;
  if (candles.length > 0) {
    lo = Math.min(lo, -0.5);
    hi = Math.max(hi, candles.length - 0.5);
  }
  const pad = Math.max(1, (hi - lo) * TIME_MARGIN);
  return createViewport({
    timeIndex,
    width,
    height,
    logicalRange: { from: lo - pad, to: hi + pad },
    priceRange,
  });
}
