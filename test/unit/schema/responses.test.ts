import { describe, expect, it } from 'vitest';
import {
  AppendDrawingsResponse,
  CreateAnalysisResponse,
  createRequestToDomain,
  CreateAnalysisRequest,
  analysisToDetail,
  ListAnalysesQuery,
  ListAnalysesResponse,
  wireIssues,
} from '../../../src/schema';
import { utcSeconds } from '../../../src/core/units';
import { VALID_CREATE } from '../../fixtures/bad-inputs';

const ID = (n: number) => n.toString(16).padStart(24, '0');

describe('ListAnalysesQuery', () => {
  it('fills page 1 and limit 20 when absent', () => {
    expect(ListAnalysesQuery.parse({})).toEqual({ page: 1, limit: 20 });
  });

  it('turns query strings into numbers and keeps filters', () => {
    expect(
      ListAnalysesQuery.parse({ page: '3', limit: '100', symbol: 'GBP/USD', status: 'EXPIRED' }),
    ).toEqual({
      page: 3,
      limit: 100,
      symbol: 'GBP/USD',
      status: 'EXPIRED',
    });
  });

  it.each([
    [{ limit: '0' }, ['limit'], 'too_small'],
    [{ limit: '101' }, ['limit'], 'too_big'],
    [{ page: '0' }, ['page'], 'too_small'],
    [{ page: '1.5' }, ['page'], 'invalid_format'],
    [{ page: '-1' }, ['page'], 'invalid_format'],
    [{ direction: 'UP' }, ['direction'], 'invalid_value'],
    [{ sort: 'asc' }, [], 'unrecognized_keys'],
  ])('%j → %j %s', (query, path, code) => {
    const result = ListAnalysesQuery.safeParse(query);
    expect(result.success).toBe(false);
    expect(wireIssues(result.error!).map((i) => ({ path: i.path, code: i.code }))).toEqual([{ path, code }]);
  });
});

describe('response envelopes', () => {
  const analysis = createRequestToDomain(CreateAnalysisRequest.parse(VALID_CREATE));
  const saved = {
    ...analysis,
    id: ID(1),
    communityId: ID(2),
    channelId: ID(3),
    createdAt: utcSeconds(1767873600),
    updatedAt: utcSeconds(1767873600.5),
    version: 1,
    levels: Object.fromEntries(
      Object.entries(analysis.levels).map(([k, l], i) => [k, { ...l, persistedId: ID(10 + i) }]),
    ),
    drawings: analysis.drawings.map((d, i) => ({ ...d, persistedId: ID(20 + i) })),
  };
  const detail = analysisToDetail(saved, {
    analysisType: 'bullish_bounce',
    status: 'ACTIVE',
    links: [
      {
        field: 'preferenceText',
        key: 'support_zone',
        text: 'demand zone',
        targetType: 'DRAWING',
        targetId: ID(20),
      },
    ],
    expiresAt: utcSeconds(1767960000),
  });

  it('CreateAnalysisResponse holds the detail with persisted ids and response-form times', () => {
    const body = { status: 'success', message: 'Analysis created successfully', data: detail };
    const parsed = CreateAnalysisResponse.parse(body);
    expect(parsed.data.createdAt).toBe('2026-01-08T12:00:00Z');
    expect(parsed.data.updatedAt).toBe('2026-01-08T12:00:00.500Z');
    expect(parsed.data.expiresAt).toBe('2026-01-09T12:00:00Z');
    expect(parsed.data.drawings.map((d) => d.id)).toEqual([ID(20), ID(21), ID(22), ID(23), ID(24)]);
    expect(parsed.data.levels.pivot).toEqual({
      id: ID(11),
      price: 1.345,
      clientObjectId: 'pivot_main',
      time: '2026-01-08T12:00:00Z',
    });
  });

  it('rejects a detail whose drawing lacks its id', () => {
    const { id: _dropped, ...bare } = detail.drawings[0]!;
    const body = { status: 'success', message: 'ok', data: { ...detail, drawings: [bare] } };
    const result = CreateAnalysisResponse.safeParse(body);
    expect(wireIssues(result.error!).map((i) => [i.path, i.code])).toEqual([
      [['data', 'drawings', 0, 'id'], 'invalid_type'],
    ]);
  });

  it('AppendDrawingsResponse and ListAnalysesResponse take their documented shapes', () => {
    expect(
      AppendDrawingsResponse.safeParse({
        status: 'success',
        message: 'Drawings appended',
        data: {
          analysisId: ID(1),
          drawings: [{ id: ID(30), clientObjectId: 'h_1' }],
          totalDrawings: 6,
          version: 2,
        },
      }).success,
    ).toBe(true);
    expect(
      ListAnalysesResponse.safeParse({
        status: 'success',
        message: 'ok',
        data: { total: 0, page: 1, limit: 20, analyses: [] },
      }).success,
    ).toBe(true);
  });
});
