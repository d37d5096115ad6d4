// Public surface of chartmark/core. Hand-written: every export here is deliberate.
export type { Brand, Logical, Price, Px, UtcSeconds } from './units';
export { logical, price, px, utcSeconds } from './units';
export type {
  ChartPoint,
  Drawing,
  DrawingKind,
  DrawingOf,
  DrawingStyle,
  FibLabelSide,
  FibonacciRetracement,
  HorizontalLine,
  Line,
  LineHead,
  LineStyle,
  Parallel,
  Rectangle,
} from './drawing';
export { assertNever, DEFAULT_FIB_LEVELS, DRAWING_KINDS, POINT_COUNT } from './drawing';
export type { PriceRange, TimeRange, Viewport } from './viewport';
export type {
  AxisLabelPrimitive,
  Box,
  HandlePrimitive,
  PolygonPrimitive,
  PolylinePrimitive,
  Primitive,
  PxPoint,
  Scene,
  SegmentPrimitive,
  Stroke,
  TextAlign,
  TextBaseline,
  TextPrimitive,
} from './scene';
export type {
  AnyBehaviour,
  DrawingBehaviour,
  Handle,
  Hit,
  HitArea,
  HitPart,
  SceneOptions,
} from './kinds/behaviour';
export type { ResolvedStyle } from './style';
export { AXIS_LABEL_TEXT_COLOR, dashPattern, resolveStyle, STYLE_DEFAULTS } from './style';
export type {
  Analysis,
  AnalysisMetadata,
  AnalysisStatus,
  AnalysisType,
  Direction,
  EntryPlacement,
  Expiry,
  Level,
  LevelName,
  Levels,
  Timeframe,
} from './analysis';
export { LEVEL_NAMES, TIMEFRAMES } from './analysis';
// --- analysis rules: references, levels, expiry, analysisType
export type {
  ReferenceScope,
  ReferenceTarget,
  ReferenceToken,
  ResolvedReference,
} from './references';
export {
  CLIENT_OBJECT_ID_PATTERN,
  parseReferences,
  REFERENCE_LABEL_MAX,
  referenceKeys,
  resolveReferences,
} from './references';
export type { LevelOrderViolation, LevelPrices, LevelsPatch } from './levels';
export { checkLevelOrder, clampLevelPrice, mergeLevels } from './levels';
export { analysisStatus, expiresAt, timeLeft } from './expiry';
export { analysisType } from './analysis-type';
// --- coordinate maths: time index and the pure viewport
export type { TimeIndex, TimeIndexOptions } from './time-index';
export { createTimeIndex, MEDIAN_WINDOW } from './time-index';
export type { FitOptions, LogicalRange, StaticViewport, ViewportInput } from './create-viewport';
export { createViewport, fitViewport } from './create-viewport';
// --- labels and analysis scenes: formatting, axis-label stacking, levels and expiry
export { defaultPrecision, formatDayTime, formatPrice, formatTime } from './format';
export type { DrawingWords, WordContext, WordFormats } from './drawing-words';
export {
  DEFAULT_WORD_FORMATS,
  DRAWING_WORDS,
  describeDrawing,
  drawingLevels,
  drawingName,
  drawingPlace,
  drawingPoints,
} from './drawing-words';
export type { AxisLabelSlot, StackedLabel } from './axis-labels';
export { stackAxisLabels } from './axis-labels';
export type { ExpirySceneOptions, LevelSceneOptions } from './analysis-scene';
export {
  EXPIRY_COLOR,
  EXPIRY_SCENE_ID,
  expiryScene,
  LEVEL_COLORS,
  LEVEL_LABEL_FONT_SIZE,
  LEVEL_LABEL_GAP,
  levelScenes,
  PRICE_AXIS_LABEL_HEIGHT,
} from './analysis-scene';
// --- geometry, the five drawing kinds, registry and hit-testing
export {
  arrowHead,
  arrowHeadLength,
  boxContains,
  boxExpand,
  boxFromPoints,
  boxIntersects,
  boxUnion,
  channelOffset,
  distance,
  distanceToLine,
  distanceToParametric,
  distanceToRay,
  distanceToSegment,
  EPSILON,
  lerpPoint,
  pointInChannel,
  pointInRect,
  projectT,
} from './geometry';
export type { ClippedSegment } from './geometry-clip';
export { clipLine, clipParametric, clipRay, clipSegment, extendedRange } from './geometry-clip';
export type { AxisTagFormat } from './axis-tags';
export { selectionAxisTags } from './axis-tags';
export {
  FIB_BAND_ALPHA,
  FIB_LEVEL_COLORS,
  fibBandColor,
  fibLevelColor,
  fibLevelLabel,
  fibLevelPrice,
} from './fibonacci';
export { DEFAULT_HANDLE_RADIUS, LABEL_FONT_SIZE } from './kinds/shared';
export { horizontalLine } from './kinds/horizontal-line';
export { line } from './kinds/line';
export { rectangle } from './kinds/rectangle';
export { parallel } from './kinds/parallel';
export { fibonacciRetracement } from './kinds/fibonacci-retracement';
export type { DrawingOptions } from './kinds/registry';
export type { DataExtent, DataWindow } from './extent';
export { dataWindow, extendedLineExtent, extentInWindow, pointsExtent } from './extent';
export {
  BEHAVIOURS,
  behaviourOf,
  createDrawing,
  createDrawingWithOptions,
  drawingBbox,
  drawingExtent,
  drawingHandles,
  drawingScene,
  hitDrawing,
  moveDrawing,
  moveDrawingHandle,
} from './kinds/registry';
export type { IndexedDrawing } from './spatial-index';
export { createSpatialIndex, SpatialIndex } from './spatial-index';
export type { DrawingHit } from './hit-test';
export { drawingsInBox, hitTest, LINEAR_SCAN_MAX } from './hit-test';
// --- trade-idea outcomes
export type { Candle } from './candles';
export type { Fill, Idea, Outcome, OutcomeState } from './outcomes';
export { evaluateAnalysis, FINAL_OUTCOME_STATES } from './outcomes';
export type { IdeaDetail } from './outcome-idea';
export { ideaFromAnalysis } from './outcome-idea';
export type { CandlesBySymbol, SenderOutcomes, SummarisedAnalysis } from './outcome-summary';
export { summariseOutcomes } from './outcome-summary';
export type { CrossDirection, Crossing, CrossingOptions } from './crossings';
export { crossings } from './crossings';
export type { CrossingTracker } from './crossing-tracker';
export { createCrossingTracker } from './crossing-tracker';
export {
  OUTCOME_BADGE_FONT_SIZE,
  OUTCOME_BADGE_INSET,
  OUTCOME_COLORS,
  OUTCOME_MARKER_SIZE,
  OUTCOME_SCENE_ID,
  OUTCOME_TITLES,
  outcomeBadgeText,
  outcomeScene,
} from './outcome-scene';
// --- core/wire: the wire types and pure domain ↔ wire converters (zod-free)
export type {
  DerivedFields,
  PreviewAnalysisDetail,
  PreviewDrawing,
  PreviewLevelEntry,
  PreviewLink,
  ReferenceField,
  UpdatableField,
  UpdatableMetadataField,
  UpdatedFieldName,
  WireAnalysisDetail,
  WireAnalysisMetadata,
  WireAnalysisStatus,
  WireAnalysisType,
  WireCoordinate,
  WireCreateAnalysisRequest,
  WireDrawing,
  WireDrawingStyle,
  WireExpiry,
  WireFibonacciRetracement,
  WireHorizontalLine,
  WireLevelEntry,
  WireLevels,
  WireLine,
  WireLink,
  WireParallel,
  WireRectangle,
  WireStoredDrawing,
  WireStoredLevelEntry,
  WireStoredLevels,
} from './wire/index';
export {
  analysisFromDetail,
  analysisFromWire,
  analysisToDetail,
  createRequestFromDomain,
  createRequestToDomain,
  detailExpiresAt,
  drawingFromWire,
  drawingToWire,
  expiryFromWire,
  expiryToWire,
  IMMUTABLE_METADATA_FIELDS,
  isoTime,
  isWireTime,
  levelFromWire,
  levelsFromWire,
  levelsToWire,
  levelToWire,
  metadataFromWire,
  metadataToWire,
  OPTIONAL_TEXT_FIELDS,
  parseTime,
  pointFromWire,
  pointToWire,
  previewDrawingFromWire,
  previewLevelsFromWire,
  previewTime,
  REFERENCE_FIELDS,
  requestDrawingToWire,
  requestLevelsToWire,
  requestLevelToWire,
  TIME_YEAR_MAX,
  TIME_YEAR_MIN,
  timeFromWire,
  UPDATABLE_FIELDS,
  UPDATABLE_METADATA_FIELDS,
  UPDATABLE_TEXT_FIELDS,
  UPDATED_FIELDS,
} from './wire/index';
