// Where the Channel page gets its analyses: the reference server's List and Get endpoints with
// the demo key from /demo/config.json (served only when the server runs in demo mode), or, when
// that is not there (plain `vite`), the bundled sample — clearly labelled as such.
import type { AnalysisDetailWire } from 'chartmark/svg';
import sample from './channel-sample.json';

/** The demo server's config. */
export interface DemoConfig {
  readonly apiKey: string;
  readonly communityId: string;
  readonly channelId: string;
}

/** One page of posts and where it came from. */
export interface ChannelPage {
  readonly source: 'server' | 'sample';
  readonly analyses: readonly AnalysisDetailWire[];
  readonly page: number;
  readonly pages: number;
  readonly total: number;
}

/** Posts per page. */
export const PAGE_SIZE = 5;

async function json(res: Response): Promise<unknown> {
  // vite's dev server answers unknown paths with index.html (200), so check the type too.
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json')) return null;
  try {
    return await res.json();
  } catch {
    return null;
  }
}

/** The demo config, or null when no demo server is behind this page. */
export async function loadConfig(): Promise<DemoConfig | null> {
  try {
    const body = (await json(await fetch('/demo/config.json'))) as Partial<DemoConfig> | null;
    return body && typeof body.apiKey === 'string' && body.communityId && body.channelId
      ? (body as DemoConfig)
      : null;
  } catch {
    return null;
  }
}

interface Envelope<T> {
  readonly status: string;
  readonly data: T;
}

/** Page `page` (1-based) of the channel, newest first, each analysis fetched in full. */
export async function loadPage(config: DemoConfig | null, page: number): Promise<ChannelPage> {
  if (!config) {
    return { source: 'sample', analyses: [sample as AnalysisDetailWire], page: 1, pages: 1, total: 1 };
  }
  const headers = { Authorization: `Bearer ${config.apiKey}` };
  const list = (await json(
    await fetch(
      `/v1/analysis/${encodeURIComponent(config.communityId)}/channels/${encodeURIComponent(config.channelId)}?page=${page}&limit=${PAGE_SIZE}`,
      { headers },
    ),
  )) as Envelope<{ total: number; analyses: { id: string }[] }> | null;
  if (list?.status !== 'success') throw new Error('List Analyses failed');
  const analyses = await Promise.all(
    list.data.analyses.map(async (a) => {
      const got = (await json(
        await fetch(`/v1/analysis/${encodeURIComponent(a.id)}`, { headers }),
      )) as Envelope<AnalysisDetailWire> | null;
      if (got?.status !== 'success') throw new Error(`Get Analysis ${a.id} failed`);
      return got.data;
    }),
  );
  const total = list.data.total;
  return { source: 'server', analyses, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), total };
}
