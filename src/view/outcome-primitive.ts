// The outcome of a post's idea on its chart: a small series primitive of its own beside the
// analysis primitive (one scene: the badge and the entry and exit markers), so the outcome can
// change with live bars without rebuilding the analysis' scenes.
import type {
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  ISeriesPrimitive,
  SeriesAttachedParameter,
  Time,
} from 'lightweight-charts';
import type { Direction } from '../core/analysis';
import { outcomeScene } from '../core/outcome-scene';
import type { Outcome } from '../core/outcomes';
import type { Scene } from '../core/scene';
import type { Viewport } from '../core/viewport';
import { paintScenes } from './canvas-painter';

/** The outcome primitive and its controls. */
export interface OutcomePrimitive extends ISeriesPrimitive<Time> {
  /** Shows this outcome (null: nothing). */
  setOutcome(outcome: Outcome | null): void;
  /** The outcome shown. */
  outcome(): Outcome | null;
  /** The scene of the last repaint (for tests). */
  scene(): Scene | null;
}

type DrawTarget = Parameters<IPrimitivePaneRenderer['draw']>[0];

/** A primitive painting `outcomeScene` through `viewport`. */
export function createOutcomePrimitive(
  direction: Direction,
  viewport: Viewport,
  initial: Outcome | null,
  fallbackColor: string,
): OutcomePrimitive {
  let outcome = initial;
  let current: Scene | null = null;
  let requestUpdate: (() => void) | null = null;
  const renderer: IPrimitivePaneRenderer = {
    draw(target: DrawTarget) {
      const scene = current;
      // biome-ignore lint/correctness/useHookAtTopLevel: lightweight-charts' drawing API, not a React hook
      target.useMediaCoordinateSpace(({ context, mediaSize }) => {
        if (!scene) return;
        paintScenes(context, [scene], {
          width: mediaSize.width,
          height: mediaSize.height,
          highlight: null,
          fallbackColor,
          highlightColor: fallbackColor,
        });
      });
    },
  };
  // 'normal' like the analysis primitive (so screenshots include it); attached after it, so on top.
  const paneView: IPrimitivePaneView = { zOrder: () => 'normal', renderer: () => renderer };
  return {
    attached(param: SeriesAttachedParameter<Time>) {
      requestUpdate = param.requestUpdate;
    },
    detached() {
      requestUpdate = null;
    },
    updateAllViews() {
      current =
        outcome && viewport.width > 0 && viewport.height > 0
          ? outcomeScene(outcome, direction, viewport)
          : null;
    },
    paneViews: () => [paneView],
    setOutcome(next) {
      outcome = next;
      requestUpdate?.();
    },
    outcome: () => outcome,
    scene: () => current,
  };
}
