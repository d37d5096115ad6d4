// Renderer-neutral scene primitives in pane pixels. Konva (editor), the canvas primitive of the
// read-only view and the SVG painter all draw exactly these, so they cannot disagree.
import type { LineStyle } from './drawing';

/** A resolved stroke: colour, width in px, and dash pattern in px (empty = solid). */
export interface Stroke {
  readonly color: string;
  readonly width: number;
  readonly dash: readonly number[];
  /** The author's line style, kept so painters can choose their own dash spelling. */
  readonly lineStyle: LineStyle;
}

/** Axis-aligned box in pixels. */
export interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** A point in pixels. */
export interface PxPoint {
  readonly x: number;
  readonly y: number;
}

/** A straight stroked segment. */
export interface SegmentPrimitive {
  readonly type: 'segment';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly stroke: Stroke;
}

/** An open stroked polyline, flat [x0, y0, x1, y1, …]. */
export interface PolylinePrimitive {
  readonly type: 'polyline';
  readonly points: readonly number[];
  readonly stroke: Stroke;
}

/** A closed polygon, flat [x0, y0, …], filled and/or stroked. */
export interface PolygonPrimitive {
  readonly type: 'polygon';
  readonly points: readonly number[];
  readonly fill?: string;
  readonly stroke?: Stroke;
}

/** Horizontal text anchoring. */
export type TextAlign = 'left' | 'center' | 'right';
/** Vertical text anchoring. */
export type TextBaseline = 'top' | 'middle' | 'bottom';

/** A text label inside the pane; painters must treat `text` as text, never markup. */
export interface TextPrimitive {
  readonly type: 'text';
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly color: string;
  readonly fontSize: number;
  readonly align: TextAlign;
  readonly baseline: TextBaseline;
  /** Optional background box behind the text. */
  readonly background?: string;
  /** Where the label may go instead when its own place is taken (the other side of its line); declutter.ts tries it. */
  readonly alternative?: TextPlacement;
}

/** A label's anchor and anchoring, without its text. */
export interface TextPlacement {
  readonly x: number;
  readonly y: number;
  readonly align: TextAlign;
  readonly baseline: TextBaseline;
}

/** A label on the price axis (at y) or the time axis (at x). */
export interface AxisLabelPrimitive {
  readonly type: 'axis-label';
  readonly axis: 'price' | 'time';
  /** y for the price axis, x for the time axis. */
  readonly at: number;
  readonly text: string;
  readonly background: string;
  readonly color: string;
}

/** A drag handle of a selected drawing. */
export interface HandlePrimitive {
  readonly type: 'handle';
  readonly x: number;
  readonly y: number;
  /** The handle's index, as used by `moveHandle`. */
  readonly index: number;
  readonly radius: number;
}

/** Any scene primitive. */
export type Primitive =
  | SegmentPrimitive
  | PolylinePrimitive
  | PolygonPrimitive
  | TextPrimitive
  | AxisLabelPrimitive
  | HandlePrimitive;

/** What one drawing (or level) paints, in paint order, with its pixel bounds. */
export interface Scene {
  readonly id: string;
  readonly primitives: readonly Primitive[];
  /** Bounds of everything painted inside the pane (axis labels excluded). */
  readonly bbox: Box;
}
