// HORIZONTAL_LINE: a line across the whole pane at points[0].price; points[0].time anchors its handle.
import { axisLabel } from '../axis-labels';
import type { HorizontalLine } from '../drawing';
import { boxFromPoints, distanceToSegment } from '../geometry';
import type { Primitive, TextPrimitive } from '../scene';
import type { Viewport } from '../viewport';
import {
  behaviourFrom,
  type DrawingBehaviour,
  type DrawingEditing,
  type DrawingShape,
  type Handle,
} from './behaviour';
import {
  bodyHit,
  checkHandleIndex,
  checkPointCount,
  formatterOf,
  handlePrimitives,
  LABEL_FONT_SIZE,
  LABEL_GAP,
  movePoint,
  nearestHandle,
  primitivesBox,
  strokeOf,
  toPx,
} from './shared';

/** The price label a horizontal line carries at the pane's right edge, just above the line (the SVG writer shares it). */
export function priceLabel(y: number, paneWidth: number, text: string, color: string): TextPrimitive {
  return {
    type: 'text',
    x: paneWidth - LABEL_GAP,
    y: y - LABEL_GAP / 2,
    text,
    color,
    fontSize: LABEL_FONT_SIZE,
    align: 'right',
    baseline: 'bottom',
  };
}

function handles(d: HorizontalLine, vp: Viewport): Handle[] {
  // Only its price matters: the handle resizes vertically.
  return [{ ...toPx(vp, d.points[0]), index: 0, cursor: 'ns-resize' }];
}

/** What HORIZONTAL_LINE draws: creation and scene (all that a read-only renderer needs). */
export const horizontalLineShape: DrawingShape<'HORIZONTAL_LINE'> = {
  create(id, points, style = {}): HorizontalLine {
    checkPointCount('HORIZONTAL_LINE', points, 1);
    return { kind: 'HORIZONTAL_LINE', id, points: [points[0]!], style };
  },
  scene(d, vp, style, options) {
    const y = vp.priceToY(d.points[0].price);
    const text = formatterOf(options)(d.points[0].price);
    const primitives: Primitive[] = [
      { type: 'segment', x1: 0, y1: y, x2: vp.width, y2: y, stroke: strokeOf(style) },
      priceLabel(y, vp.width, text, style.color),
      axisLabel('price', y, text, style.color),
      ...handlePrimitives([toPx(vp, d.points[0])], options),
    ];
    return { id: d.id, primitives, bbox: primitivesBox(primitives) };
  },
};

/** How HORIZONTAL_LINE is edited: its kind and point count, handles, reach, pixel bounds, hit-testing and moves. */
export const horizontalLineEditing: DrawingEditing<'HORIZONTAL_LINE'> = {
  kind: 'HORIZONTAL_LINE',
  pointCount: 1,
  handles,
  extent(d) {
    // Across the whole pane at one price, wherever in time its handle sits.
    const p = d.points[0].price;
    return { fromTime: Number.NEGATIVE_INFINITY, toTime: Number.POSITIVE_INFINITY, minPrice: p, maxPrice: p };
  },
  bbox(d, vp) {
    const h = toPx(vp, d.points[0]);
    return boxFromPoints([{ x: 0, y: h.y }, { x: vp.width, y: h.y }, h]);
  },
  hitArea(d, vp) {
    // Axis-aligned: the bbox is already tight.
    const h = toPx(vp, d.points[0]);
    return {
      boxes: [{ minX: Math.min(0, h.x), minY: h.y, maxX: Math.max(vp.width, h.x), maxY: h.y }],
      handles: [h.x, h.y],
    };
  },
  hit(d, vp, pointer, tolerance) {
    const h = toPx(vp, d.points[0]);
    // Across the pane this is the vertical distance; past its edges the line is not drawn.
    const body = distanceToSegment(pointer, { x: 0, y: h.y }, { x: vp.width, y: h.y });
    return nearestHandle([h], pointer, tolerance) ?? bodyHit(body, tolerance);
  },
  move(d, vp, dx, dy) {
    return { ...d, points: [movePoint(vp, d.points[0], dx, dy)] };
  },
  moveHandle(d, _vp, index, to) {
    checkHandleIndex('HORIZONTAL_LINE', index, 1);
    return { ...d, points: [to] };
  },
};

/** Behaviour of HORIZONTAL_LINE. */
export const horizontalLine: DrawingBehaviour<'HORIZONTAL_LINE'> = /* @__PURE__ */ behaviourFrom(
  horizontalLineShape,
  horizontalLineEditing,
);
