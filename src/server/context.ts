// What every route needs: dependencies with their defaults, the checks shared by the routes
// (key, ids, permission, scope, rate, visibility, If-Match) and the JSON response writer. The key,
// id, permission and rate checks are private to `admit`, so no route can skip one or reorder them.
import type { ZodMiniType as ZodType } from 'zod/mini';
import { toErrorEnvelope } from '../schema/errors';
import { MAX_BODY_BYTES, OBJECT_ID_PATTERN } from '../schema/limits';
import { ApiError } from './api-error';
import { covers, hasPermission, type Permission } from './auth/keys';
import { authenticatePrincipal, type Principal, type PrincipalFailure } from './auth/principal';
import { TOKEN_SECRET_ENV, tokenSecret } from './auth/tokens';
import { readJsonBody } from './body';
import { createIdGenerator } from './ids';
import {
  createRateLimiter,
  DEFAULT_WRITE_RATE_LIMIT,
  type RateLimiter,
  type RateLimitOptions,
  rateLimitHeaders,
} from './rate-limit';
import type { AnalysisListRow, Storage } from './storage/storage';

/** Dependencies of `createApp`. */
export interface AppDeps {
  readonly storage: Storage;
  /** Clock in unix ms; every time-dependent path reads it. */
  readonly now?: () => number;
  /** Per-key write limit; `false` turns it off. Defaults to DEFAULT_WRITE_RATE_LIMIT. */
  readonly rateLimit?: RateLimitOptions | false;
  /** Receives one line per unexpected error (with its stack). Defaults to console.error. */
  readonly logger?: (line: string) => void;
  /** Id source for analyses, levels and drawings. */
  readonly newId?: () => string;
  /** Largest request body in bytes. Defaults to MAX_BODY_BYTES (1 MiB). */
  readonly maxBodyBytes?: number;
  /**
   * Secret that signs browser tokens (≥ 32 characters), the same on every instance. Defaults to
   * env CHARTMARK_TOKEN_SECRET, else a random secret of this process (tokens then work only here).
   */
  readonly tokenSecret?: string;
  /** Origins allowed by CORS (spec §5.2). Defaults to env CHARTMARK_CORS_ORIGINS (comma list), else none. */
  readonly corsOrigins?: readonly string[];
  /** `frame-ancestors` of HTML pages. Defaults to env CHARTMARK_FRAME_ANCESTORS, else 'none'. */
  readonly frameAncestors?: string;
}

/** Dependencies with defaults filled in. */
export interface ServerContext {
  readonly storage: Storage;
  readonly now: () => number;
  readonly limiter: RateLimiter | null;
  readonly logger: (line: string) => void;
  readonly newId: () => string;
  readonly maxBodyBytes: number;
  readonly tokenSecret: Uint8Array;
  /** Headers a route decided for its answer, kept here so error answers carry them too. */
  readonly answerHeaders: WeakMap<Request, Record<string, string>>;
}

/** Fills in the defaults. */
export function serverContext(deps: AppDeps): ServerContext {
  const now = deps.now ?? Date.now;
  return {
    storage: deps.storage,
    now,
    limiter: deps.rateLimit === false ? null : createRateLimiter(deps.rateLimit ?? DEFAULT_WRITE_RATE_LIMIT),
    logger: deps.logger ?? ((line) => console.error(line)),
    newId: deps.newId ?? createIdGenerator(now),
    maxBodyBytes: deps.maxBodyBytes ?? MAX_BODY_BYTES,
    tokenSecret: tokenSecret(deps.tokenSecret ?? process.env[TOKEN_SECRET_ENV]).secret,
    answerHeaders: new WeakMap(),
  };
}

/** Adds headers to the answer of `request`, whether it succeeds or fails. */
export function addAnswerHeaders(
  ctx: ServerContext,
  request: Request,
  headers: Record<string, string>,
): void {
  ctx.answerHeaders.set(request, { ...ctx.answerHeaders.get(request), ...headers });
}

/** A JSON response; bodies given as text are sent as they are (idempotent replays). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** The ETag of a version. */
export const etag = (version: number): string => `"${version}"`;

/** Why each authentication failure is refused, for the 401 message. */
const UNAUTHORIZED: Record<PrincipalFailure, string> = {
  missing: 'Authorization header is missing',
  malformed: 'Authorization must be "Bearer <apiKey or token>"',
  unknown: 'API key is not valid',
  expired: 'API key has expired',
  revoked: 'API key has been revoked',
  token_invalid: 'Token is not valid',
  token_expired: 'Token has expired',
  token_key_revoked: 'The API key that issued this token is revoked or expired',
};

/** 401 unless the Authorization header carries a live key or token. */
export async function requirePrincipal(
  ctx: ServerContext,
  request: Request,
  now: number,
): Promise<Principal> {
  const header = request.headers.get('authorization') ?? undefined;
  const result = await authenticatePrincipal(ctx.storage, ctx.tokenSecret, header, now);
  if (!result.ok) throw new ApiError('unauthorized', UNAUTHORIZED[result.reason]);
  return result.principal;
}

