// The drawing data model: plain, serialisable data. Behaviour lives in one file per kind
// (see kinds/), looked up by `kind`, so adding a kind breaks the compile wherever it must
// be handled.
import type { Price, UtcSeconds } from './units';

/** A point on the chart: a moment and a price. */
export interface ChartPoint {
  readonly time: UtcSeconds;
  readonly price: Price;
}

/** Every drawing kind, spelled as on the wire. */
export const DRAWING_KINDS = [
  'HORIZONTAL_LINE',
  'LINE',
  'RECTANGLE',
  'PARALLEL',
  'FIBONACCI_RETRACEMENT',
] as const;
/** One of the five drawing kinds. */
export type DrawingKind = (typeof DRAWING_KINDS)[number];

/** Stroke pattern of a line. */
export type LineStyle = 'SOLID' | 'DASHED' | 'DOTTED';
/** Decoration at the end of a LINE. */
export type LineHead = 'NONE' | 'ARROW';

/** Style as the author set it; absent keys take the defaults of `resolveStyle`. Colours keep their spelling. */
export interface DrawingStyle {
  readonly color?: string | undefined;
  readonly lineWidth?: number | undefined;
  readonly lineStyle?: LineStyle | undefined;
  readonly fillColor?: string | undefined;
  readonly borderColor?: string | undefined;
}

interface DrawingBase<K extends DrawingKind, P extends readonly ChartPoint[]> {
  readonly kind: K;
  /** The clientObjectId: unique within one analysis across drawings and levels. */
  readonly id: string;
  /** The server's persisted id, once the drawing has been saved. */
  readonly persistedId?: string;
  readonly points: P;
  readonly style: DrawingStyle;
}

/** A horizontal line at points[0].price; points[0].time is where its label sits. */
export interface HorizontalLine extends DrawingBase<'HORIZONTAL_LINE', readonly [ChartPoint]> {}

/** A trend line between two points, optionally extended and with arrow heads. */
export interface Line extends DrawingBase<'LINE', readonly [ChartPoint, ChartPoint]> {
  readonly startHead: LineHead;
  readonly endHead: LineHead;
  readonly extendLeft: boolean;
  readonly extendRight: boolean;
}

/** A rectangle between two opposite corners, in any order. */
export interface Rectangle extends DrawingBase<'RECTANGLE', readonly [ChartPoint, ChartPoint]> {}

/** A parallel channel: base line through points 0 and 1, the parallel through point 2. */
export interface Parallel extends DrawingBase<'PARALLEL', readonly [ChartPoint, ChartPoint, ChartPoint]> {
  readonly extendLeft: boolean;
  readonly extendRight: boolean;
  readonly showMidline: boolean;
}

/** A Fibonacci retracement from swing start (point 0) to swing end (point 1). */
export interface FibonacciRetracement
  extends DrawingBase<'FIBONACCI_RETRACEMENT', readonly [ChartPoint, ChartPoint]> {
  /** Ratios; price(r) = p1 + (p0 − p1)·r, so 0 sits at the swing end and 1 at the swing start. */
  readonly levels: readonly number[];
  readonly extendRight: boolean;
  /**
   * Translucent bands between neighbouring levels (absent = shown, TradingView's default). Editor
   * state with no wire field: spec §3.9 stores ratios only, so an export or reload drops it.
   */
  readonly showBands?: boolean;
  /** Side of the levels their labels sit on (absent = left). Editor state with no wire field, like showBands. */
  readonly labelSide?: FibLabelSide;
}

/** Which side of a Fibonacci retracement's levels the labels sit on. */
export type FibLabelSide = 'left' | 'right';

/** Any drawing, discriminated on `kind`. */
export type Drawing = HorizontalLine | Line | Rectangle | Parallel | FibonacciRetracement;

/** The drawing of kind K. */
export type DrawingOf<K extends DrawingKind> = Extract<Drawing, { kind: K }>;

/** Default Fibonacci ratios (TradingView's). */
export const DEFAULT_FIB_LEVELS: readonly number[] = [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1];

/** Number of points each kind carries. */
export const POINT_COUNT: { readonly [K in DrawingKind]: DrawingOf<K>['points']['length'] } = {
  HORIZONTAL_LINE: 1,
  LINE: 2,
  RECTANGLE: 2,
  PARALLEL: 3,
  FIBONACCI_RETRACEMENT: 2,
};

/** Compile-time exhaustiveness guard for `switch (kind)`. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
