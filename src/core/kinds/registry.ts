// The behaviour table and dispatchers for code that holds any Drawing. The mapped type AnyBehaviour
// makes a missing kind a compile error here.
import type { ChartPoint, Drawing, DrawingKind, DrawingOf, DrawingStyle, LineHead } from '../drawing';
import type { DataExtent } from '../extent';
import type { Box, PxPoint, Scene } from '../scene';
import { type ResolvedStyle, resolveStyle } from '../style';
import type { Viewport } from '../viewport';
import type {
  AnyBehaviour,
  AnyEditing,
  AnyShape,
  DrawingBehaviour,
  DrawingEditing,
  DrawingShape,
  Handle,
  Hit,
  HitArea,
  SceneOptions,
} from './behaviour';
import {
  fibonacciRetracement,
  fibonacciRetracementEditing,
  fibonacciRetracementShape,
} from './fibonacci-retracement';
import { horizontalLine, horizontalLineEditing, horizontalLineShape } from './horizontal-line';
import { line, lineEditing, lineShape } from './line';
import { parallel, parallelEditing, parallelShape } from './parallel';
import { rectangle, rectangleEditing, rectangleShape } from './rectangle';

/** Behaviour of every kind, keyed by kind. */
export const BEHAVIOURS: AnyBehaviour = {
  HORIZONTAL_LINE: horizontalLine,
  LINE: line,
  RECTANGLE: rectangle,
  PARALLEL: parallel,
  FIBONACCI_RETRACEMENT: fibonacciRetracement,
};

// The dispatchers below read the two halves, not BEHAVIOURS, so that a bundle which only draws
// (SVG, the post view) leaves every kind's editing half — reach, hit-boxes, clipping for hits — out.
const SHAPES: AnyShape = {
  HORIZONTAL_LINE: horizontalLineShape,
  LINE: lineShape,
  RECTANGLE: rectangleShape,
  PARALLEL: parallelShape,
  FIBONACCI_RETRACEMENT: fibonacciRetracementShape,
};

const EDITING: AnyEditing = {
  HORIZONTAL_LINE: horizontalLineEditing,
  LINE: lineEditing,
  RECTANGLE: rectangleEditing,
  PARALLEL: parallelEditing,
  FIBONACCI_RETRACEMENT: fibonacciRetracementEditing,
};

// Sound because each table's [k] handles exactly DrawingOf<k>; the union view lets one call serve all kinds.
const anyShape = (drawing: Drawing) => SHAPES[drawing.kind] as DrawingShape<DrawingKind>;
const anyEditing = (drawing: Drawing) => EDITING[drawing.kind] as DrawingEditing<DrawingKind>;

/** The behaviour of a drawing's kind, typed for that drawing. */
export function behaviourOf<D extends Drawing>(drawing: D): DrawingBehaviour<D['kind']> {
  return BEHAVIOURS[drawing.kind as D['kind']];
}

/** Scene of any drawing; the style defaults to the drawing's own, resolved for its kind. */
export function drawingScene(
  drawing: Drawing,
  viewport: Viewport,
  style: ResolvedStyle = resolveStyle(drawing.kind, drawing.style),
  options?: SceneOptions,
): Scene {
  return anyShape(drawing).scene(drawing, viewport, style, options);
}

/** Drag handles of any drawing. */
export function drawingHandles(drawing: Drawing, viewport: Viewport): readonly Handle[] {
  return anyEditing(drawing).handles(drawing, viewport);
}

/** Chart-space reach of any drawing (±Infinity where unbounded). */
export function drawingExtent(drawing: Drawing): DataExtent {
  return anyEditing(drawing).extent(drawing);
}

/** Pixel bounds of any drawing's geometry and handle centres. */
export function drawingBbox(drawing: Drawing, viewport: Viewport): Box {
  return anyEditing(drawing).bbox(drawing, viewport);
}

/** Where `hitDrawing` can answer for any drawing: tight boxes and handle centres, in px. */
export function drawingHitArea(drawing: Drawing, viewport: Viewport): HitArea {
  return anyEditing(drawing).hitArea(drawing, viewport);
}

/** Hit-test of any drawing: the nearest part within tolerance, handles first, or null. */
export function hitDrawing(
  drawing: Drawing,
  viewport: Viewport,
  pointer: PxPoint,
  tolerance: number,
): Hit | null {
  return anyEditing(drawing).hit(drawing, viewport, pointer, tolerance);
}

/** Any drawing moved by a pixel delta. */
export function moveDrawing<D extends Drawing>(drawing: D, viewport: Viewport, dx: number, dy: number): D {
  return anyEditing(drawing).move(drawing, viewport, dx, dy) as D;
}

/** Any drawing with handle `index` dragged to `to`. */
export function moveDrawingHandle<D extends Drawing>(
  drawing: D,
  viewport: Viewport,
  index: number,
  to: ChartPoint,
): D {
  return anyEditing(drawing).moveHandle(drawing, viewport, index, to) as D;
}

/** A new drawing of `kind` with the kind's defaults; throws on a wrong point count. */
export function createDrawing<K extends DrawingKind>(
  kind: K,
  id: string,
  points: readonly ChartPoint[],
  style: DrawingStyle = {},
): DrawingOf<K> {
  const shape: DrawingShape<K> = SHAPES[kind];
  return shape.create(id, points, style);
}

/** The options a wire drawing may carry; each kind takes only its own (spec §3.9). */
export interface DrawingOptions {
  readonly startHead?: LineHead;
  readonly endHead?: LineHead;
  readonly extendLeft?: boolean;
  readonly extendRight?: boolean;
  readonly showMidline?: boolean;
  readonly levels?: readonly number[];
}

const OPTION_KEYS = ['startHead', 'endHead', 'extendLeft', 'extendRight', 'showMidline', 'levels'] as const;

/**
 * `createDrawing` with the options that `options` sets, the kind's defaults for the rest; options
 * the kind does not have are ignored. The one place absent wire options get their defaults (the
 * schema codec and the read-only views both come here). Throws on a wrong point count.
 */
export function createDrawingWithOptions<K extends DrawingKind>(
  kind: K,
  id: string,
  points: readonly ChartPoint[],
  style: DrawingStyle,
  options: DrawingOptions,
): DrawingOf<K> {
  // createDrawing returns a new object, so the options are set on it rather than on a copy.
  const drawing = createDrawing(kind, id, points, style) as unknown as Record<string, unknown>;
  for (const key of OPTION_KEYS) {
    const value = options[key];
    // Arrays are copied so the drawing never aliases the (wire) input.
    if (key in drawing && value !== undefined) drawing[key] = Array.isArray(value) ? [...value] : value;
  }
  return drawing as unknown as DrawingOf<K>;
}
