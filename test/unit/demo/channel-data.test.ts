// The Channel page's data source against the real API app (in-memory database, no port).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, loadPage, PAGE_SIZE } from '../../../demo/channel-data';
import { CHANNEL, COMMUNITY, createExample, type Harness, harness, T0 } from '../server/harness';

let h: Harness;
const ids: string[] = [];

beforeAll(async () => {
  h = await harness();
  for (let i = 0; i < 7; i++) {
    h.setNow(T0 + i * 60_000);
    ids.push(await createExample(h, {}));
  }
  h.setNow(T0 + 3600_000);
});
afterEach(() => vi.unstubAllGlobals());

const viaApp = () => vi.stubGlobal('fetch', (url: string, init?: RequestInit) => h.app.request(url, init));

describe('Channel page data', () => {
  it('pages the channel newest first through List and Get, with a token', async () => {
    viaApp();
    // The page's token source is given directly here: a reader key stands in for a token.
    const config = { tokenUrl: '/demo/token', communityId: COMMUNITY, channelId: CHANNEL };
    const first = await loadPage(config, 1, h.keys.reader);
    expect(first).toMatchObject({ source: 'server', page: 1, pages: 2, total: 7 });
    expect(first.analyses.map((a) => a.id)).toEqual(ids.slice(-PAGE_SIZE).reverse());
    expect(first.analyses[0]!.drawings).toHaveLength(3);
    const second = await loadPage(config, 2, h.keys.reader);
    expect(second.analyses.map((a) => a.id)).toEqual(ids.slice(0, 2).reverse());
  });

  it('reports a failed List instead of showing nothing', async () => {
    viaApp();
    await expect(
      loadPage({ tokenUrl: '/demo/token', communityId: COMMUNITY, channelId: CHANNEL }, 1, 'cm_wrong'),
    ).rejects.toThrow('List Analyses failed');
  });

  it('falls back to the bundled sample when /demo/config.json is missing or is not JSON', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
    );
    expect(await loadConfig()).toBeNull();
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 404 }));
    expect(await loadConfig()).toBeNull();
    const sample = await loadPage(null, 1);
    expect(sample).toMatchObject({ source: 'sample', page: 1, pages: 1, total: 1 });
    expect(sample.analyses[0]!.metadata.title).toBe('GBPUSD Bullish Bounce from Support');
  });

  it('reads the demo config when the server serves it', async () => {
    const body = {
      communityId: COMMUNITY,
      channelId: CHANNEL,
      sampleAnalysisId: ids[0],
      sender: 'demo@chartmark.dev',
      tokenUrl: '/demo/token',
    };
    vi.stubGlobal('fetch', async () => Response.json(body));
    expect(await loadConfig()).toEqual(body);
  });
});
