// A page on one origin (the vite server) syncs an edit with the API on another (the reference
// server of playwright.config.ts, started with CHARTMARK_CORS_ORIGINS naming the vite origin),
// through chartmark/sync's API client and a browser token — never the API key (spec §5.1, §5.2).
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const PAGE_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5199)}`;
const API_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_SYNC_PORT ?? 5198)}`;
// Vite serves the repository's sources to the page under /@fs/.
const SYNC_MODULE = `/@fs${fileURLToPath(new URL('../../src/sync/index.ts', import.meta.url))}`;
// A real page served by vite: Chromium's local-network rules treat a page faked with route()
// as public and would block its requests to the loopback API whatever CORS says.
const PAGE = `/@fs${fileURLToPath(new URL('./pages/cross-origin.html', import.meta.url))}`;

interface Grant {
  token: string;
  sender: string;
}

test('a page on another origin syncs an edit through the API client, reading ETag across origins', async ({
  page,
  request,
}) => {
  // The community's own server role: it holds the key and mints the page's token.
  const config = (await (await request.get(`${API_ORIGIN}/demo/config.json`)).json()) as {
    channelId: string;
    communityId: string;
    sampleAnalysisId: string;
  };
  const grant = ((await (await request.post(`${API_ORIGIN}/demo/token`)).json()) as { data: Grant }).data;

  const failures: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') failures.push(m.text());
  });
  await page.goto(`${PAGE_ORIGIN}${PAGE}`);

  const result = await page.evaluate(
    async ({ module, api, token, sender, analysisId }) => {
      const { createApiClient } = (await import(module)) as typeof import('../../src/sync/index');
      const client = createApiClient({ baseUrl: api, apiKey: token });
      const before = await client.get(analysisId);
      const title = `Edited from ${location.origin}`;
      const updated = await client.update(
        analysisId,
        { sender, metadata: { title } },
        { ifMatch: before.version as number },
      );
      const after = await client.get(analysisId);
      return {
        origin: location.origin,
        beforeVersion: before.version,
        updated: updated.data,
        updatedVersion: updated.version,
        afterVersion: after.version,
        afterTitle: after.data.metadata.title,
      };
    },
    {
      module: SYNC_MODULE,
      api: API_ORIGIN,
      token: grant.token,
      sender: grant.sender,
      analysisId: config.sampleAnalysisId,
    },
  );

  expect(result.origin).toBe(PAGE_ORIGIN);
  expect(result.origin).not.toBe(API_ORIGIN);
  // ETag read across origins: without Access-Control-Expose-Headers the versions are undefined.
  expect(typeof result.beforeVersion).toBe('number');
  expect(result.updatedVersion).toBe((result.beforeVersion as number) + 1);
  expect(result.updated).toEqual({
    analysisId: config.sampleAnalysisId,
    updatedFields: ['title'],
    version: (result.beforeVersion as number) + 1,
  });
  expect(result.afterVersion).toBe(result.updatedVersion);
  expect(result.afterTitle).toBe(`Edited from ${PAGE_ORIGIN}`);
  expect(failures).toEqual([]);
});

test('an origin that is not configured is blocked by the browser', async ({ page, request }) => {
  const grant = ((await (await request.post(`${API_ORIGIN}/demo/token`)).json()) as { data: Grant }).data;
  const config = (await (await request.get(`${API_ORIGIN}/demo/config.json`)).json()) as {
    sampleAnalysisId: string;
  };
  // localhost is another origin than the configured 127.0.0.1 one.
  const unlisted = PAGE_ORIGIN.replace('127.0.0.1', 'localhost');
  await page.goto(`${unlisted}${PAGE}`);
  const outcome = await page.evaluate(
    async ({ url, token }) => {
      try {
        await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        return 'read';
      } catch {
        return 'blocked';
      }
    },
    { url: `${API_ORIGIN}/v1/analysis/${config.sampleAnalysisId}`, token: grant.token },
  );
  expect(outcome).toBe('blocked');
});
