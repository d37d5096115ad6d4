// The worker's own HTTP client: a POST that connects to the address the SSRF rule checked, not
// to whatever a second DNS answer says (rebinding). The URL's host still goes into the Host
// header and TLS (SNI and certificate check), so only the connection is pinned.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

/** An address to connect to, as node:dns lookup gives it. */
export interface PinnedAddress {
  readonly address: string;
  readonly family: number;
}

/**
 * POSTs `body` to `url` over a connection to `pin`, without following redirects; resolves to
 * the status code. Fails with a TimeoutError when no response head arrives within `timeoutMs`.
 */
export function postPinned(
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  pin: PinnedAddress,
  timeoutMs: number,
): Promise<number> {
  const target = new URL(url);
  const lookup: LookupFunction = (_host, options, done) => {
    if (options.all) done(null, [{ address: pin.address, family: pin.family }]);
    else done(null, pin.address, pin.family);
  };
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        agent: false,
      },
      (res) => {
        clearTimeout(timer);
        // The body is not used; drain it so the socket closes.
        res.on('error', () => {});
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    const timer = setTimeout(() => {
      const err = new Error(`no response within ${timeoutMs} ms`);
      err.name = 'TimeoutError';
      req.destroy(err);
    }, timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(body);
  });
}
