// Magnet snapping and Shift constraints, pure. Weak snaps only when an O/H/L/C is within the
// radius (so free placement stays possible); strong always snaps, as in TradingView.
import type { ChartPoint } from '../core/drawing';
import type { Price, Px, UtcSeconds } from '../core/units';
import type { Viewport } from '../core/viewport';
import type { BarSource, MagnetMode } from './types';

/** Default weak-magnet radius in px. */
export const MAGNET_RADIUS = 10;

/** A pointer position in chart units, and whether the magnet moved it. */
export interface SnapResult {
  readonly point: ChartPoint;
  readonly snapped: boolean;
}

/** The chart point under (x, y), snapped to the nearest bar's nearest O/H/L/C per `mode`. */
export function snapPoint(
  mode: MagnetMode,
  x: number,
  y: number,
  viewport: Viewport,
  bars?: BarSource,
  radius = MAGNET_RADIUS,
): SnapResult {
  const raw: ChartPoint = { time: viewport.xToTime(x as Px), price: viewport.yToPrice(y as Px) };
  if (mode === 'off' || !bars) return { point: raw, snapped: false };
  const bar = bars.nearestBar(raw.time);
  if (!bar) return { point: raw, snapped: false };
  let best = bar.open;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const p of [bar.open, bar.high, bar.low, bar.close]) {
    const distance = Math.abs(viewport.priceToY(p as Price) - y);
    if (distance < bestDistance) {
      best = p;
      bestDistance = distance;
    }
  }
  if (mode === 'weak' && bestDistance > radius) return { point: raw, snapped: false };
  return { point: { time: bar.time as UtcSeconds, price: best as Price }, snapped: true };
}

/**
 * (x, y) constrained, relative to the anchor, to the nearest of horizontal, vertical or 45° in
 * pixel space; a diagonal keeps |dx| = |dy| exactly.
 */
export function constrainAngle(ax: number, ay: number, x: number, y: number): { x: number; y: number } {
  const dx = x - ax;
  const dy = y - ay;
  if (dx === 0 && dy === 0) return { x, y };
  const octant = (((Math.round(Math.atan2(dy, dx) / (Math.PI / 4)) % 8) + 8) % 8) as number;
  if (octant % 4 === 0) return { x, y: ay };
  if (octant % 4 === 2) return { x: ax, y };
  const d = (Math.abs(dx) + Math.abs(dy)) / 2;
  const sx = octant === 1 || octant === 7 ? 1 : -1;
  const sy = octant === 1 || octant === 3 ? 1 : -1;
  return { x: ax + sx * d, y: ay + sy * d };
}
