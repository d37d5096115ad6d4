// Public surface of render/: the one canvas painter of core scenes (a 2D context in, pixels out),
// used by the editor overlay (konva/) and the read-only view (view/).
export type { PaintEmphasis, PaintStats, PixelRatio } from './scene-painter';
export { boxesIntersect, crisp, HALO, isOpaque, paintScenes } from './scene-painter';
export type { TextPen } from './text-painter';
export {
  canvasMeasure,
  FONT_FAMILY,
  fontOf,
  paintText,
  TextWidthCache,
  textBox,
  textPen,
} from './text-painter';
export type { AxisLayout } from './axis-label-painter';
export { PRICE_LABEL_HEIGHT, paintAxisLabels, spreadLabels } from './axis-label-painter';
