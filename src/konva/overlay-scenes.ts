// Decides what each layer paints. Committed drawings (not hovered, selected or being placed)
// go to the static layer and are only rebuilt when the viewport or their data changes; immer's
// structural sharing keeps unchanged drawings identical, so a per-object scene cache is exact.
import type { Drawing } from '../core/drawing';
import { drawingScene } from '../core/kinds/registry';
import type { Scene } from '../core/scene';
import type { Logical, Price } from '../core/units';
import type { Viewport } from '../core/viewport';
import type { EditorState } from '../editor/types';

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

/** Scenes of committed drawings, cached per drawing object until the viewport changes. */
export class SceneCache {
  private signature = '';
  private scenes = new WeakMap<Drawing, Scene>();

  /** Scenes of `drawings` on `viewport`, whose current mapping is summed up by `signature`. */
  scenesOf(drawings: readonly Drawing[], viewport: Viewport, signature: string): Scene[] {
    if (signature !== this.signature) {
      this.signature = signature;
      this.scenes = new WeakMap();
    }
    const out: Scene[] = new Array(drawings.length);
    for (let i = 0; i < drawings.length; i++) {
      const d = drawings[i];
      let scene = this.scenes.get(d);
      if (!scene) {
        scene = drawingScene(d, viewport);
        this.scenes.set(d, scene);
      }
      out[i] = scene;
    }
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
