// The demo server's config and browser auth. The page never holds an API key: it asks its own
// server (here the reference server in demo mode, `POST /demo/token`) for a short-lived token,
// the way a community's page asks the community's server (spec §5.1).
import type { TokenSource } from 'chartmark';

/** GET /demo/config.json (served only when the reference server runs in demo mode). */
export interface DemoConfig {
  readonly communityId: string;
  readonly channelId: string;
  readonly sampleAnalysisId: string;
  readonly sender: string;
  /** Where the page gets a short-lived token (POST). */
  readonly tokenUrl: string;
}

const SENDER = 'demo@chartmark.dev';

/** A JSON body, or null when the answer is not JSON (vite's dev server answers unknown paths with HTML). */
export async function json(res: Response): Promise<unknown> {
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json')) return null;
  return res.json().catch(() => null);
}

/** The demo config, or null when no demo server is behind this page (plain `vite`). */
export async function loadDemoConfig(): Promise<DemoConfig | null> {
  try {
    const body = (await json(
      await fetch('/demo/config.json', { cache: 'no-store' }),
    )) as Partial<DemoConfig> | null;
    if (
      !body ||
      typeof body.communityId !== 'string' ||
      typeof body.channelId !== 'string' ||
      typeof body.tokenUrl !== 'string'
    )
      return null;
    return { sender: SENDER, sampleAnalysisId: '', ...body } as DemoConfig;
  } catch {
    return null;
  }
}

/** A token source for the API: fetches `tokenUrl` and caches the token until it is about to expire. */
export function demoToken(config: Pick<DemoConfig, 'tokenUrl'>): TokenSource {
  const url = config.tokenUrl;
  let cached: { token: string; until: number } | null = null;
  return async () => {
    if (cached && Date.now() < cached.until) return cached.token;
    const body = (await json(await fetch(url, { method: 'POST', cache: 'no-store' }))) as {
      status?: string;
      data?: { token?: string; expiresAt?: string };
    } | null;
    const token = body?.status === 'success' ? body.data?.token : undefined;
    if (!token) throw new Error(`${url}: no token in the answer`);
    const expires = Date.parse(body?.data?.expiresAt ?? '');
    // Renew a minute early; the embed also renews by itself after a 401.
    cached = { token, until: Number.isFinite(expires) ? expires - 60_000 : 0 };
    return token;
  };
}
