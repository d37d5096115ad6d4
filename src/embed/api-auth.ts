// Authorization for the embed's API calls. A page never holds a community's API key: it gets a
// short-lived token from its own server (spec §5.1). `token` is that string, or an async function
// that fetches one; the function is called for the first request and again whenever the server
// answers 401 (the token expired or was revoked), and the request is retried once with the new one.

/** A bearer token, or a function that returns a fresh one. */
export type TokenSource = string | (() => Promise<string>);

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** A fetch that signs every request with the current token and renews it once on a 401. */
export function authorizedFetch(token: TokenSource, base: Fetch): Fetch {
  let current: Promise<string> | null = null;
  const fresh = (): Promise<string> => {
    if (typeof token === 'string') return Promise.resolve(token);
    const p = token().then((t) => {
      if (typeof t !== 'string' || t === '')
        throw new TypeError(`api.token: the function must resolve to a non-empty string, got ${typeof t}`);
      return t;
    });
    // A failed fetch of a token must not stick: the next request asks again.
    p.catch(() => {
      if (current === p) current = null;
    });
    return p;
  };
  const signed = (init: RequestInit, t: string): RequestInit => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${t}`);
    return { ...init, headers };
  };
  return async (input, init) => {
    current ??= fresh();
    const used = current;
    const res = await base(input, signed(init, await used));
    if (res.status !== 401 || typeof token === 'string') return res;
    // Only the first request to see the 401 renews; the others wait for that token.
    if (current === used) current = fresh();
    return base(input, signed(init, await current));
  };
}
