// Every scene of an analysis on one viewport, shared by the SVG renderer and the canvas view so
// both show exactly what the editor shows.
import type { Analysis, LevelName } from '../core/analysis';
import { expiryScene, levelScenes } from '../core/analysis-scene';
import { formatPrice } from '../core/format';
import { drawingScene } from '../core/kinds/registry';
import type { Scene } from '../core/scene';
import type { UtcSeconds } from '../core/units';
import type { Viewport } from '../core/viewport';

/** Label price format of the read-only renderers: core's default (5 decimals below 10, else 2). */
export function readOnlyPrice(p: number): string {
  return formatPrice(p);
}

/** A level's scene with the level's name. */
export interface NamedLevelScene {
  readonly name: LevelName;
  readonly scene: Scene;
}

/** The scenes of one analysis, in paint order: drawings, then levels, then the expiry marker. */
export interface AnalysisScenes {
  /** One per drawing, in the analysis' order; `scene.id` is the drawing's clientObjectId. */
  readonly drawings: readonly Scene[];
  readonly levels: readonly NamedLevelScene[];
  readonly expiry: Scene | null;
}

/** Builds every scene of `analysis` on `vp`. */
export function analysisScenes(
  analysis: Analysis,
  vp: Viewport,
  expiresAt: UtcSeconds | null,
): AnalysisScenes {
  const options = { formatPrice: readOnlyPrice };
  const drawings = analysis.drawings.map((d) => drawingScene(d, vp, undefined, options));
  const levels: NamedLevelScene[] = [];
  for (const scene of levelScenes(analysis.levels, vp, options)) {
    const name = (['support', 'pivot', 'resistance'] as const).find(
      (n) => analysis.levels[n]?.id === scene.id,
    );
    if (name) levels.push({ name, scene });
  }
  return { drawings, levels, expiry: expiresAt === null ? null : expiryScene(expiresAt, vp) };
}
