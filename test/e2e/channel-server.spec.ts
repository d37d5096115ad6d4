// The Channel page against the real reference server (the second webServer of
// playwright.config.ts): an analysis created through the API appears as the newest post, read
// back through List and Get with the page's own token, and its title stays text.
import { expect, test } from '@playwright/test';
import { authOf, demoConfig, freshAnalysis } from './demo-server';

const SYNC_URL = `http://127.0.0.1:${Number(process.env.E2E_SYNC_PORT ?? 5198)}`;
test.use({ baseURL: SYNC_URL });

test('the channel page lists what the server holds, newest first, titles as text', async ({
  page,
  request,
}, testInfo) => {
  const config = await demoConfig(request);
  const title = `<img src=x onerror="window.__xss=1"> e2e ${testInfo.testId}`;
  await freshAnalysis(request, config, { title });
  const listed = await request.get(`/v1/analysis/${config.communityId}/channels/${config.channelId}`, {
    headers: authOf(config),
  });
  const total = (await listed.json()).data.total as number;

  await page.goto('/channel.html');
  await expect
    .poll(() =>
      page.evaluate(
        () => (window as never as { chartmarkChannel?: { source: string } }).chartmarkChannel?.source,
      ),
    )
    .toBe('server');
  await expect(page.locator('#source')).toHaveText(
    `${total} ${total === 1 ? 'analysis' : 'analyses'} in this channel, from the reference server.`,
  );
  // Newest first: the one just created heads the feed, its title shown verbatim and never run.
  await expect(page.locator('#feed > li').first().locator('h2')).toHaveText(title);
  await expect(page.locator('#feed > li').first().locator('.chart canvas').first()).toBeVisible();
  expect(await page.evaluate(() => (window as never as { __xss?: number }).__xss)).toBeUndefined();
  await testInfo.attach('channel from the server', {
    body: await page.screenshot(),
    contentType: 'image/png',
  });
});
