// Create and List, on `/v1/analysis/{communityId}/channels/{channelId}` (spec §2.1, §2.2).
import type { Hono } from 'hono';
import { toErrorEnvelope } from '../../schema/errors';
import { CreateAnalysisRequest } from '../../schema/requests';
import { ListAnalysesQuery } from '../../schema/responses';
import { ApiError, issue } from '../api-error';
import { checkExpiryDate, createDocument } from '../analysis/create';
import { toDetail, toSummary } from '../analysis/detail';
import { rowOf } from '../analysis/document';
import {
  etag,
  json,
  readBody,
  requireAccess,
  requireIds,
  requireKey,
  requireRate,
  type ServerContext,
} from '../context';
import { abandonIdempotent, beginIdempotent, completeIdempotent, idempotencyScope } from '../idempotency';

const PATH = '/v1/analysis/:communityId/channels/:channelId';

/** Registers Create Analysis and List Analyses. */
export function channelRoutes(app: Hono, ctx: ServerContext): void {
  app.post(PATH, async (c) => {
    const now = ctx.now();
    const key = await requireKey(ctx, c.req.raw, now);
    const communityId = c.req.param('communityId');
    const channelId = c.req.param('channelId');
    requireIds({ communityId, channelId });
    requireAccess(key, 'analysis:write', communityId, channelId);
    requireRate(ctx, key, now);
    const { raw, body } = await readBody(ctx, c.req.raw, CreateAnalysisRequest);

    const scope =
      body.idempotencyKey === undefined
        ? null
        : idempotencyScope(communityId, body.idempotencyKey, 'create', `${communityId}/${channelId}`, raw);
    if (scope) {
      const stored = await beginIdempotent(ctx.storage, scope, now);
      if (stored) return replay(stored);
    }
    try {
      const response = await ctx.storage.atomically({}, () => {
        checkExpiryDate(body.metadata.expiry, now);
        const doc = createDocument(body, ctx.newId);
        const meta = { id: ctx.newId(), communityId, channelId, createdAt: now, updatedAt: now, version: 1 };
        const row = rowOf(doc, meta);
        const detail = toDetail(row, now);
        const text = JSON.stringify({
          status: 'success',
          message: 'Analysis created successfully',
          data: detail,
        });
        const stored = { status: 201, body: text, etag: etag(1) };
        return {
          writes: {
            insertAnalysis: row,
            outbox: [
              {
                communityId,
                analysisId: row.id,
                event: 'create_analysis' as const,
                updatedFields: [],
                data: detail,
                occurredAt: now,
              },
            ],
            ...(scope ? completeIdempotent(scope, stored, now) : {}),
          },
          result: stored,
        };
      });
      return json(response.status, response.body, { etag: response.etag! });
    } catch (err) {
      if (scope) await abandonIdempotent(ctx.storage, scope);
      throw err;
    }
  });

  app.get(PATH, async (c) => {
    const now = ctx.now();
    const key = await requireKey(ctx, c.req.raw, now);
    const communityId = c.req.param('communityId');
    const channelId = c.req.param('channelId');
    requireIds({ communityId, channelId });
    requireAccess(key, 'analysis:read', communityId, channelId);
    const query = parseQuery(new URL(c.req.url).searchParams);
    const { total, rows } = await ctx.storage.listAnalyses({
      communityId,
      channelId,
      symbol: query.symbol,
      direction: query.direction,
      sender: query.sender,
      status: query.status,
      now,
      offset: (query.page - 1) * query.limit,
      limit: query.limit,
    });
    return json(200, {
      status: 'success',
      message: 'Analyses retrieved successfully',
      data: { total, page: query.page, limit: query.limit, analyses: rows.map((r) => toSummary(r, now)) },
    });
  });
}

/** A stored 2xx response, sent again byte for byte. */
export function replay(stored: { status: number; body: string; etag: string | null }): Response {
  const headers: Record<string, string> = { 'idempotent-replayed': 'true' };
  if (stored.etag !== null) headers.etag = stored.etag;
  return json(stored.status, stored.body, headers);
}

function parseQuery(params: URLSearchParams): ListAnalysesQuery {
  const query: Record<string, string> = {};
  for (const [name, value] of params) {
    if (Object.hasOwn(query, name)) {
      throw new ApiError('invalid_query', undefined, {
        errors: [issue([name], 'invalid_type', 'must be given at most once')],
      });
    }
    query[name] = value;
  }
  const parsed = ListAnalysesQuery.safeParse(query);
  if (!parsed.success) throw ApiError.of(toErrorEnvelope(parsed.error, undefined, 'invalid_query'));
  return parsed.data;
}
