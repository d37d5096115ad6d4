// Every scene of an analysis on one viewport, built in core and only painted by the SVG renderer
// and the canvas view, so both show exactly what the editor shows.
import { type Analysis, LEVEL_NAMES, type LevelName } from './analysis';
import { expiryScene, levelScenes } from './analysis-scene';
import { type DeclutterOptions, declutterScenes } from './declutter';
import { drawingScene } from './kinds/registry';
import type { Scene } from './scene';
import type { UtcSeconds } from './units';
import type { Viewport } from './viewport';

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

/** The analysis' own marks on `vp` — its levels and its expiry — as analysisScenes builds them. */
export function markScenes(
  analysis: Analysis,
  vp: Viewport,
  expiresAt: UtcSeconds | null,
): Omit<AnalysisScenes, 'drawings'> {
  const levels: NamedLevelScene[] = [];
  for (const scene of levelScenes(analysis.levels, vp)) {
    const name = LEVEL_NAMES.find((n) => analysis.levels[n]?.id === scene.id);
    if (name) levels.push({ name, scene });
  }
  return { levels, expiry: expiresAt === null ? null : expiryScene(expiresAt, vp) };
}

/** Builds every scene of `analysis` on `vp`, labels priced by core's default `formatPrice`. */
export function analysisScenes(
  analysis: Analysis,
  vp: Viewport,
  expiresAt: UtcSeconds | null,
): AnalysisScenes {
  return {
    drawings: analysis.drawings.map((d) => drawingScene(d, vp)),
    ...markScenes(analysis, vp, expiresAt),
  };
}

/**
 * The scenes with their labels decluttered (declutter.ts) inside `area`: the analysis' own marks
 * (levels, then the expiry) keep their places first, the drawings' labels move around them.
 */
export function declutterAnalysisScenes(scenes: AnalysisScenes, options: DeclutterOptions): AnalysisScenes {
  const marks = [...scenes.levels.map((l) => l.scene), ...(scenes.expiry ? [scenes.expiry] : [])];
  const out = declutterScenes([...marks, ...scenes.drawings], options).scenes;
  const levels = scenes.levels.map((l, i) => ({ name: l.name, scene: out[i]! }));
  const expiry = scenes.expiry ? out[scenes.levels.length]! : null;
  return { drawings: out.slice(marks.length), levels, expiry };
}
