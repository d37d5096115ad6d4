// <chartmark-editor> and <chartmark-view> from a plain HTML page and from a React 19 page
// (demo/e2e/): data set as properties, the editor's events bubbling as CustomEvents, and the
// view previewing the editor's analysis without a server.
import { expect, type Page, test } from '@playwright/test';
import { keepScreenshot, nextFrames, seconds } from './editor-page';

/** Page coordinates of a chart point in the first <chartmark-editor>. */
function pointIn(page: Page, time: number, price: number) {
  return page.evaluate(
    ({ time, price }) => {
      const el = document.querySelector('chartmark-editor') as unknown as {
        editor: {
          chart: { chartElement(): HTMLElement };
          overlay: { viewport: { timeToX(t: number): number; priceToY(p: number): number } };
        };
      };
      const r = el.editor.chart.chartElement().getBoundingClientRect();
      return {
        x: r.left + el.editor.overlay.viewport.timeToX(time),
        y: r.top + el.editor.overlay.viewport.priceToY(price),
      };
    },
    { time, price },
  );
}

const viewDrawings = (page: Page) =>
  page.evaluate(() => {
    const v = document.querySelector('chartmark-view') as unknown as {
      analysis: { drawings: unknown[] } | null;
    };
    return v.analysis?.drawings.length ?? null;
  });

async function drawHorizontalLine(page: Page) {
  await page.getByRole('button', { name: 'Horizontal line', exact: true }).click();
  const p = await pointIn(page, seconds('2026-01-12T00:00:00Z'), 1.3445);
  await page.mouse.click(p.x, p.y);
  await nextFrames(page);
}

test('web components on a plain page: properties in, bubbling CustomEvents out, a live preview', async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/e2e/elements.html');
  await expect(page.locator('chartmark-editor canvas').first()).toBeVisible();
  await expect(page.locator('chartmark-view canvas').first()).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Drawing tools' })).toBeVisible();
  await expect.poll(() => viewDrawings(page)).toBe(3);
  await drawHorizontalLine(page);
  await expect.poll(() => viewDrawings(page)).toBe(4);
  const log = await page.evaluate(
    () =>
      (window as unknown as { elementsPage: { log: { type: string; target: string }[] } }).elementsPage.log,
  );
  // Heard on the document: the events bubbled out of the elements.
  expect(log).toContainEqual({ type: 'chartmark-ready', target: 'editor' });
  expect(log).toContainEqual({ type: 'chartmark-change', target: 'editor' });
  expect(log).toContainEqual({ type: 'chartmark-selection', target: 'editor' });
  expect(log).toContainEqual({ type: 'chartmark-ready', target: 'view' });
  expect(log.filter((e) => e.type === 'chartmark-error')).toEqual([]);
  // The preview takes the dark theme's colours from the CSS custom properties.
  const background = await page.evaluate(
    () =>
      (
        document.querySelector('chartmark-view') as unknown as {
          view: { chart: { options(): { layout: { background: { color: string } } } } };
        }
      ).view.chart.options().layout.background.color,
  );
  expect(background).toBe('#131722');
  await keepScreenshot(page, testInfo, 'elements-page');
  expect(errors).toEqual([]);
});

test('web components in React 19: JSX props become properties, onchartmark-… props hear the events', async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/e2e/react.html');
  await expect(page.locator('chartmark-editor canvas').first()).toBeVisible();
  await expect(page.locator('chartmark-view canvas').first()).toBeVisible();
  await expect.poll(() => viewDrawings(page)).toBe(3);
  await drawHorizontalLine(page);
  await expect(page.locator('#changes')).not.toHaveText('changes: 0');
  await expect.poll(() => viewDrawings(page)).toBe(4);
  await page.getByRole('button', { name: 'Theme: light' }).click();
  await expect(page.locator('chartmark-editor .cm-embed')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(
    () =>
      (
        document.querySelector('chartmark-editor') as unknown as {
          editor: { chart: { options(): { layout: { background: { color: string } } } } };
        }
      ).editor.chart.options().layout.background.color,
  );
  expect(background).toBe('#131722');
  await keepScreenshot(page, testInfo, 'react-page');
  expect(errors).toEqual([]);
});
