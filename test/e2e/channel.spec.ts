import { expect, type Locator, test } from '@playwright/test';

type ChannelWindow = {
  chartmarkChannel: { source: string; views: { primitive: { highlighted(): string | null } }[] };
};

/** A screenshot of `el` once two in a row are equal (the chart and its drawings have painted). */
async function settledShot(el: Locator): Promise<Buffer> {
  let last = await el.screenshot();
  await expect
    .poll(async () => {
      const next = await el.screenshot();
      const same = next.equals(last);
      last = next;
      return same;
    })
    .toBe(true);
  return last;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/channel.html');
  await expect(page.locator('.post')).toHaveCount(1);
});

test('the Channel page shows the bundled sample analysis as a post, labelled as the offline sample', async ({
  page,
}) => {
  await expect(page.locator('#source')).toContainText('Offline sample');
  const post = page.locator('.post').first();
  await expect(post.locator('h2')).toHaveText('GBPUSD Bullish Bounce from Support');
  await expect(post.locator('.author')).toHaveText('pangray2025+t5@gmail.com');
  await expect(post.locator('.badge').first()).toHaveText('Bullish bounce');
  await expect(post.locator('.chart canvas').first()).toBeVisible();
  await expect(post.locator('button.cm-ref')).toHaveText(['demand zone', 'breakout level', 'resistance']);
  await expect(page.locator('#page-info')).toHaveText('Page 1 of 1');
});

test('hovering a reference highlights its drawing on the chart', async ({ page }, testInfo) => {
  const chart = page.locator('.post .chart');
  await page.waitForFunction(() => (window as unknown as ChannelWindow).chartmarkChannel?.views.length === 1);
  const before = await settledShot(chart);
  await page.getByRole('button', { name: 'breakout level' }).hover();
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as ChannelWindow).chartmarkChannel.views[0]!.primitive.highlighted(),
      ),
    )
    .toBe('entry_line');
  // The highlight is painted on a later frame: poll for the pixels instead of sleeping.
  await expect.poll(async () => (await chart.screenshot()).equals(before)).toBe(false);
  await testInfo.attach('highlighted entry line', {
    body: await page.locator('.post').screenshot(),
    contentType: 'image/png',
  });
  await page.mouse.move(0, 0);
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as ChannelWindow).chartmarkChannel.views[0]!.primitive.highlighted(),
      ),
    )
    .toBeNull();
});

test('Tab reaches every reference, in text order, and focus highlights it', async ({ page }) => {
  const keys: string[] = [];
  for (let i = 0; i < 20 && keys.length < 3; i++) {
    await page.keyboard.press('Tab');
    const key = await page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.dataset.key ?? null,
    );
    if (key) {
      keys.push(key);
      const lit = await page.evaluate(() =>
        (window as unknown as ChannelWindow).chartmarkChannel.views[0]!.primitive.highlighted(),
      );
      expect(lit).toBe(key);
    }
  }
  expect(keys).toEqual(['support_zone', 'entry_line', 'target']);
});
