// Public surface of chartmark/konva: the editor overlay and its scene painter.
export type {
  EditorOverlay,
  EditorOverlayInput,
  EditorOverlayOptions,
} from './mount-editor-overlay';
export { mountEditorOverlay } from './mount-editor-overlay';
export type { PaintStats, PixelRatio } from './scene-painter';
export { crisp, paintScenes, TextWidthCache } from './scene-painter';
export type { AxisLayout } from './axis-label-painter';
export { paintAxisLabels } from './axis-label-painter';
export type { OverlayEditor } from './input-wiring';
export { toEditorKey } from './pointer-input';
