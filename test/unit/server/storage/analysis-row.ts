// An analyses row without drawings for the storage tests, in community C and channel CH.
import type { AnalysisRow } from '../../../../src/server/storage/storage';

export const C = 'aaaaaaaaaaaaaaaaaaaaaaaa';
export const CH = 'bbbbbbbbbbbbbbbbbbbbbbbb';

/** A row titled `t<id>`, created (and updated) at `createdAt`, with `extra` on top. */
export function row(id: string, createdAt: number, extra: Partial<AnalysisRow> = {}): AnalysisRow {
  return {
    id,
    communityId: C,
    channelId: CH,
    sender: 'a@example.com',
    title: `t${id}`,
    symbol: 'GBP/USD',
    timeframe: 'H1',
    direction: 'BULLISH',
    entryPlacement: 'BELOW_CURRENT',
    drawingCount: 0,
    expiresAt: null,
    createdAt,
    updatedAt: createdAt,
    version: 1,
    document: { sender: 'a@example.com', metadata: {}, levels: {}, drawings: [] },
    ...extra,
  };
}
