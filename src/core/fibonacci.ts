// Fibonacci retracement maths, kept apart from the kind so levels and labels can be reused.
import type { ChartPoint } from './drawing';
import { type Price, price } from './units';

/** Price of ratio r: p1 + (p0 − p1)·r, so 0 sits at the swing end (p1) and 1 at the swing start (p0). */
export function fibLevelPrice(p0: ChartPoint, p1: ChartPoint, r: number): Price {
  return price(p1.price + (p0.price - p1.price) * r);
}

/** Label of one level, e.g. "0.618 (1.34512)": the ratio as written, then the formatted price. */
export function fibLevelLabel(r: number, levelPrice: number, formatPrice: (p: number) => string): string {
  return `${String(r)} (${formatPrice(levelPrice)})`;
}

/**
 * TradingView's default colour of each Fibonacci retracement ratio, as its Charting Library
 * documents them (FibretracementLineToolOverrides, `linetoolfibretracement.levelN.coeff` /
 * `.color` defaults: https://www.tradingview.com/charting-library-docs/latest/api/interfaces/Charting_Library.FibretracementLineToolOverrides).
 * The wire stores ratios only (spec §3.9), so the colour is derived from the ratio, never stored.
 */
export const FIB_LEVEL_COLORS: ReadonlyMap<number, string> = new Map([
  [0, '#808080'],
  [0.236, '#F23645'],
  [0.382, '#FF9800'],
  [0.5, '#4CAF50'],
  [0.618, '#089981'],
  [0.786, '#00BCD4'],
  [1, '#808080'],
  [1.272, '#FF9800'],
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: a Fibonacci ratio as TradingView writes it, not √2
  [1.414, '#F23645'],
  [1.618, '#2962FF'],
  [2, '#089981'],
  [2.272, '#FF9800'],
  [2.414, '#4CAF50'],
  [2.618, '#F23645'],
  [3, '#00BCD4'],
  [3.272, '#808080'],
  [3.414, '#2962FF'],
  [3.618, '#9C27B0'],
  [4, '#F23645'],
  [4.236, '#E91E63'],
  [4.272, '#9C27B0'],
  [4.414, '#E91E63'],
  [4.618, '#FF9800'],
  [4.764, '#089981'],
]);

/**
 * Colour of the level at ratio `r`: TradingView's default for that ratio, else `fallback` (the
 * drawing's own colour). Ratios are matched to 1e-9, so 0.6180000000001 from arithmetic still counts.
 */
export function fibLevelColor(r: number, fallback: string): string {
  const exact = FIB_LEVEL_COLORS.get(r);
  if (exact !== undefined) return exact;
  for (const [ratio, color] of FIB_LEVEL_COLORS) if (Math.abs(ratio - r) < 1e-9) return color;
  return fallback;
}

/** Alpha (hex) of the bands between levels: TradingView's default `transparency: 80` leaves 20 % (0x33). */
export const FIB_BAND_ALPHA = '33';

/** Band colour for a level colour `#RRGGBB` (other spellings get the drawing's fill instead). */
export function fibBandColor(levelColor: string, fallbackFill: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(levelColor) ? `${levelColor}${FIB_BAND_ALPHA}` : fallbackFill;
}

/**
 * The levels' indexes in ratio order (a stable sort), which the bands between neighbouring levels
 * follow whatever order the author listed them in; the listed order itself when it already ascends.
 */
export function fibRatioOrder(levels: readonly number[]): number[] {
  // Pushed, not mapped: the SVG writer's arrays keep one elements kind while V8 warms up.
  const order: number[] = [];
  for (let i = 0; i < levels.length; i++) order.push(i);
  for (let i = 0; i + 1 < levels.length; i++)
    if (!(levels[i]! <= levels[i + 1]!)) return order.sort((u, v) => levels[u]! - levels[v]!);
  return order;
}

/** The level whose colour the band between neighbours `lower` and `upper` (in ratio order) takes: the one farther from 0, as TradingView's. */
export function fibBandLevel(levels: readonly number[], lower: number, upper: number): number {
  return levels[upper]! <= 0 ? lower : upper;
}
