// The HTTP API (spec §1–§2, §5): the routes at the root and again under `/apis`, every answer in
// the envelope with nosniff (and CORS headers for listed origins), unknown routes 404, a known
// path with another method 405 + Allow, unexpected errors 500 without a stack (the stack goes
// to the log).
import { Hono } from 'hono';
import { errorEnvelope } from '../schema/errors';
import { ApiError } from './api-error';
import { type AppDeps, json, serverContext } from './context';
import { CORS_ORIGINS_ENV, createCors, parseCorsOrigins } from './cors';
import { analysisRoutes } from './routes/analysis-routes';
import { appendRoute } from './routes/append-route';
import { channelRoutes } from './routes/channel-routes';
import { docsRoute } from './routes/docs-route';
import { metaRoutes } from './routes/meta-routes';
import { previewRoute } from './routes/preview';
import { tokenRoutes } from './routes/token-routes';
import { FRAME_ANCESTORS_ENV, frameAncestors } from './security-headers';

/** Prefixes the API is served under: the root (current docs) and `/apis` (older docs). */
export const API_PREFIXES = ['/', '/apis'] as const;

/** Each registered path as a pattern, with the methods it answers (HEAD wherever GET is). */
function allowedMethods(api: Hono): { readonly pattern: RegExp; readonly allow: string }[] {
  const byPath = new Map<string, Set<string>>();
  for (const { path, method } of api.routes) {
    if (method === 'ALL') continue;
    const set = byPath.get(path) ?? new Set<string>();
    set.add(method);
    if (method === 'GET') set.add('HEAD');
    byPath.set(path, set);
  }
  return [...byPath].map(([path, methods]) => {
    const source = path
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return { pattern: new RegExp(`^(?:/apis)?${source}$`), allow: [...methods].join(', ') };
  });
}

/** Builds the API app over its dependencies. */
export function createApp(deps: AppDeps): Hono {
  const ctx = serverContext(deps);
  const cors = createCors(deps.corsOrigins ?? parseCorsOrigins(process.env[CORS_ORIGINS_ENV]));
  const ancestors = frameAncestors(deps.frameAncestors ?? process.env[FRAME_ANCESTORS_ENV]);
  const api = new Hono();
  metaRoutes(api, ctx.storage);
  docsRoute(api, ancestors);
  tokenRoutes(api, ctx);
  channelRoutes(api, ctx);
  analysisRoutes(api, ctx);
  appendRoute(api, ctx);
  previewRoute(api, ctx);
  const methods = allowedMethods(api);

  const app = new Hono();
  app.use(async (c, next) => {
    const preflight = cors.preflight(c.req.raw);
    if (preflight) return preflight;
    await next();
    // Headers decided along the way (RateLimit …) reach error answers too.
    const extra = ctx.answerHeaders.get(c.req.raw);
    // Responses built from a fetch() are immutable; copy those before adding headers.
    let res = c.res;
    try {
      res.headers.set('x-content-type-options', 'nosniff');
    } catch {
      res = new Response(res.body, res);
      res.headers.set('x-content-type-options', 'nosniff');
    }
    for (const [name, value] of Object.entries(extra ?? {})) res.headers.set(name, value);
    cors.decorate(c.req.raw, res.headers);
    if (res !== c.res) c.res = res;
  });
  for (const prefix of API_PREFIXES) app.route(prefix, api);
  app.notFound((c) => {
    const path = c.req.path;
    const known = methods.find((m) => m.pattern.test(path));
    if (known) {
      return json(
        405,
        errorEnvelope('method_not_allowed', `${c.req.method} is not allowed on ${path}; use ${known.allow}`),
        { allow: known.allow },
      );
    }
    return json(404, errorEnvelope('not_found', 'Route not found'));
  });
  app.onError((err, c) => {
    if (err instanceof ApiError) return json(err.status, err.body, { ...err.headers });
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    // The path, never the headers: a key or token must not reach the log.
    ctx.logger(`internal_error ${c.req.method} ${c.req.path}: ${detail}`);
    return json(500, errorEnvelope('internal_error'));
  });
  return app;
}
