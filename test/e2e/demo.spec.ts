import { expect, test } from '@playwright/test';

test('the demo page shows the GBP/USD chart with every demo candle', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/');
  await expect(page.getByLabel('GBP/USD H1 chart').locator('canvas').first()).toBeVisible();
  const bars = await page.evaluate(() => {
    const w = window as unknown as { chartmark: { series: { data(): unknown[] } } };
    return w.chartmark.series.data().length;
  });
  expect(bars).toBe(264);
  expect(errors).toEqual([]);
});