/** 400 invalid_id unless every named path parameter is an ObjectId. */
function requireIds(params: Record<string, string>): void {
  for (const [name, value] of Object.entries(params)) {
    if (!OBJECT_ID_PATTERN.test(value)) {
      throw new ApiError('invalid_id', `${name}: expected 24 lower-case hex characters`);
    }
  }
}

/** 403 unless the key has the permission (and covers the community/channel, when given). */
function requireAccess(
  key: Principal,
  permission: Permission,
  communityId?: string,
  channelId?: string,
): void {
  if (!hasPermission(key, permission))
    throw new ApiError('forbidden', `API key lacks the ${permission} permission`);
  if (communityId !== undefined && !covers(key, communityId, channelId)) {
    throw new ApiError('forbidden', 'API key does not cover this community or channel');
  }
}

/** Spends one of the caller's write tokens; 429 when none is left. Sets the RateLimit headers. */
export function requireRate(ctx: ServerContext, request: Request, principal: Principal, now: number): void {
  if (!ctx.limiter) return;
  const decision = ctx.limiter.take(principal.rateKey, now);
  addAnswerHeaders(ctx, request, rateLimitHeaders(ctx.limiter, decision));
  if (!decision.ok) {
    throw new ApiError('rate_limited', `Too many writes; retry after ${decision.retryAfterSeconds} s`, {
      headers: { 'retry-after': String(decision.retryAfterSeconds) },
    });
  }
}

/** 403 sender_mismatch when a token's request body names another sender (spec §5.1). */
export function requireSender(principal: Principal, sender: string): void {
  if (principal.sender !== null && principal.sender !== sender) {
    throw new ApiError(
      'sender_mismatch',
      `sender: must be "${principal.sender}", the sender this token was issued for`,
    );
  }
}

/**
 * Reads the body and validates it with a schema; 415/413/400 as the checks fail, then 403
 * sender_mismatch when a token's caller writes as someone else.
 */
export async function readBody<T extends { readonly sender: string }>(
  ctx: ServerContext,
  request: Request,
  schema: ZodType<T>,
  principal: Principal,
): Promise<{ raw: unknown; body: T }> {
  const raw = await readJsonBody(request, ctx.maxBodyBytes);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw ApiError.of(toErrorEnvelope(parsed.error));
  requireSender(principal, parsed.data.sender);
  return { raw, body: parsed.data };
}

/** Path ids of a route: one analysis, or a community's channel (whose scope the key must cover). */
export type RouteIds =
  | { readonly analysisId: string }
  | { readonly communityId: string; readonly channelId: string };

/**
 * The checks every API route runs first, in one fixed order: 401 key, 400 ids, 403 permission
 * (and community/channel scope), then 429 for writes and other `limited` routes (reads take no
 * rate token). Returns the clock reading the request runs at and the caller (a key or a token).
 */
export async function admit(
  ctx: ServerContext,
  request: Request,
  permission: Permission,
  ids: RouteIds,
  limited: boolean = permission === 'analysis:write',
): Promise<{ readonly now: number; readonly key: Principal }> {
  const now = ctx.now();
  const key = await requirePrincipal(ctx, request, now);
  requireIds(ids);
  if ('communityId' in ids) requireAccess(key, permission, ids.communityId, ids.channelId);
  else requireAccess(key, permission);
  if (limited) requireRate(ctx, request, key, now);
  return { now, key };
}

/** 404 (the same body whether missing or in another community); 403 for a channel not covered. */
export function requireVisible<R extends AnalysisListRow>(row: R | null, key: Principal): R {
  if (row === null || row.communityId !== key.communityId)
    throw new ApiError('not_found', 'Analysis not found');
  if (!covers(key, row.communityId, row.channelId)) {
    throw new ApiError('forbidden', 'API key does not cover this channel');
  }
  return row;
}

/** Whether an If-None-Match header names `tag` (weak comparison, RFC 9110 §13.1.2) or is `*`. */
export function noneMatch(header: string | null, tag: string): boolean {
  if (header === null) return false;
  const bare = (t: string) => (t.startsWith('W/') ? t.slice(2) : t);
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || bare(v) === bare(tag);
  });
}

/** 412 unless If-Match is absent, `*`, or names the current version (strong or weak). */
export function requireIfMatch(header: string | null, version: number): void {
  if (header === null) return;
  const ok = header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === `"${version}"` || tag === `W/"${version}"`);
  if (!ok) {
    throw new ApiError(
      'version_mismatch',
      `If-Match ${header} does not match the current version ${version}`,
      {
        data: { currentVersion: version },
        headers: { etag: etag(version) },
      },
    );
  }
}
