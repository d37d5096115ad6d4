// CORS (spec §5.2): exact origins from configuration, no credentials mode (tokens travel in
// Authorization, never in cookies). An origin that is not listed gets no CORS header at all, so
// the browser blocks the page; every other behaviour of the server is unchanged.

/** Environment variable with the allowed origins, a comma list of exact origins. */
export const CORS_ORIGINS_ENV = 'CHARTMARK_CORS_ORIGINS';

/** Methods a preflight allows. */
export const CORS_ALLOW_METHODS = 'GET, POST, PATCH, DELETE';
/** Request headers a preflight allows. */
export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key';
/** Response headers a page may read. */
export const CORS_EXPOSE_HEADERS = 'ETag, Idempotent-Replayed, Retry-After, RateLimit, RateLimit-Policy';
/** How long a browser may cache a preflight, in seconds. */
export const CORS_MAX_AGE = 600;

/** Parses the configured list; an entry that is not a bare origin (scheme://host[:port]) is an error. */
export function parseCorsOrigins(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .map((o) => {
      let origin: string;
      try {
        origin = new URL(o).origin;
      } catch {
        origin = 'null';
      }
      if (origin === 'null' || origin !== o) {
        throw new RangeError(
          `${CORS_ORIGINS_ENV}: "${o}" is not an exact origin like https://community.example (no path, no trailing slash)`,
        );
      }
      return origin;
    });
}

/** The CORS side of a server: answers preflights and decorates answers for listed origins. */
export interface Cors {
  /** The 204 answer of a preflight from a listed origin, else null (the request goes on). */
  preflight(request: Request): Response | null;
  /** Adds the CORS headers for the request's origin to an answer (in place). */
  decorate(request: Request, headers: Headers): void;
}

/** CORS over a list of exact origins. */
export function createCors(origins: readonly string[]): Cors {
  const allowed = new Set(origins);
  const listed = (request: Request): string | null => {
    const origin = request.headers.get('origin');
    return origin !== null && allowed.has(origin) ? origin : null;
  };
  return {
    preflight(request) {
      if (request.method !== 'OPTIONS' || request.headers.get('access-control-request-method') === null)
        return null;
      const origin = listed(request);
      if (origin === null) return null;
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': CORS_ALLOW_METHODS,
          'access-control-allow-headers': CORS_ALLOW_HEADERS,
          'access-control-max-age': String(CORS_MAX_AGE),
          vary: 'Origin',
        },
      });
    },
    decorate(request, headers) {
      // Whenever CORS is on, answers differ by Origin, so caches must key on it.
      if (allowed.size > 0) headers.append('vary', 'Origin');
      const origin = listed(request);
      if (origin === null) return;
      headers.set('access-control-allow-origin', origin);
      headers.set('access-control-expose-headers', CORS_EXPOSE_HEADERS);
    },
  };
}
