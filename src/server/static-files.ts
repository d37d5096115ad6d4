// Serves the built demo (dist/demo) next to the API. Paths are decoded, resolved under the root
// and checked again after resolving symlinks, so `..`, encoded `%2e%2e` and links cannot escape.
import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { FRAME_ANCESTORS_ENV, frameAncestors, htmlHeaders } from './security-headers';

/** Content types by file extension; anything else is served as bytes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Answers GET/HEAD for files under `root`; resolves to null when there is no such file. */
export type StaticHandler = (req: Request) => Promise<Response | null>;

/**
 * A handler serving the files under `root`, with `index.html` for `/` and for directories. HTML
 * pages carry the strict CSP of spec §5.3, framable by `frameAncestors` (default: env
 * CHARTMARK_FRAME_ANCESTORS, else nobody).
 */
export function serveStaticFiles(
  root: string,
  ancestors: string = frameAncestors(process.env[FRAME_ANCESTORS_ENV]),
): StaticHandler {
  const pageHeaders = htmlHeaders(ancestors);
  const base = resolve(root);
  let realBase: string | undefined;
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return null;
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url).pathname);
    } catch {
      return null; // a malformed escape is nobody's file
    }
    if (path.includes('\0') || path.includes('\\')) return null;
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return null;
    try {
      realBase ??= await realpath(base);
      let real = await realpath(file);
      if (!real.startsWith(realBase + sep)) return null;
      if ((await stat(real)).isDirectory()) real = join(real, 'index.html');
      const body = await readFile(real);
      const type = CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
      // Vite puts content hashes in asset names, so those never change; the page must be re-checked.
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      const headers = {
        'content-type': type,
        'content-length': String(body.length),
        'cache-control': cache,
        'x-content-type-options': 'nosniff',
        ...(type.startsWith('text/html') ? pageHeaders : {}),
      };
      return new Response(req.method === 'HEAD' ? null : body, { status: 200, headers });
    } catch {
      return null;
    }
  };
}
