// Which drawings a new bar crossed: horizontal lines, lines with their extensions, channel
// borders, rectangle top and bottom edges, Fibonacci levels. A drawing is straight in bar
// (logical) space, as painted, so with a time index a sloped line's price at a bar is the one the
// chart shows, also across gaps; without one, time itself is the axis.
import type { Candle } from './candles';
import type { ChartPoint, Drawing } from './drawing';
import { assertNever } from './drawing';
import { fibLevelPrice } from './fibonacci';
import type { HitPart } from './kinds/behaviour';

/** Which way price went through the drawing. */
export type CrossDirection = 'UP' | 'DOWN';

/** One crossing: the drawing, its part (HitPart's numbering), direction, and the part's price at the bar. */
export interface Crossing {
  readonly drawingId: string;
  readonly part: HitPart;
  readonly direction: CrossDirection;
  readonly price: number;
  /** The crossing bar's open time. */
  readonly time: number;
}

/** Options of crossings. */
export interface CrossingOptions {
  /** Time → fractional bar index (a core TimeIndex): lines are straight in bar space, as painted. Default: time itself. */
  readonly timeToLogical?: (time: number) => number;
}

// A straight piece of a drawing over [from, to] on the x axis (bar index or time).
interface Piece {
  readonly part: HitPart;
  readonly from: number;
  readonly to: number;
  readonly x0: number;
  readonly y0: number;
  /** Price change per unit of x. */
  readonly slope: number;
}

const BODY: HitPart = { type: 'body' };
const identity = (t: number): number => t;

function flat(part: HitPart, from: number, to: number, y: number): Piece {
  return { part, from, to, x0: 0, y0: y, slope: 0 };
}

// The line through a and b (x already mapped), continued past a and/or b; null when vertical.
function sloped(
  part: HitPart,
  xa: number,
  a: ChartPoint,
  xb: number,
  b: ChartPoint,
  pastA: boolean,
  pastB: boolean,
): Piece | null {
  if (xa === xb) return null;
  const slope = (b.price - a.price) / (xb - xa);
  const [left, leftOpen, right, rightOpen] = xa < xb ? [xa, pastA, xb, pastB] : [xb, pastB, xa, pastA];
  return {
    part,
    from: leftOpen ? Number.NEGATIVE_INFINITY : left,
    to: rightOpen ? Number.POSITIVE_INFINITY : right,
    x0: xa,
    y0: a.price,
    slope,
  };
}

function pieces(d: Drawing, x: (time: number) => number): Piece[] {
  switch (d.kind) {
    case 'HORIZONTAL_LINE':
      return [flat(BODY, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, d.points[0].price)];
    case 'LINE': {
      const [a, b] = d.points;
      const p = sloped(BODY, x(a.time), a, x(b.time), b, d.extendLeft, d.extendRight);
      return p ? [p] : [];
    }
    case 'RECTANGLE': {
      const [a, b] = d.points;
      const xa = x(a.time);
      const xb = x(b.time);
      const from = Math.min(xa, xb);
      const to = Math.max(xa, xb);
      // Edge 0 runs at p0's price and edge 2 at p1's (the rectangle's hit-test numbering).
      const edges = [flat({ type: 'edge', index: 0 }, from, to, a.price)];
      if (b.price !== a.price) edges.push(flat({ type: 'edge', index: 2 }, from, to, b.price));
      return edges;
    }
    case 'PARALLEL': {
      const [a, b, c] = d.points;
      const base = sloped(
        { type: 'edge', index: 0 },
        x(a.time),
        a,
        x(b.time),
        b,
        d.extendLeft,
        d.extendRight,
      );
      if (!base) return [];
      // The parallel keeps the base's slope and passes through p2: a constant price offset, as the
      // painted channel's constant vertical pixel offset is on a linear price scale.
      const offset = c.price - (base.y0 + base.slope * (x(c.time) - base.x0));
      return [base, { ...base, part: { type: 'edge', index: 1 }, y0: base.y0 + offset }];
    }
    case 'FIBONACCI_RETRACEMENT': {
      const [a, b] = d.points;
      const xa = x(a.time);
      const xb = x(b.time);
      const to = d.extendRight ? Number.POSITIVE_INFINITY : Math.max(xa, xb);
      return d.levels.map((r, index) =>
        flat({ type: 'level', index }, Math.min(xa, xb), to, fibLevelPrice(a, b, r)),
      );
    }
    default:
      return assertNever(d, 'drawing kind');
  }
}

const priceAt = (p: Piece, at: number): number => p.y0 + p.slope * (at - p.x0);

/**
 * The drawings `bar` crossed coming from `previousBar`: UP when the previous close was below a
 * part and the bar's high reaches it, DOWN when the close was above and the low reaches it. A part
 * counts where it is drawn at the bar's time; at the previous bar it is read where it is drawn
 * nearest. Each drawing part gives at most one crossing per call.
 */
export function crossings(
  drawings: readonly Drawing[],
  previousBar: Candle,
  bar: Candle,
  options: CrossingOptions = {},
): Crossing[] {
  const x = options.timeToLogical ?? identity;
  const xBar = x(bar.time);
  const xPrev = x(previousBar.time);
  const close = previousBar.close;
  const out: Crossing[] = [];
  for (const d of drawings) {
    for (const p of pieces(d, x)) {
      if (xBar < p.from || xBar > p.to) continue;
      const now = priceAt(p, xBar);
      const before = priceAt(p, Math.min(Math.max(xPrev, p.from), p.to));
      let direction: CrossDirection | null = null;
      if (close < before && bar.high >= now) direction = 'UP';
      else if (close > before && bar.low <= now) direction = 'DOWN';
      if (direction) out.push({ drawingId: d.id, part: p.part, direction, price: now, time: bar.time });
    }
  }
  return out;
}
