// Create and List, on `/v1/analysis/{communityId}/channels/{channelId}` (spec §2.1, §2.2).
import type { Hono } from 'hono';
import { toErrorEnvelope } from '../../schema/errors';
import { CreateAnalysisRequest } from '../../schema/requests';
import { ListAnalysesQuery } from '../../schema/responses';
import { ApiError, issue } from '../api-error';
import { checkExpiryDate, createDocument } from '../analysis/create';
import { toDetailJson, toSummary } from '../analysis/detail';
import { rowOf } from '../analysis/document';
import { admit, etag, json, readBody, type ServerContext } from '../context';
import { stringifyWith } from '../storage/json-text';
import { idempotencyKeyOf, runIdempotent } from './idempotent';

const PATH = '/v1/analysis/:communityId/channels/:channelId';

/** Registers Create Analysis and List Analyses. */
export function channelRoutes(app: Hono, ctx: ServerContext): void {
  app.post(PATH, async (c) => {
    const communityId = c.req.param('communityId');
    const channelId = c.req.param('channelId');
    const { now, key } = await admit(ctx, c.req.raw, 'analysis:write', { communityId, channelId });
    const { raw, body } = await readBody(ctx, c.req.raw, CreateAnalysisRequest, key);
    const request = {
      communityId,
      idempotencyKey: idempotencyKeyOf(c.req.header('idempotency-key') ?? null, body.idempotencyKey),
      operation: 'create',
      target: `${communityId}/${channelId}`,
      raw,
    };
    return runIdempotent(ctx, request, now, {}, () => {
      checkExpiryDate(body.metadata.expiry, now);
      const doc = createDocument(body, ctx.newId);
      const meta = { id: ctx.newId(), communityId, channelId, createdAt: now, updatedAt: now, version: 1 };
      const row = rowOf(doc, meta);
      const { detail, text: detailText } = toDetailJson(row, now);
      const envelope = { status: 'success', message: 'Analysis created successfully', data: detail };
      const text = stringifyWith(envelope, 'data', detailText);
      const event = {
        communityId,
        analysisId: row.id,
        event: 'create_analysis' as const,
        updatedFields: [],
        data: detail,
        occurredAt: now,
      };
      return {
        writes: { insertAnalysis: row, outbox: [event] },
        result: { status: 201, body: text, etag: etag(1) },
      };
    });
  });

  app.get(PATH, async (c) => {
    const communityId = c.req.param('communityId');
    const channelId = c.req.param('channelId');
    const { now } = await admit(ctx, c.req.raw, 'analysis:read', { communityId, channelId });
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

function parseQuery(params: URLSearchParams): ListAnalysesQuery {
  // No prototype: `__proto__=1` becomes a key of its own and is refused as unknown.
  const query: Record<string, string> = Object.create(null);
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
