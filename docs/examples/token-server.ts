// The token flow on the community's own server (Node 20, any framework): the page asks this
// route for a token; the route checks who is logged in and exchanges its API key — which never
// leaves the server — for a short-lived token scoped to that user and channel (spec §5.1).

/** Who is logged in, as your app knows it. */
export interface SessionUser {
  readonly email: string;
  readonly canWrite: boolean;
}

/** Answers the page's `GET /chartmark/token` with a token (text/plain), or 401 for no session. */
export async function chartmarkToken(user: SessionUser | null, channelId: string): Promise<Response> {
  if (!user) return new Response('log in first', { status: 401 });
  const res = await fetch('https://api.returning.ai/v1/auth/tokens', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${process.env.CHARTMARK_API_KEY}`, // the community's key, server-side only
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      sender: user.email, // writes made with the token must carry this sender
      permissions: user.canWrite ? ['analysis:read', 'analysis:write'] : ['analysis:read'],
      channelIds: [channelId],
      ttlSeconds: 900,
    }),
  });
  if (res.status !== 201) return new Response('token refused', { status: 502 });
  const { data } = (await res.json()) as { data: { token: string; expiresAt: string } };
  return new Response(data.token, { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
}
