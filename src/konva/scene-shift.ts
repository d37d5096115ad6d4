// A pure pan (same bar spacing, same price scale, same pane size) moves every time-anchored
// pixel by the same dx, so a cached scene can be moved instead of rebuilt — except where the
// scene depends on the pane's edges (lines extended to the edge), which must be rebuilt.
import type { Drawing } from '../core/drawing';
import type { Primitive, Scene } from '../core/scene';

/** How a drawing's scene follows a pure horizontal pan: unchanged, moved by dx, or rebuilt. */
export type PanRule = 'unchanged' | 'shift' | 'rebuild';

/** The pan rule of `d`'s scene. */
export function panRule(d: Drawing): PanRule {
  switch (d.kind) {
    // Spans the pane at one price, its label pinned to the right edge: nothing moves.
    case 'HORIZONTAL_LINE':
      return 'unchanged';
    case 'RECTANGLE':
      return 'shift';
    case 'LINE':
    case 'PARALLEL':
      return d.extendLeft || d.extendRight ? 'rebuild' : 'shift';
    case 'FIBONACCI_RETRACEMENT':
      return d.extendRight ? 'rebuild' : 'shift';
    default:
      return 'rebuild';
  }
}

function shiftPoints(points: readonly number[], dx: number): number[] {
  const out = new Array<number>(points.length);
  for (let i = 0; i < points.length; i += 2) {
    out[i] = points[i] + dx;
    out[i + 1] = points[i + 1];
  }
  return out;
}

function shiftPrimitive(p: Primitive, dx: number): Primitive {
  switch (p.type) {
    case 'segment':
      return { ...p, x1: p.x1 + dx, x2: p.x2 + dx };
    case 'polyline':
    case 'polygon':
      return { ...p, points: shiftPoints(p.points, dx) };
    case 'text':
    case 'handle':
      return { ...p, x: p.x + dx };
    case 'axis-label':
      return p.axis === 'time' ? { ...p, at: p.at + dx } : p;
  }
}

/** `scene` moved right by `dx` px (primitives, axis labels on the time axis and bbox). */
export function shiftScene(scene: Scene, dx: number): Scene {
  const b = scene.bbox;
  return {
    id: scene.id,
    primitives: scene.primitives.map((p) => shiftPrimitive(p, dx)),
    bbox: { minX: b.minX + dx, minY: b.minY, maxX: b.maxX + dx, maxY: b.maxY },
  };
}
