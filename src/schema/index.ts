// Public surface of chartmark/schema: wire schemas under their spec names (value and type share
// the name), codecs wire ↔ domain, error envelopes, limits and the OpenAPI document.
export {
  ALTERNATIVE_TEXT_MAX,
  CLIENT_OBJECT_ID_MAX,
  CLIENT_OBJECT_ID_MIN,
  CLIENT_OBJECT_ID_PATTERN,
  COMMENTS_MAX,
  EXPIRY_HOURS_MAX,
  EXPIRY_HOURS_MIN,
  FIB_LEVELS_MAX,
  FIB_LEVELS_MIN,
  FIB_RATIO_MAX,
  FIB_RATIO_MIN,
  IDEMPOTENCY_KEY_MAX,
  IDEMPOTENCY_KEY_MIN,
  IDEMPOTENCY_KEY_PATTERN,
  LINE_WIDTH_MAX,
  LINE_WIDTH_MIN,
  MAX_APPEND,
  MAX_BODY_BYTES,
  MAX_DRAWINGS,
  MAX_ERROR_ISSUES,
  MIN_APPEND,
  OBJECT_ID_PATTERN,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  PAGE_SIZE_MIN,
  PREFERENCE_TEXT_MAX,
  REFERENCE_TEXT_MAX,
  SENDER_MAX,
  SYMBOL_MAX,
  SYMBOL_MIN,
  SYMBOL_PATTERN,
  TIME_YEAR_MAX,
  TIME_YEAR_MIN,
  TITLE_MAX,
  TITLE_MIN,
} from './limits';
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
export { Drawing, StoredDrawing, type WireDrawing } from './drawings/drawing';
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
// The pure domain ↔ wire converters live in core/wire (zod-free); the schema hands them out too.
export {
  analysisFromWire,
  analysisToDetail,
  createRequestFromDomain,
  createRequestToDomain,
  type DerivedFields,
  drawingFromWire,
  drawingToWire,
  expiryFromWire,
  expiryToWire,
  levelFromWire,
  levelsFromWire,
  levelsToWire,
  levelToWire,
  metadataFromWire,
  metadataToWire,
  pointFromWire,
  pointToWire,
  timeFromWire,
} from '../core/wire/index';
export { TimeCodec } from './codecs/time-codec';
export { componentSchemas, NAMED_SCHEMAS, toOpenApi } from './openapi';
export { compileAcceptor, fullSafeParse, hasFastPath, withFastPath } from './fast-path';
