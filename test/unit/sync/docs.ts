// Small wire documents for the pure sync tests: horizontal lines by id and price on fixed metadata.
import type { AnalysisDetail } from '../../../src/schema/responses';
import type { Touched } from '../../../src/sync/rebase';
import type { SyncDoc } from '../../../src/sync/sync-doc';

const META = {
  direction: 'BULLISH',
  entryPlacement: 'BELOW_CURRENT',
  title: 'Idea',
  timeframe: 'H1',
  symbol: 'EUR/USD',
} as const;

/** A horizontal line `id` at `price` (2026-01-08T01:00Z). */
export const hline = (id: string, price: number) =>
  ({
    type: 'HORIZONTAL_LINE',
    clientObjectId: id,
    points: [{ time: '2026-01-08T01:00:00Z', price }],
    style: {},
  }) as unknown as SyncDoc['drawings'][number];

/** A document of these drawings, no levels. */
export const doc = (...drawings: SyncDoc['drawings']): SyncDoc =>
  ({ metadata: META, levels: {}, drawings }) as SyncDoc;

/** Touched drawings (no levels or fields). */
export const touched = (...drawings: string[]): Touched => ({ drawings, levels: [], metadata: [] });

/** The server's detail of `d` at `version`, as a GET or a write's answer holds it. */
export const detailOf = (
  d: SyncDoc,
  version: number,
  at: {
    readonly id: string;
    readonly communityId: string;
    readonly channelId: string;
    readonly sender: string;
  },
): AnalysisDetail =>
  ({
    ...at,
    analysisType: 'bullish_bounce',
    status: 'ACTIVE',
    metadata: d.metadata,
    levels: {},
    drawings: d.drawings.map((w, i) => ({ ...w, id: `6502c9e514a3e564c5c0a00${i}` })),
    links: [],
    expiresAt: null,
    createdAt: '2026-01-08T12:00:00Z',
    updatedAt: '2026-01-08T12:00:00Z',
    version,
  }) as AnalysisDetail;
