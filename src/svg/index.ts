// Public surface of chartmark/svg: static, DOM-free renderings of an analysis.
// Scenes and the fitted viewport are built in core; kept here for embedders of chartmark/svg.
export type { AnalysisScenes, NamedLevelScene } from '../core/analysis-scenes';
export { analysisScenes } from '../core/analysis-scenes';
export type { DescribeOptions } from './describe';
export {
  describeAnalysis,
  describeContents,
  describeOutcome,
  describeSummary,
  spokenDuration,
  spokenExpiry,
  spokenPrice,
} from './describe';
export { cleanText, escapeXml, safeColor } from './escape';
export type { Candle } from './candles-svg';
export { analysisExtent, fitAnalysisViewport, TIMEFRAME_SECONDS } from '../core/analysis-fit';
export type { SvgPaintContext } from './paint-primitives';
export { primitiveToSvg } from './paint-primitives';
export type { SvgOptions } from './render-analysis';
export { PRICE_AXIS_WIDTH, renderAnalysisSvg, TIME_AXIS_HEIGHT, TITLE_HEIGHT } from './render-analysis';
export type { SvgTheme, ThemeName } from './theme';
export { SVG_THEMES, themeOf } from './theme';
export type { AnalysisDetailWire, WireCoordinate, WireDrawing, WireLevel, WireLink } from './wire-detail';
export {
  analysisFromDetail,
  detailExpiresAt,
  drawingFromWire,
  levelsFromWire,
  wireTime,
} from './wire-detail';
export type { SvgOutcome } from './svg-outcome';
export { svgOutcome } from './svg-outcome';
