// The HTTP API (spec §1–§2): the routes at the root and again under `/apis`, every answer in the
// envelope, unknown routes 404, unexpected errors 500 without a stack (the stack goes to the log).
import { Hono } from 'hono';
import { errorEnvelope } from '../schema/errors';
import { ApiError } from './api-error';
import { type AppDeps, json, serverContext } from './context';
import { analysisRoutes } from './routes/analysis-routes';
import { appendRoute } from './routes/append-route';
import { channelRoutes } from './routes/channel-routes';
import { metaRoutes } from './routes/meta-routes';
import { previewRoute } from './routes/preview';

/** Prefixes the API is served under: the root (current docs) and `/apis` (older docs). */
export const API_PREFIXES = ['/', '/apis'] as const;

/** Builds the API app over its dependencies. */
export function createApp(deps: AppDeps): Hono {
  const ctx = serverContext(deps);
  const api = new Hono();
  metaRoutes(api);
  channelRoutes(api, ctx);
  analysisRoutes(api, ctx);
  appendRoute(api, ctx);
  previewRoute(api, ctx);

  const app = new Hono();
  for (const prefix of API_PREFIXES) app.route(prefix, api);
  app.notFound(() => json(404, errorEnvelope('not_found', 'Route not found')));
  app.onError((err, c) => {
    if (err instanceof ApiError) return json(err.status, err.body, { ...err.headers });
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    ctx.logger(`internal_error ${c.req.method} ${c.req.path}: ${detail}`);
    return json(500, errorEnvelope('internal_error'));
  });
  return app;
}
