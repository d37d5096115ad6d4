// Issue 17 item 9: an axe-core scan of the demo's editor page and channel page (the offline
// sample post and the reference server's feed) finds no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { openEditor } from './editor-page';

// An axe scan of the whole editor page takes 10–20 s on two busy cores; the editor test runs two.
test.describe.configure({ timeout: 90_000 });

const SYNC_URL = `http://127.0.0.1:${Number(process.env.E2E_SYNC_PORT ?? 5198)}`;

/** Serious and critical violations, one line each, with the first offending elements. */
async function seriousViolations(page: Page, testInfo: TestInfo, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  await testInfo.attach(`${name}-axe.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  await testInfo.attach(`${name}.png`, { body: await page.screenshot(), contentType: 'image/png' });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

test('the editor page has no serious or critical axe violation', async ({ page }, testInfo) => {
  await openEditor(page);
  expect(await seriousViolations(page, testInfo, 'editor')).toEqual([]);
  // With a drawing selected the style panel shows its controls: scanned too.
  await page.locator('.cm-chart').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  expect(await seriousViolations(page, testInfo, 'editor-selected')).toEqual([]);
});

test('the channel page with the offline sample post has no serious or critical axe violation', async ({
  page,
}, testInfo) => {
  await page.goto('/channel.html');
  await expect(page.locator('.post')).toHaveCount(1);
  await expect(page.locator('.post .chart canvas').first()).toBeVisible();
  expect(await seriousViolations(page, testInfo, 'channel')).toEqual([]);
});

test('the channel page served with the reference server has no serious or critical axe violation', async ({
  page,
}, testInfo) => {
  await page.goto(`${SYNC_URL}/channel.html`);
  await expect
    .poll(() =>
      page.evaluate(
        () => (window as never as { chartmarkChannel?: { source: string } }).chartmarkChannel?.source,
      ),
    )
    .toBe('server');
  expect(await seriousViolations(page, testInfo, 'channel-server')).toEqual([]);
});
