// The derived analysisType (spec §3.4): computed from metadata, never sent by clients.
import type { AnalysisType, Direction, EntryPlacement } from './analysis';

const TYPES: { readonly [D in Direction]: { readonly [E in EntryPlacement]: AnalysisType } } = {
  BULLISH: { ABOVE_CURRENT: 'bullish_breakout', BELOW_CURRENT: 'bullish_bounce' },
  BEARISH: { ABOVE_CURRENT: 'bearish_bounce', BELOW_CURRENT: 'bearish_breakout' },
};

/** bullish_breakout, bullish_bounce, bearish_bounce or bearish_breakout, per the spec's table. */
export function analysisType(direction: Direction, entryPlacement: EntryPlacement): AnalysisType {
  return TYPES[direction][entryPlacement];
}
