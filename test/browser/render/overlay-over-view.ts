// The editor overlay painting an analysis over a read-only view's chart in place of the view's own
// primitive: the two painters of the same analysis on one chart, for comparing what they draw.
import type { UtcSeconds } from '../../../src/core/units';
import { analysisFromDetail, type PreviewAnalysisDetail } from '../../../src/core/wire/index';
import { createEditor } from '../../../src/editor/editor';
import { type EditorOverlay, mountEditorOverlay } from '../../../src/konva/index';
import type { AnalysisDetailWire, Candle } from '../../../src/svg/index';
import type { AnalysisView } from '../../../src/view/index';

/** Detaches the view's primitive and mounts an editor overlay of `detail` in `el` (the view's box). */
export function overlayOverView(
  view: AnalysisView,
  el: HTMLElement,
  detail: AnalysisDetailWire,
  candles: readonly Candle[],
  createdAt: UtcSeconds,
): EditorOverlay {
  view.series.detachPrimitive(view.primitive);
  const model = analysisFromDetail(detail as PreviewAnalysisDetail);
  const editor = createEditor({ drawings: model.drawings, levels: model.levels, metadata: model.metadata });
  return mountEditorOverlay({
    container: el,
    chart: view.chart,
    series: view.series,
    candles,
    editor,
    options: { createdAt },
  });
}
