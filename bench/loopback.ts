// What the server benches share: a loopback HTTP server for a fetch handler, the bare Hono echo
// they measure the reference server against, and the quantile of their latency lists.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';

/** A loopback HTTP server for `fetch` on a free port; close also ends its kept-alive connections. */
export async function listenLocal(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createAdaptorServer({ fetch }) as Server;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** The peer of the server benches: a Hono route that answers any POST with its body, as JSON. */
export function startEcho(): Promise<{ url: string; close(): Promise<void> }> {
  const echo = new Hono();
  echo.post('/*', async (c) => c.body(await c.req.text(), 200, { 'content-type': 'application/json' }));
  return listenLocal(echo.fetch);
}

/** The q-quantile of an ascending list: the value at rank ⌊q·n⌋ (NaN when empty). */
export const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
