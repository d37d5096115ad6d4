// Health check (no auth, for load balancers and the start script).
import type { Hono } from 'hono';
import { json } from '../context';

/** Registers `GET /health`. */
export function metaRoutes(app: Hono): void {
  app.get('/health', () => json(200, { status: 'success', data: { ok: true } }));
}
