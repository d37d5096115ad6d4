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
