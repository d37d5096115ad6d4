// Decides what each layer paints. Committed drawings (not hovered, selected or being placed)
// go to the static layer and are only rebuilt when the viewport or their data changes; immer's
// structural sharing keeps unchanged drawings identical, so a per-object scene cache is exact.
import type { Drawing } from '../core/drawing';
import { type DataExtent, dataWindow, extentInWindow } from '../core/extent';
import { drawingExtent, drawingScene } from '../core/kinds/registry';
import type { Scene } from '../core/scene';
import type { Logical, Price } from '../core/units';
import type { Viewport } from '../core/viewport';
import type { EditorState } from '../editor/types';
import { panRule, shiftScene } from './scene-shift';

/** Ids that belong on the interactive layer: selected, hovered, being placed or dragged. */
export function activeIds(state: EditorState): Set<string> {
  const ids = new Set(state.selection);
  if (state.hover?.type === 'drawing') ids.add(state.hover.id);
  const tool = state.toolState;
  if (tool.type === 'placing') ids.add(tool.id);
  if (tool.type === 'dragging-handle') ids.add(tool.id);
  if (tool.type === 'dragging-body') for (const d of tool.originals) ids.add(d.id);
  return ids;
}

/** Visible drawings of `state` split into committed (static layer) and active (interactive layer), paint order kept. */
export function splitDrawings(
  state: EditorState,
  active: ReadonlySet<string>,
): { committed: Drawing[]; active: Drawing[] } {
  const committed: Drawing[] = [];
  const act: Drawing[] = [];
  for (const d of state.drawings) {
    if (state.flags[d.id]?.hidden) continue;
    (active.has(d.id) ? act : committed).push(d);
  }
  return { committed, active: act };
}

/** True when both lists hold the same drawing objects in the same order. */
export function sameDrawings(a: readonly Drawing[], b: readonly Drawing[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The viewport's mapping apart from a horizontal pan (`key`), and where the pan stands (`x0`). */
export interface ViewportShape {
  /** Changes with size, bar spacing or price scale — anything a pure pan leaves alone. */
  readonly key: string;
  /** x of logical bar 0: a pure pan moves every time-anchored pixel by its change. */
  readonly x0: number;
}

/** The shape of `viewport`'s current mapping (see ViewportShape). */
export function viewportShape(viewport: Viewport, probePrice: number): ViewportShape {
  const p = probePrice as Price;
  const q = (probePrice * 1.01 + 1) as Price;
  const x0 = viewport.timeToX(viewport.logicalToTime(0 as Logical));
  const x1 = viewport.timeToX(viewport.logicalToTime(1 as Logical));
  // Spacing rounded far below a pixel's resolution, so float noise of a pan does not read as a zoom.
  const spacing = Math.round((x1 - x0) * 1e9) / 1e9;
  const key = [viewport.width, viewport.height, spacing, viewport.priceToY(p), viewport.priceToY(q)].join(
    '|',
  );
  return { key, x0 };
}

/**
 * Pixels a committed scene may paint beyond its drawing's chart-space extent (labels, arrow heads,
 * line widths). Drawings farther outside the pane get no scene at all: with a long history most
 * drawings are off screen, and building their scenes on every zoom step is what grows with count.
 */
export const CULL_MARGIN = { x: 256, y: 32 } as const;

interface Cached {
  readonly scene: Scene;
  readonly x0: number;
}

/** Scenes of committed drawings, cached per drawing object; a pure pan moves them instead of rebuilding (scene-shift.ts). */
export class SceneCache {
  private key = '';
  private scenes = new WeakMap<Drawing, Cached>();
  // Extents depend on the drawing alone, so they outlive every viewport change.
  private readonly extents = new WeakMap<Drawing, DataExtent>();
  /** How many scenes the last call built, moved, reused as they were and culled (for tests and benchmarks). */
  last = { built: 0, shifted: 0, reused: 0, culled: 0 };

  /** Scenes of those `drawings` that can reach the pane of `viewport`, whose current mapping is `shape`; paint order kept. */
  scenesOf(drawings: readonly Drawing[], viewport: Viewport, shape: ViewportShape): Scene[] {
    if (shape.key !== this.key) {
      this.key = shape.key;
      this.scenes = new WeakMap();
    }
    const last = { built: 0, shifted: 0, reused: 0, culled: 0 };
    const window = dataWindow(viewport, CULL_MARGIN.x, CULL_MARGIN.y);
    const out: Scene[] = [];
    for (let i = 0; i < drawings.length; i++) {
      const d = drawings[i];
      let extent = this.extents.get(d);
      if (!extent) {
        extent = drawingExtent(d);
        this.extents.set(d, extent);
      }
      if (!extentInWindow(extent, window)) {
        last.culled++;
        continue;
      }
      const cached = this.scenes.get(d);
      const rule = cached ? panRule(d) : 'rebuild';
      if (cached && (cached.x0 === shape.x0 || rule === 'unchanged')) {
        out.push(cached.scene);
        last.reused++;
      } else if (cached && rule === 'shift') {
        // Moved from the built scene, not the last moved one: no drift over a long pan.
        out.push(shiftScene(cached.scene, shape.x0 - cached.x0));
        last.shifted++;
      } else {
        const scene = drawingScene(d, viewport);
        out.push(scene);
        this.scenes.set(d, { scene, x0: shape.x0 });
        last.built++;
      }
    }
    this.last = last;
    return out;
  }
}

/** A string that changes whenever the viewport's time or price mapping or size changes. */
export function viewportSignature(viewport: Viewport, probePrice: number): string {
  const p = probePrice as Price;
  const q = (probePrice * 1.01 + 1) as Price;
  const t0 = viewport.logicalToTime(0 as Logical);
  const t1 = viewport.logicalToTime(1 as Logical);
  return [
    viewport.width,
    viewport.height,
    viewport.timeToX(t0),
    viewport.timeToX(t1),
    viewport.priceToY(p),
    viewport.priceToY(q),
  ].join('|');
}
