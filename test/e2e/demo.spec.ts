import { expect, test } from '@playwright/test';
import { keepScreenshot, openEditor } from './editor-page';

test('the demo page shows the GBP/USD chart editor with every demo candle and the example analysis', async ({
  page,
}, testInfo) => {
  const errors = await openEditor(page);
  const chart = page.getByRole('application', { name: 'GBP/USD H1 chart editor' });
  await expect(chart.locator('canvas').first()).toBeVisible();
  await expect(chart).toHaveAttribute('tabindex', '0');
  const counts = await page.evaluate(() => {
    const w = window as unknown as {
      chartmark: {
        series: { data(): unknown[] };
        editor: { getState(): { drawings: unknown[]; levels: object } };
      };
    };
    const s = w.chartmark.editor.getState();
    return {
      bars: w.chartmark.series.data().length,
      drawings: s.drawings.length,
      levels: Object.keys(s.levels).sort(),
    };
  });
  expect(counts).toEqual({ bars: 264, drawings: 3, levels: ['pivot', 'resistance', 'support'] });
  for (const name of [
    'Select',
    'Horizontal line',
    'Line',
    'Rectangle',
    'Parallel channel',
    'Fibonacci retracement',
    'Undo',
    'Redo',
    'Delete',
  ]) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Line', exact: true })).toHaveAttribute(
    'title',
    'Line (Alt+T)',
  );
  await keepScreenshot(page, testInfo, 'editor-loaded');
  expect(errors).toEqual([]);
});
