// The started server on a real port: API, built demo files, demo config only in demo mode,
// first-start seeding and its reuse, the webhook worker running, and a clean double close.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_ANALYSIS_FILE } from '../../../src/server/seed';
import { type RunningServer, startServer } from '../../../src/server/serve';
import { addWebhook } from '../../../src/server/webhooks/endpoints';
import { startReceiver } from './webhooks/receiver';

const SAMPLE = JSON.parse(
  readFileSync(new URL('../../fixtures/spec-examples/create-analysis.request.json', import.meta.url), 'utf8'),
) as { metadata: { title: string } };

function tempSite() {
  const dir = mkdtempSync(join(tmpdir(), 'cm-serve-'));
  const demoDir = join(dir, 'dist');
  mkdirSync(join(demoDir, 'assets'), { recursive: true });
  writeFileSync(join(demoDir, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(demoDir, 'assets', 'app-1a2b.js'), 'export {}');
  return { dbPath: join(dir, 'data', 'chartmark.sqlite'), demoDir, dir };
}

const running: RunningServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
});
const start = async (o: Parameters<typeof startServer>[0]) => {
  const s = await startServer({ log: () => {}, ...o });
  running.push(s);
  return s;
};

describe('startServer', () => {
  it('seeds exactly the documented create example (demo/sample-analysis.json is a faithful copy)', () => {
    expect(JSON.parse(readFileSync(SAMPLE_ANALYSIS_FILE, 'utf8'))).toEqual(SAMPLE);
  });

  it('demo mode seeds a key and the sample analysis, serves them, and reuses them on the next start', async () => {
    const site = tempSite();
    const first = await start({ port: 0, dbPath: site.dbPath, demoDir: site.demoDir, demo: true });
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.demoCreated).toBe(true);
    const config = first.demo!;
    const served = (await (await fetch(`${first.url}/demo/config.json`)).json()) as Record<string, string>;
    const { apiKey: _key, ...ids } = config;
    expect(served).toEqual({ ...ids, sender: 'demo@chartmark.dev', tokenUrl: '/demo/token' });
    expect(JSON.parse(readFileSync(join(site.dir, 'data', 'demo-key.json'), 'utf8'))).toEqual(config);

    // The page's token: the demo sender, read+write, the demo channel only (spec §5.1).
    const minted = await fetch(`${first.url}/demo/token`, { method: 'POST' });
    expect(minted.status).toBe(201);
    const grant = ((await minted.json()) as { data: Record<string, unknown> }).data;
    expect(grant).toMatchObject({
      sender: 'demo@chartmark.dev',
      permissions: ['analysis:read', 'analysis:write'],
      communityId: config.communityId,
      channelIds: [config.channelId],
    });
    const res = await fetch(`${first.url}/v1/analysis/${config.sampleAnalysisId}`, {
      headers: { authorization: `Bearer ${grant.token as string}` },
    });
    expect(res.status).toBe(200);
    const detail = (await res.json()) as {
      data: { metadata: { title: string }; drawings: unknown[]; channelId: string };
    };
    expect(detail.data.metadata.title).toBe(SAMPLE.metadata.title);
    expect(detail.data.drawings).toHaveLength(3);
    expect(detail.data.channelId).toBe(config.channelId);
    await first.close();
    await first.close(); // idempotent

    const second = await start({ port: 0, dbPath: site.dbPath, demoDir: site.demoDir, demo: true });
    expect(second.demoCreated).toBe(false);
    expect(second.demo).toEqual(config);
  });

  it('re-posts the sample when it was deleted', async () => {
    const site = tempSite();
    const first = await start({ port: 0, dbPath: site.dbPath, demo: true });
    const { apiKey, sampleAnalysisId } = first.demo!;
    const del = await fetch(`${first.url}/v1/analysis/${sampleAnalysisId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(del.status).toBe(200);
    await first.close();
    const second = await start({ port: 0, dbPath: site.dbPath, demo: true });
    expect(second.demoCreated).toBe(true);
    expect(second.demo!.apiKey).toBe(apiKey);
    expect(second.demo!.sampleAnalysisId).not.toBe(sampleAnalysisId);
    const res = await fetch(`${second.url}/v1/analysis/${second.demo!.sampleAnalysisId}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(res.status).toBe(200);
  });

  it('serves the built demo next to the API; without demo mode there is no /demo/config.json', async () => {
    const site = tempSite();
    const s = await start({ port: 0, dbPath: site.dbPath, demoDir: site.demoDir });
    expect(s.demo).toBeNull();
    const index = await fetch(`${s.url}/`);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toBe('<!doctype html><title>demo</title>');
    expect((await fetch(`${s.url}/assets/app-1a2b.js`)).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    const config = await fetch(`${s.url}/demo/config.json`);
    expect(config.status).toBe(404);
    expect(await config.json()).toMatchObject({ status: 'error', code: 'not_found' });
    const traversal = await fetch(`${s.url}/%2e%2e/data/chartmark.sqlite`);
    expect(traversal.status).toBe(404);
    expect(await traversal.json()).toMatchObject({ status: 'error', code: 'not_found' });
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
    expect((await fetch(`${s.url}/v1/analysis/6502c9e514a3e564c5c09c0a`)).status).toBe(401);
  });

  it('runs the webhook worker: a created analysis reaches a registered endpoint', async () => {
    const site = tempSite();
    const receiver = await startReceiver();
    try {
      const s = await start({
        port: 0,
        dbPath: site.dbPath,
        demo: true,
        webhookIntervalMs: 20,
        webhookAllowPrivateAddresses: true, // the receiver is on 127.0.0.1
      });
      await addWebhook(s.storage, { communityId: s.demo!.communityId, url: receiver.url });
      const body = JSON.stringify({
        sender: 'a@b.co',
        metadata: {
          direction: 'BEARISH',
          entryPlacement: 'ABOVE_CURRENT',
          title: 'Hook me',
          timeframe: 'H4',
          symbol: 'EURUSD',
        },
      });
      const created = await fetch(
        `${s.url}/v1/analysis/${s.demo!.communityId}/channels/${s.demo!.channelId}`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${s.demo!.apiKey}`, 'content-type': 'application/json' },
          body,
        },
      );
      expect(created.status).toBe(201);
      for (let i = 0; i < 100 && receiver.received.length === 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(receiver.received.map((r) => JSON.parse(r.body).event)).toEqual(['create_analysis']);
      expect(JSON.parse(receiver.received[0]!.body).data.metadata.title).toBe('Hook me');
    } finally {
      await receiver.close();
    }
  });

  it('reports a port in use as an error', async () => {
    const site = tempSite();
    const a = await start({ port: 0, dbPath: site.dbPath });
    await expect(startServer({ port: a.port, dbPath: ':memory:', log: () => {} })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });
});
