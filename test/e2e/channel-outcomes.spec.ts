// The Channel page's outcomes beside the feed. The sample analysis (BULLISH, BELOW_CURRENT;
// support 1.341, pivot 1.345, resistance 1.35; created 2026-01-08 15:00Z) on the demo candles:
// the 20:00 bar's low 1.34435 reaches the pivot (entry 1.345), the 2026-01-09 02:00 bar's low
// 1.34058 reaches the stop 1.341 first: STOPPED, (1.341 − 1.345) / |1.345 − 1.341| = −1R.
import { expect, test } from '@playwright/test';

test('the channel page shows closed ideas, hit rate and average R per sender beside the feed', async ({
  page,
}, testInfo) => {
  await page.goto('/channel.html');
  const aside = page.getByRole('complementary', { name: 'Outcomes per sender' });
  await expect(aside.locator('thead th')).toHaveText(['Sender', 'Closed', 'Hit rate', 'Avg R']);
  await expect(aside.locator('tbody tr td')).toHaveText(['pangray2025+t5@gmail.com', '1', '0 %', '-1.00']);
  // Beside, not below, at this width.
  const feed = await page.locator('#feed').boundingBox();
  const box = await aside.boundingBox();
  expect(box!.x).toBeGreaterThan(feed!.x + feed!.width - 1);
  await testInfo.attach('channel with outcomes', { body: await page.screenshot(), contentType: 'image/png' });
});
