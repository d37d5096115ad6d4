// The table of functions every drawing kind provides. kinds/registry.ts maps each kind to its
// behaviour with a mapped type, so a missing kind is a compile error.
import type { ChartPoint, Drawing, DrawingKind, DrawingOf } from '../drawing';
import type { DataExtent } from '../extent';
import type { Box, PxPoint, Scene } from '../scene';
import type { ResolvedStyle } from '../style';
import type { Viewport } from '../viewport';

/** Which part of a drawing a pointer is over. */
export type HitPart =
  | { readonly type: 'body' }
  | { readonly type: 'handle'; readonly index: number }
  | { readonly type: 'edge'; readonly index: number }
  | { readonly type: 'level'; readonly index: number };

/** A hit: the distance in px from the pointer to the part (0 = on it). */
export interface Hit {
  readonly distance: number;
  readonly part: HitPart;
}

/** Where a drawing's hit() can answer, in pixels: what the spatial index stores for it. */
export interface HitArea {
  /**
   * Boxes that together hold every point hit() answers for at tolerance 0, handles included, hugging
   * slanted parts (hit-boxes.ts) where one bbox would be mostly empty.
   */
  readonly boxes: readonly Box[];
  /** The handle centres hit() tests before anything else, flat: x0, y0, x1, y1, … */
  readonly handles: readonly number[];
}

/** A drag handle in pixels; `index` is what `moveHandle` takes. */
export interface Handle extends PxPoint {
  readonly index: number;
  /** Cursor hint for painters: what a drag of this handle does. */
  readonly cursor: 'move' | 'ew-resize' | 'ns-resize' | 'nwse-resize' | 'nesw-resize' | 'crosshair';
}

/** Options for scene building. */
export interface SceneOptions {
  /** Paint handles (selected drawing). */
  readonly selected?: boolean;
  /** Radius of handles in px (touch uses larger ones). */
  readonly handleRadius?: number;
  /** Price formatter for labels; default core `formatPrice` (5 decimals below 10 in magnitude, else 2). */
  readonly formatPrice?: (price: number) => string;
}

/** Everything the engine can do with a drawing of kind K. */
export interface DrawingBehaviour<K extends DrawingKind> {
  readonly kind: K;
  /** How many points the kind carries. */
  readonly pointCount: number;
  /** Builds a drawing of this kind from exactly `pointCount` points with default options. */
  create(id: string, points: readonly ChartPoint[], style?: DrawingOf<K>['style']): DrawingOf<K>;
  /** Drag handles in pixels. */
  handles(drawing: DrawingOf<K>, viewport: Viewport): readonly Handle[];
  /** Reach in chart space, known without a viewport: ±Infinity where unbounded (extent.ts). */
  extent(drawing: DrawingOf<K>): DataExtent;
  /** Pixel bounds of the drawing (extended lines clipped to the pane). */
  bbox(drawing: DrawingOf<K>, viewport: Viewport): Box;
  /** Where `hit` can answer, for the spatial index (one geometry pass). */
  hitArea(drawing: DrawingOf<K>, viewport: Viewport): HitArea;
  /** The nearest part within `tolerance` px of the pointer, or null. Handles win over bodies. */
  hit(drawing: DrawingOf<K>, viewport: Viewport, pointer: PxPoint, tolerance: number): Hit | null;
  /** The drawing moved by a pixel delta; points shift in bar (logical) space, so gaps are respected. */
  move(drawing: DrawingOf<K>, viewport: Viewport, dx: number, dy: number): DrawingOf<K>;
  /** The drawing with handle `index` dragged to `to`. */
  moveHandle(drawing: DrawingOf<K>, viewport: Viewport, index: number, to: ChartPoint): DrawingOf<K>;
  /** Renderer-neutral primitives in pixels. */
  scene(drawing: DrawingOf<K>, viewport: Viewport, style: ResolvedStyle, options?: SceneOptions): Scene;
}

/**
 * What a kind draws: creation and scene. Kept apart from editing so that a read-only renderer
 * (SVG, the post view) bundles only this half of each kind; they fit their own viewport, so the
 * chart-space reach (`extent`, the editor's off-screen culling) is in the editing half.
 */
export type DrawingShape<K extends DrawingKind> = Pick<DrawingBehaviour<K>, 'create' | 'scene'>;

/** How a kind is edited: its kind and point count, handles, reach, pixel bounds, hit-testing and moves. */
export type DrawingEditing<K extends DrawingKind> = Omit<DrawingBehaviour<K>, keyof DrawingShape<K>>;

/** A kind's whole behaviour from its two halves. */
export function behaviourFrom<K extends DrawingKind>(
  shape: DrawingShape<K>,
  editing: DrawingEditing<K>,
): DrawingBehaviour<K> {
  return { ...shape, ...editing };
}

/** Shape half of every kind, keyed by kind. */
export type AnyShape = { readonly [K in DrawingKind]: DrawingShape<K> };

/** Editing half of every kind, keyed by kind. */
export type AnyEditing = { readonly [K in DrawingKind]: DrawingEditing<K> };

/** Behaviour of any drawing, for code that dispatches on `drawing.kind`. */
export type AnyBehaviour = { readonly [K in DrawingKind]: DrawingBehaviour<K> };

/** Narrowing helper so callers holding a `Drawing` can use the table. */
export type BehaviourFor<D extends Drawing> = DrawingBehaviour<D['kind']>;
