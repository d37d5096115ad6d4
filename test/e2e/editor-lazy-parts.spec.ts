// The panel's parts (style panel, analysis form, alerts) and the analysis handed in are chunks of
// their own, loaded just after the chart is up (issue 12 item 7): once there they work as before,
// and a part whose code cannot be fetched says so in its place while the chart, the drawings and
// the other parts go on working.
import { expect, test } from '@playwright/test';
import { exported, keepScreenshot, nextFrames, openEditor, toPage } from './editor-page';

type Cm = { chartmark: { editor: { select(ids: string[]): void } } };
const t = (iso: string) => Date.parse(iso) / 1000;
const LINE = [
  [t('2026-01-14T06:00:00Z'), 1.3385],
  [t('2026-01-15T06:00:00Z'), 1.3425],
] as const;

test('the style panel, loaded after mount, restyles the selected drawing', async ({ page }, testInfo) => {
  const errors = await openEditor(page);
  const form = page.locator('form.cm-style');
  await expect(form).toBeVisible();
  await page.evaluate(() => (window as never as Cm).chartmark.editor.select(['entry_line']));
  await form.locator('select[name="lineWidth"]').selectOption('4');
  await expect
    .poll(async () => (await exported(page)).find((d) => d.clientObjectId === 'entry_line')?.style?.lineWidth)
    .toBe(4);
  // The analysis form came with its own chunk and edits the title.
  await page.locator('input[name="title"]').fill('Lazy title');
  await page.locator('input[name="title"]').blur();
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (
            window as never as { chartmark: { handle: { getAnalysis(): { metadata: { title?: string } } } } }
          ).chartmark.handle.getAnalysis().metadata.title,
      ),
    )
    .toBe('Lazy title');
  await keepScreenshot(page, testInfo, 'lazy-style-panel');
  expect(errors).toEqual([]);
});

test('a style panel whose code cannot be fetched says so, and drawing goes on', async ({
  page,
}, testInfo) => {
  await page.route(/\/src\/embed\/style-panel\.ts/, (route) => route.abort());
  await openEditor(page);
  const failed = page.locator('.cm-part-failed');
  await expect(failed).toHaveText(
    'Style of the selection could not be loaded. Your drawings are kept; reload the page to try again.',
  );
  await expect(failed).toHaveAttribute('role', 'alert');
  await expect(page.locator('form.cm-style')).toHaveCount(0);
  // The analysis handed in is all there, and the other parts are in place.
  expect((await exported(page)).map((d) => d.clientObjectId)).toEqual([
    'support_zone',
    'entry_line',
    'target',
  ]);
  await expect(page.locator('input[name="title"]')).toBeVisible();
  // Drawing a line with the mouse still works.
  await page.getByRole('button', { name: 'Line', exact: true }).click();
  for (const [time, price] of LINE) {
    const p = await toPage(page, time, price);
    await page.mouse.click(p.x, p.y);
    await nextFrames(page, 1);
  }
  await expect
    .poll(async () => (await exported(page)).map((d) => d.type))
    .toEqual(['RECTANGLE', 'LINE', 'HORIZONTAL_LINE', 'LINE']);
  await keepScreenshot(page, testInfo, 'lazy-style-panel-failed');
});
