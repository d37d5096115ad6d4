// A rendered API reference at `/docs`: Swagger UI (swagger-ui-dist, an optional peer) over the
// served OpenAPI document. The page has no inline script or style, so it runs under the HTML CSP.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { ApiError } from '../api-error';
import { htmlHeaders } from '../security-headers';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>chartmark — Chart Analysis API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

// The openapi.json next to /docs, whichever prefix the page was served under.
const INIT = `window.ui = SwaggerUIBundle({
  url: new URL('../openapi.json', location.href).pathname,
  dom_id: '#swagger-ui',
  deepLinking: true,
});
`;

const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

let assetDir: string | null | undefined;
const cache = new Map<string, Uint8Array<ArrayBuffer>>();

/** Where swagger-ui-dist is installed, or null when the optional peer is missing. */
function swaggerDir(): string | null {
  if (assetDir === undefined) {
    try {
      assetDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
    } catch {
      assetDir = null;
    }
  }
  return assetDir;
}

/** Registers `/docs` (the page) and its three assets. */
export function docsRoute(app: Hono, frameAncestors: string): void {
  app.get('/docs', (c) => c.redirect(`${c.req.path}/`, 301));
  app.get('/docs/', () => {
    if (swaggerDir() === null)
      throw new ApiError('not_found', 'API reference needs the optional package swagger-ui-dist');
    return new Response(PAGE, {
      headers: { 'content-type': 'text/html; charset=utf-8', ...htmlHeaders(frameAncestors) },
    });
  });
  app.get(
    '/docs/init.js',
    () => new Response(INIT, { headers: { 'content-type': ASSETS['swagger-ui-bundle.js']! } }),
  );
  app.get('/docs/:asset{swagger-ui\\.css|swagger-ui-bundle\\.js}', async (c) => {
    const name = c.req.param('asset');
    const dir = swaggerDir();
    if (dir === null)
      throw new ApiError('not_found', 'API reference needs the optional package swagger-ui-dist');
    let body = cache.get(name);
    if (body === undefined) {
      body = new Uint8Array(await readFile(join(dir, name)));
      cache.set(name, body);
    }
    return new Response(body, {
      headers: { 'content-type': ASSETS[name]!, 'cache-control': 'public, max-age=3600' },
    });
  });
}
