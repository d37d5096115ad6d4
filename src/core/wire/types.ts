// The wire format of the Chart Analysis API (spec §3) as plain TypeScript types: what JSON a
// client sends and the server returns, times as ISO text. The zod schemas in src/schema validate
// exactly these shapes (checked at compile time in src/schema/wire-contract.ts). Mutable, like
// parsed JSON, so that a schema's output type and these types are one and the same.
import type { ReferenceField } from './fields';
import type { Direction, EntryPlacement, LevelName, Timeframe } from '../analysis';
import type { LineHead, LineStyle } from '../drawing';

/** A point on the wire: ISO time and price (spec §3.7). */
export interface WireCoordinate {
  time: string;
  price: number;
}

/** A drawing's style on the wire: every key optional, colours in the sender's spelling (spec §3.8). */
export interface WireDrawingStyle {
  color?: string | undefined;
  lineWidth?: number | undefined;
  lineStyle?: LineStyle | undefined;
  fillColor?: string | undefined;
  borderColor?: string | undefined;
}

interface WireDrawingBase<T extends string> {
  type: T;
  clientObjectId: string;
  points: WireCoordinate[];
  style?: WireDrawingStyle | undefined;
}

/** HORIZONTAL_LINE as sent by clients. */
export interface WireHorizontalLine extends WireDrawingBase<'HORIZONTAL_LINE'> {}

/** LINE as sent by clients; absent options take the spec's defaults. */
export interface WireLine extends WireDrawingBase<'LINE'> {
  startHead?: LineHead | undefined;
  endHead?: LineHead | undefined;
  extendLeft?: boolean | undefined;
  extendRight?: boolean | undefined;
}

/** RECTANGLE as sent by clients. */
export interface WireRectangle extends WireDrawingBase<'RECTANGLE'> {}

/** PARALLEL as sent by clients. */
export interface WireParallel extends WireDrawingBase<'PARALLEL'> {
  extendLeft?: boolean | undefined;
  extendRight?: boolean | undefined;
  showMidline?: boolean | undefined;
}

/** FIBONACCI_RETRACEMENT as sent by clients. */
export interface WireFibonacciRetracement extends WireDrawingBase<'FIBONACCI_RETRACEMENT'> {
  levels?: number[] | undefined;
  extendRight?: boolean | undefined;
}

/** Any drawing as sent by clients, discriminated on `type` (spec §3.9). */
export type WireDrawing =
  | WireHorizontalLine
  | WireLine
  | WireRectangle
  | WireParallel
  | WireFibonacciRetracement;

/** A request-shaped drawing plus its persisted `id`, as one flat object type. */
type Stored<T> = { [K in keyof (T & { id: string })]: (T & { id: string })[K] };

/** A drawing in responses: the request shape plus the persisted `id`. */
export type WireStoredDrawing =
  | Stored<WireHorizontalLine>
  | Stored<WireLine>
  | Stored<WireRectangle>
  | Stored<WireParallel>
  | Stored<WireFibonacciRetracement>;

/** One key level on the wire (spec §3.6). */
export interface WireLevelEntry {
  price: number;
  clientObjectId: string;
  time: string;
}

/** A level in responses, with its persisted `id`. */
export interface WireStoredLevelEntry extends WireLevelEntry {
  id: string;
}

/** The levels of a request: each optional. */
export type WireLevels = { [N in LevelName]?: WireLevelEntry };
/** The levels of a response: each optional, each with its `id`. */
export type WireStoredLevels = { [N in LevelName]?: WireStoredLevelEntry };

/** Expiry on the wire (spec §3.5): hours after creation, or an ISO instant. */
export type WireExpiry = { type: 'HOURS'; hours: number } | { type: 'DATE'; date: string };

/** The descriptive fields of an analysis on the wire (spec §3.4). */
export interface WireAnalysisMetadata {
  direction: Direction;
  entryPlacement: EntryPlacement;
  expiry?: WireExpiry | undefined;
  title: string;
  preferenceText?: string | undefined;
  alternativeText?: string | undefined;
  comments?: string | undefined;
  timeframe: Timeframe;
  symbol: string;
}

/** One resolved `[[key:text]]` reference (spec §3.11). */
export interface WireLink {
  field: ReferenceField;
  key: string;
  text: string;
  targetType: 'DRAWING' | 'LEVEL';
  targetId: string;
}

/** Derived from direction and entry placement (spec §3.4). */
export type WireAnalysisType = 'bullish_breakout' | 'bullish_bounce' | 'bearish_bounce' | 'bearish_breakout';
/** ACTIVE until now ≥ expiresAt. */
export type WireAnalysisStatus = 'ACTIVE' | 'EXPIRED';

/** A whole analysis as Get and Create return it in `data` (spec §3.10). */
export interface WireAnalysisDetail {
  id: string;
  communityId: string;
  channelId: string;
  sender: string;
  analysisType: WireAnalysisType;
  status: WireAnalysisStatus;
  metadata: WireAnalysisMetadata;
  levels: WireStoredLevels;
  drawings: WireStoredDrawing[];
  links: WireLink[];
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Body of Create Analysis (spec §3.1). */
export interface WireCreateAnalysisRequest {
  sender: string;
  metadata: WireAnalysisMetadata;
  levels?: WireLevels | undefined;
  drawings?: WireDrawing[] | undefined;
  idempotencyKey?: string | undefined;
}
