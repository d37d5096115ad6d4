// Public surface of core/wire: the wire types of the Chart Analysis API and the pure, zod-free
// converters between them and the domain. The zod schemas (src/schema) validate these shapes.
export type {
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
} from './types';
export type { ReferenceField, UpdatableField, UpdatableMetadataField, UpdatedFieldName } from './fields';
export {
  IMMUTABLE_METADATA_FIELDS,
  OPTIONAL_TEXT_FIELDS,
  REFERENCE_FIELDS,
  UPDATABLE_FIELDS,
  UPDATABLE_METADATA_FIELDS,
  UPDATABLE_TEXT_FIELDS,
  UPDATED_FIELDS,
} from './fields';
export { isoTime, isWireTime, parseTime, TIME_YEAR_MAX, TIME_YEAR_MIN, timeFromWire } from './time';
export { drawingFromWire, drawingToWire, pointFromWire, pointToWire, requestDrawingToWire } from './drawing';
export type { DerivedFields } from './analysis';
export {
  analysisFromWire,
  analysisToDetail,
  createRequestFromDomain,
  createRequestToDomain,
  expiryFromWire,
  expiryToWire,
  levelFromWire,
  levelsFromWire,
  levelsToWire,
  levelToWire,
  metadataFromWire,
  metadataToWire,
  requestLevelsToWire,
  requestLevelToWire,
} from './analysis';
export type { PreviewAnalysisDetail, PreviewDrawing, PreviewLevelEntry, PreviewLink } from './preview';
export {
  analysisFromDetail,
  detailExpiresAt,
  previewDrawingFromWire,
  previewLevelsFromWire,
  previewTime,
} from './preview';
