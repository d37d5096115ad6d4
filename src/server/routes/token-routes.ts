// `POST /v1/auth/tokens` (spec §5.1): a community's server trades its API key for a short-lived
// token scoped to one sender, some permissions and channels — never more than the key holds.
import type { Hono } from 'hono';
import { toErrorEnvelope } from '../../schema/errors';
import { isoTime } from '../../core/wire/time';
import { CreateTokenRequest, TOKEN_TTL } from '../../schema/tokens';
import { ApiError } from '../api-error';
import type { Permission } from '../auth/keys';
import { signToken } from '../auth/tokens';
import { json, requirePrincipal, type ServerContext } from '../context';
import { readJsonBody } from '../body';

/** Path of the token route. */
export const TOKENS_PATH = '/v1/auth/tokens';

/** Registers the token route. */
export function tokenRoutes(app: Hono, ctx: ServerContext): void {
  app.post(TOKENS_PATH, async (c) => {
    const now = ctx.now();
    const key = await requirePrincipal(ctx, c.req.raw, now);
    if (key.sender !== null) throw new ApiError('forbidden', 'A token cannot issue tokens; use an API key');
    if (key.permissions.length === 0) throw new ApiError('forbidden', 'API key holds no permission');
    const raw = await readJsonBody(c.req.raw, ctx.maxBodyBytes);
    const parsed = CreateTokenRequest.safeParse(raw);
    if (!parsed.success) throw ApiError.of(toErrorEnvelope(parsed.error));
    const body = parsed.data;
    const missing = body.permissions.filter((p) => !key.permissions.includes(p));
    if (missing.length > 0)
      throw new ApiError('forbidden', `permissions: the API key lacks ${missing.join(', ')}`);
    const keyChannels = key.channelIds;
    if (body.channelIds !== undefined && keyChannels !== null) {
      const outside = body.channelIds.filter((id) => !keyChannels.includes(id));
      if (outside.length > 0)
        throw new ApiError('forbidden', `channelIds: the API key does not cover ${outside.join(', ')}`);
    }
    const channelIds = body.channelIds ? [...new Set(body.channelIds)] : keyChannels;
    const ttl = body.ttlSeconds ?? TOKEN_TTL.default;
    // Whole seconds: the JWT `exp` claim is in seconds, and expiresAt must say exactly when it ends.
    const expiresAt = (Math.floor(now / 1000) + ttl) * 1000;
    const permissions = body.permissions as Permission[];
    const token = await signToken(
      ctx.tokenSecret,
      {
        keyId: key.keyId,
        communityId: key.communityId,
        channelIds,
        permissions,
        sender: body.sender,
        expiresAt,
      },
      now,
    );
    return json(
      201,
      {
        status: 'success',
        message: 'Token issued successfully',
        data: {
          token,
          expiresAt: isoTime(expiresAt / 1000),
          sender: body.sender,
          permissions,
          communityId: key.communityId,
          channelIds,
        },
      },
      // A token is a credential: no cache may keep it.
      { 'cache-control': 'no-store' },
    );
  });
}
