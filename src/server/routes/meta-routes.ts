// Health check and the OpenAPI document; neither needs a key (load balancers, tooling).
import type { Hono } from 'hono';
import { toOpenApi } from '../../schema/openapi';
import { json } from '../context';

/** Registers `GET /health` and `GET /openapi.json`. */
export function metaRoutes(app: Hono): void {
  app.get('/health', () => json(200, { status: 'success', data: { ok: true } }));
  // Built once: the document depends only on the schemas.
  let openApi: string | null = null;
  app.get('/openapi.json', () => {
    openApi ??= JSON.stringify(toOpenApi());
    return json(200, openApi);
  });
}
