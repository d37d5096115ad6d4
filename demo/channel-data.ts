// Where the Channel page gets its analyses: the reference server's List and Get endpoints with
// a token from the demo server (/demo/config.json names where; served only in demo mode), or, when
// that is not there (plain `vite`), the bundled sample — clearly labelled as such.
import type { TokenSource } from 'chartmark';
import type { AnalysisDetailWire } from 'chartmark/svg';
import sample from './channel-sample.json';
import { type DemoConfig, demoToken, json, loadDemoConfig } from './demo-auth';

/** What the Channel page needs of the demo config: where, and how to get a token. */
export type ChannelConfig = Pick<DemoConfig, 'communityId' | 'channelId' | 'tokenUrl'>;

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

/** The demo config, or null when no demo server is behind this page. */
export const loadConfig = loadDemoConfig;

interface Envelope<T> {
  readonly status: string;
  readonly data: T;
}

/** Page `page` (1-based) of the channel, newest first, each analysis fetched in full. */
export async function loadPage(
  config: ChannelConfig | null,
  page: number,
  token: TokenSource | null = null,
): Promise<ChannelPage> {
  if (!config) {
    return { source: 'sample', analyses: [sample as AnalysisDetailWire], page: 1, pages: 1, total: 1 };
  }
  const source = token ?? demoToken(config);
  const headers = { Authorization: `Bearer ${typeof source === 'string' ? source : await source()}` };
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
