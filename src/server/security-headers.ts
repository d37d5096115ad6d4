// Security headers (spec §5.3): nosniff on every answer; HTML pages get a Content-Security-Policy
// that runs only the page's own scripts and styles and lets only configured sites frame them.

/** Environment variable with the `frame-ancestors` sources of HTML pages (default 'none'). */
export const FRAME_ANCESTORS_ENV = 'CHARTMARK_FRAME_ANCESTORS';

/** The `frame-ancestors` value from configuration: space-separated sources, or 'none'. */
export function frameAncestors(value: string | undefined): string {
  const v = value?.trim() ?? '';
  if (v === '') return "'none'";
  // A source list is a CSP directive value: refuse what would end the directive or the header.
  if (/[;,\r\n]/.test(v))
    throw new RangeError(
      `${FRAME_ANCESTORS_ENV}: must be CSP sources separated by spaces, e.g. https://a.example`,
    );
  return v;
}

/** The CSP of an HTML page: own scripts, styles, images (and data: images), API calls to itself. */
export function htmlCsp(ancestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

/** Headers of an HTML page. */
export function htmlHeaders(ancestors: string): Record<string, string> {
  // X-Frame-Options for browsers that predate frame-ancestors; it cannot name other sites, so
  // a list of sites relies on frame-ancestors alone.
  const xfo = ancestors === "'none'" ? 'DENY' : ancestors === "'self'" ? 'SAMEORIGIN' : null;
  return {
    'content-security-policy': htmlCsp(ancestors),
    ...(xfo ? { 'x-frame-options': xfo } : {}),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}
