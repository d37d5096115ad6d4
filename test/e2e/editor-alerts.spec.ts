// Crossing alerts in the editor embed: the viewer marks the selected drawing "alert me" on screen;
// live bars fed through the editor handle show a notice for a marked drawing only, and the mark
// never leaves the browser.
import { expect, test } from '@playwright/test';
import { clickChart, keepScreenshot, openEditor, seconds, selection } from './editor-page';

type Bar = { time: number; open: number; high: number; low: number; close: number };
type EditorWindow = {
  chartmark: {
    handle: {
      updateCandle(bar: Bar): void;
      on(
        type: 'cross',
        fn: (e: { crossing: { drawingId: string; direction: string }; alert: boolean }) => void,
      ): void;
    };
  };
  crosses: [string, string, boolean][];
};

// The demo candles end at 2026-01-15T23:00Z with a close of 1.34717 (demo/candles.ts); the
// sample's "target" horizontal line sits at 1.355 (demo/sample-analysis.json).
const LAST = Date.UTC(2026, 0, 15, 23) / 1000;

test('the selected drawing is marked "alert me" on screen; only its crossings show a notice', async ({
  page,
}, testInfo) => {
  await openEditor(page);
  await page.evaluate(() => {
    const w = window as unknown as EditorWindow;
    w.crosses = [];
    w.chartmark.handle.on('cross', (e) =>
      w.crosses.push([e.crossing.drawingId, e.crossing.direction, e.alert]),
    );
  });
  const feed = (bar: Bar) =>
    page.evaluate((b) => (window as unknown as EditorWindow).chartmark.handle.updateCandle(b), bar);
  const crosses = () => page.evaluate(() => (window as unknown as EditorWindow).crosses);
  const notices = page.locator('.cm-alerts .cm-alert');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));

  // Nothing selected: the toggle has nothing to mark.
  const anyToggle = page.locator('.cm-alerts .cm-alert-toggle');
  await expect(anyToggle).toBeDisabled();
  // Up through the target (1.34717 → 1.3565) while nothing is marked: an event, no notice.
  await feed({ time: LAST + 3600, open: 1.34717, high: 1.3565, low: 1.3465, close: 1.356 });
  await expect.poll(crosses).toContainEqual(['target', 'UP', false]);
  await expect(notices).toHaveCount(0);

  await clickChart(page, seconds('2026-01-12T10:00:00Z'), 1.355);
  expect(await selection(page)).toEqual(['target']);
  const toggle = page.getByRole('button', { name: 'Alert me: Horizontal line target' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // A second horizontal line at 1.35, left unmarked.
  await page.getByRole('button', { name: 'Horizontal line', exact: true }).click();
  await clickChart(page, seconds('2026-01-13T10:00:00Z'), 1.35);
  const added = (await selection(page))[0]!;
  expect(added).not.toBe('target');

  // Back down through the target and the new line on the next bar: both cross, only the
  // marked target is announced.
  await feed({ time: LAST + 7200, open: 1.356, high: 1.3562, low: 1.3455, close: 1.346 });
  await expect.poll(crosses).toContainEqual([added, 'DOWN', false]);
  expect((await crosses()).filter(([, , alert]) => alert)).toEqual([['target', 'DOWN', true]]);
  await expect(notices).toHaveText(['Horizontal line target crossed downward at 1.35500']);

  // The mark is kept in this browser, per analysis (a local editor's is "local") and drawing id.
  const stored = await page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('chartmark:alerts:'))
        .map((k) => [k, localStorage.getItem(k)]),
    ),
  );
  expect(stored).toEqual({ 'chartmark:alerts:local': '["target"]' });
  // Marking and alerting sent nothing anywhere.
  expect(requests).toEqual([]);

  // Another selection shows that drawing's own (unmarked) state.
  await page.keyboard.press('Escape');
  await expect(anyToggle).toBeDisabled();
  await keepScreenshot(page, testInfo, 'editor-alert-notice');
});
