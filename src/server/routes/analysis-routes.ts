// Get, Update and Delete on `/v1/analysis/{analysisId}` (spec §2.3–§2.5).
import type { Hono } from 'hono';
import { UpdateAnalysisRequest } from '../../schema/requests';
import { toDetail } from '../analysis/detail';
import { documentOf, rowOf } from '../analysis/document';
import { applyUpdate } from '../analysis/update';
import {
  admit,
  etag,
  json,
  noneMatch,
  readBody,
  requireIfMatch,
  requireVisible,
  type ServerContext,
} from '../context';

const PATH = '/v1/analysis/:analysisId';

/** Registers Get, Update and Delete Analysis. */
export function analysisRoutes(app: Hono, ctx: ServerContext): void {
  app.get(PATH, async (c) => {
    const analysisId = c.req.param('analysisId');
    const { now, key } = await admit(ctx, c.req.raw, 'analysis:read', { analysisId });
    const row = requireVisible(await ctx.storage.getAnalysis(analysisId, key.communityId), key);
    if (noneMatch(c.req.header('if-none-match') ?? null, etag(row.version)))
      return new Response(null, { status: 304, headers: { etag: etag(row.version) } });
    return json(
      200,
      { status: 'success', message: 'Analysis retrieved successfully', data: toDetail(row, now) },
      { etag: etag(row.version) },
    );
  });

  app.patch(PATH, async (c) => {
    const analysisId = c.req.param('analysisId');
    const { now, key } = await admit(ctx, c.req.raw, 'analysis:write', { analysisId });
    const { body } = await readBody(ctx, c.req.raw, UpdateAnalysisRequest, key);
    const ifMatch = c.req.header('if-match') ?? null;
    const result = await ctx.storage.atomically({ analysisId, communityId: key.communityId }, (snap) => {
      const row = requireVisible(snap.analysis, key);
      requireIfMatch(ifMatch, row.version);
      const current = documentOf(row);
      const { doc, updatedFields } = applyUpdate(current, body, row.createdAt, ctx.newId);
      // Nothing actually changed: no new version, no event.
      if (updatedFields.length === 0) return { writes: {}, result: { version: row.version, updatedFields } };
      const next = rowOf(doc, { ...row, updatedAt: now, version: row.version + 1 });
      const event = {
        communityId: row.communityId,
        analysisId,
        event: 'update_analysis' as const,
        updatedFields,
        data: () => toDetail(next, now),
        occurredAt: now,
      };
      return {
        // The same array when the body named no drawings: their rows stay as they are.
        writes: { updateAnalysis: next, sameDrawings: doc.drawings === current.drawings, outbox: [event] },
        result: { version: next.version, updatedFields },
      };
    });
    return json(
      200,
      {
        status: 'success',
        message: 'Analysis updated successfully',
        data: { analysisId, updatedFields: result.updatedFields, version: result.version },
      },
      { etag: etag(result.version) },
    );
  });

  app.delete(PATH, async (c) => {
    const analysisId = c.req.param('analysisId');
    const { now, key } = await admit(ctx, c.req.raw, 'analysis:write', { analysisId });
    const ifMatch = c.req.header('if-match') ?? null;
    await ctx.storage.atomically({ analysisId, communityId: key.communityId }, (snap) => {
      const row = requireVisible(snap.analysis, key);
      requireIfMatch(ifMatch, row.version);
      const event = {
        communityId: row.communityId,
        analysisId,
        event: 'delete_analysis' as const,
        updatedFields: [],
        data: { analysisId },
        occurredAt: now,
      };
      return { writes: { deleteAnalysisId: analysisId, outbox: [event] }, result: null };
    });
    return json(200, { status: 'success', message: 'Analysis deleted successfully', data: { analysisId } });
  });
}
