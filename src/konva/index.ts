// Public surface of chartmark/konva: the editor overlay and its scene painter.
export type {
  EditorOverlay,
  EditorOverlayInput,
  EditorOverlayOptions,
} from './mount-editor-overlay';
export { mountEditorOverlay } from './mount-editor-overlay';
export type { PaintStats, PixelRatio } from '../render/scene-painter';
export { crisp, paintScenes, TextWidthCache } from '../render/scene-painter';
export type { AxisLayout } from '../render/axis-label-painter';
export { paintAxisLabels } from '../render/axis-label-painter';
export type { OverlayEditor } from './input-wiring';
export { toEditorKey } from './pointer-input';
