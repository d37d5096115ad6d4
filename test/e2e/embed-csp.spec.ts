// Under a Content-Security-Policy without 'unsafe-inline' (demo/e2e/csp.html) the editor is
// styled and its cursors show: its stylesheets are adopted, never injected as <style>.
import { expect, test } from '@playwright/test';
import { keepScreenshot } from './editor-page';

test('a strict CSP page: no style violation, the theme and the cursor rules apply', async ({
  page,
}, testInfo) => {
  await page.goto('/e2e/csp.html');
  await expect(page.locator('#editor canvas').first()).toBeVisible();
  const styled = await page.evaluate(() => {
    const toolbar = document.querySelector('.cm-toolbar') as HTMLElement;
    const chart = document.querySelector('.cm-chart') as HTMLElement;
    chart.dataset.cmCursor = 'crosshair';
    const cursor = getComputedStyle(chart.querySelector('canvas') as HTMLCanvasElement).cursor;
    delete chart.dataset.cmCursor;
    return {
      toolbar: getComputedStyle(toolbar).backgroundColor,
      overflowX: getComputedStyle(toolbar).overflowX,
      cursor,
      styleElements: document.querySelectorAll('style').length,
    };
  });
  // The dark theme's --cm-surface (#1e222d) and the rules of the embed's and the overlay's sheets.
  expect(styled).toEqual({
    toolbar: 'rgb(30, 34, 45)',
    overflowX: 'auto',
    cursor: 'crosshair',
    styleElements: 0,
  });
  const violations = await page.evaluate(
    () => (window as unknown as { cspPage: { violations: string[] } }).cspPage.violations,
  );
  // Only eval probes remain (zod's and the schema fast path's, which fall back to plain parsing).
  expect(violations.filter((v) => !v.startsWith('script-src: eval'))).toEqual([]);
  await keepScreenshot(page, testInfo, 'strict-csp');
});
