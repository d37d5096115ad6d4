// Compile-time proof that every zod schema here validates exactly the wire shape core/wire names:
// each schema's output type and the core/wire type are assignable both ways, so a field added,
// dropped or retyped on one side breaks `tsc` until the other side follows.
import type { z } from './zod-mini';
import type {
  WireAnalysisDetail,
  WireAnalysisMetadata,
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
} from '../core/wire/types';
import type { UpdatedFieldName } from '../core/wire/fields';
import type { Coordinate, DrawingStyle } from './drawings/common';
import type { Drawing, StoredDrawing } from './drawings/drawing';
import type { FibonacciRetracementDrawing } from './drawings/fibonacci-retracement';
import type { HorizontalLineDrawing } from './drawings/horizontal-line';
import type { LineDrawing } from './drawings/line';
import type { ParallelDrawing } from './drawings/parallel';
import type { RectangleDrawing } from './drawings/rectangle';
import type { LevelEntry, Levels, StoredLevelEntry, StoredLevels } from './levels';
import type { AnalysisMetadata, Expiry } from './metadata';
import type { CreateAnalysisRequest } from './requests';
import type { AnalysisDetail, Link, UpdatedField } from './responses';

/**
 * true when A and B are the same type to the compiler: not merely assignable both ways (which an
 * extra optional field would pass) but identical, optional keys and readonly modifiers included.
 */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Holds<T extends true> = T;

/** One entry per named schema; a `false` anywhere is a compile error naming the pair. */
export type WireContract = [
  Holds<Same<Coordinate, WireCoordinate>>,
  Holds<Same<DrawingStyle, WireDrawingStyle>>,
  Holds<Same<HorizontalLineDrawing, WireHorizontalLine>>,
  Holds<Same<LineDrawing, WireLine>>,
  Holds<Same<RectangleDrawing, WireRectangle>>,
  Holds<Same<ParallelDrawing, WireParallel>>,
  Holds<Same<FibonacciRetracementDrawing, WireFibonacciRetracement>>,
  Holds<Same<Drawing, WireDrawing>>,
  Holds<Same<StoredDrawing, WireStoredDrawing>>,
  Holds<Same<LevelEntry, WireLevelEntry>>,
  Holds<Same<StoredLevelEntry, WireStoredLevelEntry>>,
  Holds<Same<Levels, WireLevels>>,
  Holds<Same<StoredLevels, WireStoredLevels>>,
  Holds<Same<Expiry, WireExpiry>>,
  Holds<Same<AnalysisMetadata, WireAnalysisMetadata>>,
  Holds<Same<Link, WireLink>>,
  Holds<Same<AnalysisDetail, WireAnalysisDetail>>,
  Holds<Same<CreateAnalysisRequest, WireCreateAnalysisRequest>>,
  Holds<Same<z.infer<typeof UpdatedField>, UpdatedFieldName>>,
];
