import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/core/analysis';
import { ideaFromAnalysis } from '../../../src/core/outcome-idea';
import type { Price, UtcSeconds } from '../../../src/core/units';

const metadata = {
  direction: 'BEARISH',
  entryPlacement: 'BELOW_CURRENT',
  title: 'GBP/USD breakdown',
  timeframe: 'H1',
  symbol: 'GBP/USD',
} as const;

describe('ideaFromAnalysis', () => {
  it('reads a domain analysis: HOURS expiry counted from createdAt', () => {
    const analysis: Analysis = {
      sender: 'ana',
      metadata: { ...metadata, expiry: { type: 'HOURS', hours: 24 } },
      levels: {
        support: { id: 's', price: 1.3 as Price, time: 0 as UtcSeconds },
        pivot: { id: 'p', price: 1.32 as Price, time: 0 as UtcSeconds },
      },
      drawings: [],
      createdAt: 1767225600 as UtcSeconds,
    };
    expect(ideaFromAnalysis(analysis)).toEqual({
      direction: 'BEARISH',
      entryPlacement: 'BELOW_CURRENT',
      levels: { support: 1.3, pivot: 1.32 },
      createdAt: 1767225600,
      expiresAt: 1767225600 + 24 * 3600,
    });
  });
  it('reads an AnalysisDetail: ISO times to UTC seconds, null expiry kept', () => {
    const detail = {
      metadata,
      levels: { resistance: { id: 'x', price: 1.33, clientObjectId: 'r', time: '2026-01-01T00:00:00Z' } },
      createdAt: '2026-01-01T00:00:00Z',
      expiresAt: null,
    };
    expect(ideaFromAnalysis(detail)).toEqual({
      direction: 'BEARISH',
      entryPlacement: 'BELOW_CURRENT',
      levels: { resistance: 1.33 },
      createdAt: 1767225600,
      expiresAt: null,
    });
    expect(ideaFromAnalysis({ ...detail, expiresAt: '2026-01-02T00:00:00.500Z' }).expiresAt).toBe(
      1767312000.5,
    );
  });
  it('names the field it cannot read', () => {
    expect(() => ideaFromAnalysis({ sender: 'a', metadata, levels: {}, drawings: [] })).toThrow(
      'createdAt: an outcome starts at creation; this analysis has not been saved',
    );
    expect(() => ideaFromAnalysis({ metadata, createdAt: 'yesterday', expiresAt: null })).toThrow(
      'createdAt: expected an ISO-8601 time, got "yesterday"',
    );
  });
});
