// Issue 17 item 2: the drawing under the pointer shows its handles (pixels change at the handle,
// away from the pointer), and the cursor tells body (move), handle (a resize cursor along the
// drawing) and empty chart apart.
import { expect, type Page, test } from '@playwright/test';
import { keepScreenshot, nextFrames, openEditor, pointOf, seconds, toPage } from './editor-page';

const around = async (page: Page, p: { x: number; y: number }) => {
  await nextFrames(page, 3);
  return page.screenshot({ clip: { x: p.x - 8, y: p.y - 8, width: 16, height: 16 } });
};

test('hover shows the handles; cursors differ for body, handle and empty chart', async ({
  page,
}, testInfo) => {
  await openEditor(page);
  // The crosshair would cross the handle too: hide it so only the overlay is compared.
  await page.evaluate(() =>
    (
      window as never as { chartmark: { chart: { applyOptions(o: object): void } } }
    ).chartmark.chart.applyOptions({
      crosshair: { mode: 2 },
    }),
  );
  const chart = page.getByRole('application');
  // "target" is a horizontal line at 1.355 whose one point (its handle) is at 2026-01-08 10:00.
  const handle = await pointOf(page, 'target', 0);
  const body = await toPage(page, seconds('2026-01-13T10:00:00Z'), 1.355);
  const empty = await toPage(page, seconds('2026-01-13T10:00:00Z'), 1.3595);

  await page.mouse.move(empty.x, empty.y);
  await expect(chart).not.toHaveAttribute('data-cm-cursor', /.+/);
  const idle = await around(page, handle);
  await page.mouse.move(body.x, body.y);
  await expect(chart).toHaveAttribute('data-cm-cursor', 'move');
  const hovered = await around(page, handle);
  expect(hovered.equals(idle)).toBe(false);
  await keepScreenshot(page, testInfo, 'hover-handles');
  await page.mouse.move(empty.x, empty.y);
  expect((await around(page, handle)).equals(idle)).toBe(true);

  // Handles: the horizontal line's resizes vertically; the entry line's ends along the line on
  // screen: left-right within 22.5° of level, NE–SW when it rises more steeply to the right.
  await page.mouse.move(handle.x, handle.y);
  await expect(chart).toHaveAttribute('data-cm-cursor', 'ns-resize');
  const start = await pointOf(page, 'entry_line', 0);
  const end = await pointOf(page, 'entry_line', 1);
  const degrees = (Math.atan2(start.y - end.y, end.x - start.x) * 180) / Math.PI;
  expect(degrees).toBeGreaterThan(0);
  await page.mouse.move(empty.x, empty.y);
  await page.mouse.move(end.x, end.y);
  await expect(chart).toHaveAttribute('data-cm-cursor', degrees <= 22.5 ? 'ew-resize' : 'nesw-resize');
  // Not the body's "move": a handle reads as resize.
  await expect(chart).not.toHaveAttribute('data-cm-cursor', 'move');
});
