// ONE lightweight-charts series primitive paints the whole analysis (design.md §5: per-node
// overhead dominates, so all drawings go through one draw call). Scenes are rebuilt in
// updateAllViews, which the chart calls before every repaint, so they always match the current
// scroll, zoom and size; axis labels become the chart's own price/time axis views.
import type {
  AutoscaleInfo,
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  ISeriesPrimitive,
  ISeriesPrimitiveAxisView,
  SeriesAttachedParameter,
  Time,
} from 'lightweight-charts';
import type { Analysis } from '../core/analysis';
import type { AxisLabelPrimitive, Scene } from '../core/scene';
import type { UtcSeconds } from '../core/units';
import type { Viewport } from '../core/viewport';
import { analysisExtent } from '../core/analysis-fit';
import { type AnalysisScenes, analysisScenes, declutterAnalysisScenes } from '../core/analysis-scenes';
import { safeColor } from '../core/style';
import { paintScenes } from '../render/scene-painter';
import { canvasMeasure, TextWidthCache } from '../render/text-painter';

/** The primitive plus the controls the view needs. */
export interface AnalysisPrimitive extends ISeriesPrimitive<Time> {
  /** Emphasises the scene of a drawing or level (by clientObjectId), or none. */
  setHighlight(key: string | null): void;
  /** The key currently emphasised. */
  highlighted(): string | null;
  /** Asks the chart to repaint (and so rebuild the scenes). */
  requestRepaint(): void;
  /** The scenes of the last repaint (for tests and hit checks). */
  scenes(): AnalysisScenes | null;
}

type DrawTarget = Parameters<IPrimitivePaneRenderer['draw']>[0];

function axisView(l: AxisLabelPrimitive, fallback: string): ISeriesPrimitiveAxisView {
  return {
    coordinate: () => l.at,
    text: () => l.text,
    textColor: () => safeColor(l.color, '#FFFFFF'),
    backColor: () => safeColor(l.background, fallback),
  };
}

// Levels and the expiry marker: the analysis' own marks, painted above its drawings.
function marks(s: AnalysisScenes): Scene[] {
  return [...s.levels.map((l) => l.scene), ...(s.expiry ? [s.expiry] : [])];
}

/** Builds the primitive for `analysis` drawn through `viewport` (a live chart viewport). */
export function createAnalysisPrimitive(
  analysis: Analysis,
  viewport: Viewport,
  expiresAt: UtcSeconds | null,
  colors: { readonly fallback: string; readonly highlight: string },
): AnalysisPrimitive {
  let current: AnalysisScenes | null = null;
  const cache = new TextWidthCache();
  let highlight: string | null = null;
  let requestUpdate: (() => void) | null = null;
  let priceViews: ISeriesPrimitiveAxisView[] = [];
  let timeViews: ISeriesPrimitiveAxisView[] = [];
  const extent = analysisExtent(analysis, expiresAt);
  const lo = Math.min(...extent.prices);
  const hi = Math.max(...extent.prices);

  const all = (s: AnalysisScenes): Scene[] => [...s.drawings, ...marks(s)];
  const renderer: IPrimitivePaneRenderer = {
    draw(target: DrawTarget) {
      const scenes = current;
      if (!scenes) return;
      // The canvas' real device ratio (browser zoom included), so sharp lines land where the editor's do.
      // biome-ignore lint/correctness/useHookAtTopLevel: lightweight-charts' drawing API, not a React hook
      const pixelRatio = target.useBitmapCoordinateSpace((s) => ({
        x: s.horizontalPixelRatio,
        y: s.verticalPixelRatio,
      }));
      // biome-ignore lint/correctness/useHookAtTopLevel: lightweight-charts' drawing API, not a React hook
      target.useMediaCoordinateSpace(({ context, mediaSize }) => {
        const area = { minX: 0, minY: 0, maxX: mediaSize.width, maxY: mediaSize.height };
        const emphasis = { highlight, highlightColor: colors.highlight, fallbackColor: colors.fallback };
        // Labels kept apart by core's declutter (levels and expiry first, as the editor places
        // them), measured on this canvas; then drawings, and the marks on top, as the editor paints.
        const placed = declutterAnalysisScenes(scenes, { area, measure: canvasMeasure(context, cache) });
        paintScenes(context, placed.drawings, area, pixelRatio, cache, false, emphasis);
        paintScenes(context, marks(placed), area, pixelRatio, cache, false, emphasis);
      });
    },
  };
  // 'normal' paints with the series on the main canvas, so chart.takeScreenshot() includes it.
  const paneView: IPrimitivePaneView = { zOrder: () => 'normal', renderer: () => renderer };

  return {
    attached(param: SeriesAttachedParameter<Time>) {
      requestUpdate = param.requestUpdate;
    },
    detached() {
      requestUpdate = null;
    },
    updateAllViews() {
      // Before the first layout the chart has no width; there is nothing to paint yet.
      if (!(viewport.width > 0) || !(viewport.height > 0)) {
        current = null;
        priceViews = [];
        timeViews = [];
        return;
      }
      current = analysisScenes(analysis, viewport, expiresAt);
      priceViews = [];
      timeViews = [];
      for (const s of all(current)) {
        for (const p of s.primitives) {
          if (p.type !== 'axis-label' || !Number.isFinite(p.at)) continue;
          (p.axis === 'price' ? priceViews : timeViews).push(axisView(p, colors.fallback));
        }
      }
    },
    paneViews: () => [paneView],
    priceAxisViews: () => priceViews,
    timeAxisViews: () => timeViews,
    // Keeps every level and drawing price inside the autoscaled price range.
    autoscaleInfo: (): AutoscaleInfo | null =>
      Number.isFinite(lo) && Number.isFinite(hi) ? { priceRange: { minValue: lo, maxValue: hi } } : null,
    setHighlight(key) {
      if (key === highlight) return;
      highlight = key;
      requestUpdate?.();
    },
    highlighted: () => highlight,
    requestRepaint: () => requestUpdate?.(),
    scenes: () => current,
  };
}
