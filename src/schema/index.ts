// Public surface of chartmark/schema: wire schemas under their spec names (value and type share
// the name), codecs wire ↔ domain, error envelopes, limits and the OpenAPI document.
export * from './limits';
export { formatTime, parseTime, TIME_PATTERN } from './time';
export { findForbiddenCharacter } from './text';
export { issueCode, OUR_ISSUE_CODES, type OurIssueCode } from './issues';
export {
  ClientObjectId,
  Colour,
  IdempotencyKey,
  InstrumentSymbol,
  ObjectId,
  Price,
  Sender,
  Time,
} from './primitives';
export { Coordinate, DrawingStyle, LineHead, LineStyle } from './drawings/common';
export { HorizontalLineDrawing } from './drawings/horizontal-line';
export { LineDrawing } from './drawings/line';
export { RectangleDrawing } from './drawings/rectangle';
export { ParallelDrawing } from './drawings/parallel';
export { FibonacciLevels, FibonacciRetracementDrawing } from './drawings/fibonacci-retracement';
export { Drawing, StoredDrawing } from './drawings/drawing';
export { LevelEntry, Levels, LevelsPatch, StoredLevelEntry, StoredLevels } from './levels';
export {
  AnalysisMetadata,
  DateExpiry,
  Direction,
  EntryPlacement,
  Expiry,
  HoursExpiry,
  IMMUTABLE_METADATA_FIELDS,
  MetadataPatch,
  Timeframe,
  UPDATABLE_METADATA_FIELDS,
} from './metadata';
export { REFERENCE_FIELDS } from './cross-checks';
export { AppendDrawingsRequest, CreateAnalysisRequest, UpdateAnalysisRequest } from './requests';
export { CreateTokenRequest, CreateTokenResponse, PermissionName, TOKEN_TTL } from './tokens';
export {
  AnalysisDetail,
  AnalysisStatus,
  AnalysisSummary,
  AnalysisType,
  AppendDrawingsResponse,
  CreateAnalysisResponse,
  DeleteAnalysisResponse,
  GetAnalysisResponse,
  Link,
  ListAnalysesQuery,
  ListAnalysesResponse,
  UpdateAnalysisResponse,
  UpdatedField,
} from './responses';
export {
  classifyIssues,
  ERROR_CODES,
  ERROR_MESSAGES,
  ERROR_STATUS,
  type ErrorCode,
  ErrorIssue,
  ErrorResponse,
  errorEnvelope,
  errorStatus,
  formatPath,
  toErrorEnvelope,
  wireIssues,
} from './errors';
export {
  drawingFromWire,
  drawingToWire,
  pointFromWire,
  pointToWire,
  timeFromWire,
  type WireDrawing,
} from './codecs/drawing-codec';
export {
  expiryFromWire,
  expiryToWire,
  levelFromWire,
  levelsFromWire,
  levelsToWire,
  levelToWire,
  metadataFromWire,
  metadataToWire,
} from './codecs/analysis-codec';
export {
  analysisFromWire,
  analysisToDetail,
  createRequestFromDomain,
  createRequestToDomain,
  type DerivedFields,
} from './codecs/body-codec';
export { TimeCodec } from './codecs/time-codec';
export { componentSchemas, NAMED_SCHEMAS, toOpenApi } from './openapi';
export { compileAcceptor, fullSafeParse, hasFastPath, withFastPath } from './fast-path';
