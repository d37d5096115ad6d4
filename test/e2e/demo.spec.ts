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

test('hotkeys pick tools from anywhere on the page but never fire while typing in a form', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Undo', exact: true }).focus();
  await page.keyboard.press('Alt+t');
  await expect(page.getByRole('button', { name: 'Line', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Select', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.evaluate(() => {
    (window as unknown as { chartmark: { editor: { select(ids: string[]): void } } }).chartmark.editor.select(
      ['target'],
    );
  });
  const title = page.getByLabel('Title');
  await title.click();
  await title.press('End');
  await title.press('Backspace');
  await title.press('Delete');
  await title.press('Alt+h');
  const state = await page.evaluate(() => {
    const s = (
      window as unknown as { chartmark: { editor: { getState(): { drawings: unknown[]; tool: string } } } }
    ).chartmark.editor.getState();
    return { drawings: s.drawings.length, tool: s.tool };
  });
  expect(state).toEqual({ drawings: 3, tool: 'select' });
  await expect(title).toHaveValue('GBPUSD Bullish Bounce from Suppor');
});
