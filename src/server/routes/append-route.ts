// Append Drawings, `POST /v1/analysis/{analysisId}/drawings` (spec §2.6).
import type { Hono } from 'hono';
import { toErrorEnvelope } from '../../schema/errors';
import { issueCode } from '../../schema/issues';
import { AppendDrawingsRequest } from '../../schema/requests';
import { ApiError } from '../api-error';
import { applyAppend } from '../analysis/append';
import { toDetailJson } from '../analysis/detail';
import { admit, etag, requireIfMatch, requireSender, requireVisible, type ServerContext } from '../context';
import { readJsonBody } from '../body';
import type { AnalysisRow } from '../storage/storage';
import { idempotencyKeyOf, runIdempotent } from './idempotent';

/** Registers Append Drawings. */
export function appendRoute(app: Hono, ctx: ServerContext): void {
  app.post('/v1/analysis/:analysisId/drawings', async (c) => {
    const analysisId = c.req.param('analysisId');
    const { now, key } = await admit(ctx, c.req.raw, 'analysis:write', { analysisId });
    const raw = await readJsonBody(c.req.raw, ctx.maxBodyBytes);
    const parsed = AppendDrawingsRequest.safeParse(raw);
    if (!parsed.success) {
      const envelope = toErrorEnvelope(parsed.error);
      // A clientObjectId repeated inside the body is the same conflict as one already stored: 409.
      const onlyDuplicates = parsed.error.issues.every((i) => issueCode(i) === 'duplicate_client_object_id');
      throw onlyDuplicates
        ? new ApiError('duplicate_client_object_id', undefined, { errors: envelope.errors })
        : ApiError.of(envelope);
    }
    const body = parsed.data;
    requireSender(key, body.sender);
    const ifMatch = c.req.header('if-match') ?? null;
    const request = {
      communityId: key.communityId,
      idempotencyKey: idempotencyKeyOf(c.req.header('idempotency-key') ?? null, body.idempotencyKey),
      operation: 'append',
      target: analysisId,
      raw,
      checkScope: async () => {
        const row = await ctx.storage.getAnalysisHead(analysisId, key.communityId);
        // Gone since: a replay still wins (spec §5.3), but only for a caller whose scope takes
        // in every channel, since the analysis' channel can no longer be checked.
        if (row !== null) requireVisible(row, key);
        else if (key.channelIds !== null) throw new ApiError('not_found', 'Analysis not found');
      },
    };
    const reads = {
      analysisId,
      communityId: key.communityId,
      headOnly: { clientObjectIds: body.drawings.map((d) => d.clientObjectId) },
    };
    return runIdempotent(ctx, request, now, reads, (snap) => {
      const head = requireVisible(snap.head ?? null, key);
      requireIfMatch(ifMatch, head.version);
      const taken = snap.takenClientObjectIds ?? new Set<string>();
      const { stored, added } = applyAppend(head, taken, body, ctx.newId);
      const version = head.version + 1;
      const totalDrawings = head.drawingCount + stored.length;
      const data = { analysisId, drawings: added, totalDrawings, version };
      const text = JSON.stringify({ status: 'success', message: 'Drawings appended successfully', data });
      const event = {
        communityId: head.communityId,
        analysisId,
        event: 'update_analysis' as const,
        updatedFields: ['drawings'],
        data: null,
        // The whole detail only when an endpoint will read it, from the row as written.
        dataOfStored: (row: AnalysisRow) => toDetailJson(row, now).detail,
        occurredAt: now,
      };
      const append = { analysisId, from: head.drawingCount, drawings: stored, updatedAt: now, version };
      return {
        writes: { appendDrawings: append, outbox: [event] },
        result: { status: 200, body: text, etag: etag(version) },
      };
    });
  });
}
