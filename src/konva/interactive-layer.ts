// The Konva part of the overlay, a chunk of its own (issue 12 item 7): mountEditorOverlay loads it
// with `import()` just after its first paint, or at once on the first input, and paints with a
// plain canvas until it is there (plain-active-layer.ts). Only this file and active-layer.ts
// import konva at run time.
import { Layer } from 'konva/lib/Layer';
import { Stage } from 'konva/lib/Stage';
import type { TextWidthCache } from '../render/scene-painter';
import type { ActivePaint } from './active-content';
import { paintActive } from './active-layer';

/** The Konva stage with the interactive layer. */
export interface InteractiveLayer {
  readonly paint: ActivePaint;
  /** Sizes the stage to the pane and its axes, in CSS px. */
  resize(width: number, height: number): void;
  destroy(): void;
}

/**
 * Mounts a Konva stage in `host`, which it empties (Konva's way): the caller puts its other
 * canvases back under it. Non-listening: the editor hit-tests with the core.
 */
export function mountInteractiveLayer(host: HTMLDivElement, cache: TextWidthCache): InteractiveLayer {
  const stage = new Stage({ container: host, width: 1, height: 1, listening: false });
  const layer = new Layer({ listening: false });
  stage.add(layer);
  return {
    paint: paintActive(layer, cache),
    resize(width, height) {
      if (stage.width() !== width || stage.height() !== height) stage.size({ width, height });
    },
    destroy: () => stage.destroy(),
  };
}
