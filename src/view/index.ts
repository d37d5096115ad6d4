// Public surface of chartmark/view: the read-only chart of a post and its reference text.
export type { AnalysisPrimitive } from './analysis-primitive';
export { createAnalysisPrimitive } from './analysis-primitive';
export type { AnalysisTextOptions } from './analysis-text';
export { renderAnalysisText, TEXT_FIELDS } from './analysis-text';
export type { CanvasPaintOptions } from './canvas-painter';
export { paintScenes } from './canvas-painter';
export type { AnalysisView, AnalysisViewOptions } from './mount-analysis-view';
export { mountAnalysisView } from './mount-analysis-view';
export type { ViewPartContext } from './view-part';
export type { MountedOutcome, ViewOutcomes } from './outcome-part';
export { viewOutcomes } from './outcome-part';
export type { OutcomePrimitive } from './outcome-primitive';
export type { MountedCrossings, ViewCrossings } from './crossing-part';
export { viewCrossings } from './crossing-part';
export type {
  AlertPanel,
  AlertStore,
  AlertToggle,
  CrossEvent,
  LiveCrossings,
  NoticeLog,
} from './crossing-alerts';
export {
  ALERT_STORAGE_PREFIX,
  createAlertPanel,
  createAlertToggle,
  createLiveCrossings,
  createNoticeLog,
  crossingText,
  drawingLabel,
  localAlertStore,
  MAX_NOTICES,
} from './crossing-alerts';
