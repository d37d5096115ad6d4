// Health, readiness and the OpenAPI document; none needs a key (load balancers, tooling).
import type { Hono } from 'hono';
import { toOpenApi } from '../../schema/openapi';
import { ApiError } from '../api-error';
import { json } from '../context';
import type { Storage } from '../storage/storage';

// An id no analysis has: reading it is the cheapest query that goes through the database.
const PROBE_ID = '000000000000000000000000';

/** Registers `GET /health` (process up), `GET /ready` (database reachable) and `GET /openapi.json`. */
export function metaRoutes(app: Hono, storage: Storage): void {
  app.get('/health', () => json(200, { status: 'success', message: 'Server is up', data: { ok: true } }));
  app.get('/ready', async () => {
    try {
      await storage.getAnalysis(PROBE_ID);
    } catch {
      throw new ApiError('unavailable', 'Database is not reachable');
    }
    return json(200, { status: 'success', message: 'Database is reachable', data: { ok: true } });
  });
  // Built once: the document depends only on the schemas.
  let openApi: string | null = null;
  app.get('/openapi.json', () => {
    openApi ??= JSON.stringify(toOpenApi());
    return json(200, openApi);
  });
}
