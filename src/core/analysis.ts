// The analysis model in engine units (UTC seconds). Wire shapes live in src/schema.
import type { Drawing } from './drawing';
import type { Price, UtcSeconds } from './units';

/** Trade direction. */
export type Direction = 'BULLISH' | 'BEARISH';
/** Where the entry sits relative to the current price. */
export type EntryPlacement = 'ABOVE_CURRENT' | 'BELOW_CURRENT';
/** Chart timeframes of the spec. */
export const TIMEFRAMES = ['M1', 'M5', 'M15', 'M30', 'H1', 'H4', 'D1', 'W1', 'MN1'] as const;
/** One chart timeframe. */
export type Timeframe = (typeof TIMEFRAMES)[number];
/** Derived from direction and entry placement (spec §3.4). */
export type AnalysisType = 'bullish_breakout' | 'bullish_bounce' | 'bearish_bounce' | 'bearish_breakout';
/** ACTIVE until now ≥ expiresAt. */
export type AnalysisStatus = 'ACTIVE' | 'EXPIRED';

/** Expiry: hours after creation, or a fixed instant. */
export type Expiry =
  | { readonly type: 'HOURS'; readonly hours: number }
  | { readonly type: 'DATE'; readonly date: UtcSeconds };

/** Descriptive fields of an analysis. */
export interface AnalysisMetadata {
  readonly direction: Direction;
  readonly entryPlacement: EntryPlacement;
  readonly expiry?: Expiry | undefined;
  readonly title: string;
  readonly preferenceText?: string | undefined;
  readonly alternativeText?: string | undefined;
  readonly comments?: string | undefined;
  readonly timeframe: Timeframe;
  readonly symbol: string;
}

/** Level names, in price order from lowest to highest. */
export const LEVEL_NAMES = ['support', 'pivot', 'resistance'] as const;
/** One of support, pivot, resistance. */
export type LevelName = (typeof LEVEL_NAMES)[number];

/** A key level: a price, where its label sits in time, and its clientObjectId. */
export interface Level {
  /** The clientObjectId. */
  readonly id: string;
  readonly persistedId?: string;
  readonly price: Price;
  readonly time: UtcSeconds;
}

/** The analysis' levels; each is optional. */
export type Levels = { readonly [N in LevelName]?: Level };

/** An analysis in engine units. Server-owned fields are present once it has been saved. */
export interface Analysis {
  readonly id?: string;
  readonly communityId?: string;
  readonly channelId?: string;
  readonly sender: string;
  readonly metadata: AnalysisMetadata;
  readonly levels: Levels;
  readonly drawings: readonly Drawing[];
  readonly createdAt?: UtcSeconds;
  readonly updatedAt?: UtcSeconds;
  readonly version?: number;
}
