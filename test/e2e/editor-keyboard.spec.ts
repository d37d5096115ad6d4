// Issue 17 item 9: a whole session without a mouse — Tab into the chart, draw a line with the
// keyboard crosshair and Enter twice, walk to it, nudge it, delete it, undo — checked against the
// saved document and lightweight-charts' own coordinates, with the live region read at each step.
// Expected sentences follow the wording; dates are written here in UTC ("8 Jan 10:00").
import { expect, type Page, test } from '@playwright/test';
import { exported, keepScreenshot, nextFrames, openEditor, seconds } from './editor-page';

type Cm = {
  chartmark: {
    chart: {
      timeScale(): { timeToCoordinate(t: number): number | null; width(): number };
    };
    series: {
      data(): readonly { time: number; close: number }[];
      priceToCoordinate(price: number): number | null;
    };
    editor: {
      getState(): {
        keyboard: { focus: string | null; cursor: { time: number; price: number } | null };
        selection: readonly string[];
        tool: string;
      };
    };
  };
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "8 Jan 10:00" in UTC. */
const dayTime = (t: number): string => {
  const d = new Date(t * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
};
const state = (page: Page) =>
  page.evaluate(() => {
    const s = (window as never as Cm).chartmark.editor.getState();
    return { keyboard: s.keyboard, selection: [...s.selection], tool: s.tool };
  });
const live = (page: Page) => page.locator('.cm-live');

test('a keyboard-only session: Tab in, draw a line with Enter twice, walk, nudge, delete, undo', async ({
  page,
}, testInfo) => {
  const errors = await openEditor(page);
  const before = await exported(page);

  // Tab from the top of the page until the chart has focus: it has a name and a visible ring.
  const chart = page.locator('.cm-chart');
  for (let i = 0; i < 40 && !(await chart.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(chart).toBeFocused();
  await expect(chart).toHaveAttribute('aria-label', /chart editor$/);
  expect(await chart.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

  // The line tool by its hotkey; the first arrow shows the crosshair on the bar in the middle of
  // the view at its close: the bar whose centre lightweight-charts puts within half a bar spacing
  // of the pane's middle pixel (when the middle falls between two bars, either is the middle).
  await page.keyboard.press('Alt+t');
  expect((await state(page)).tool).toBe('LINE');
  await page.keyboard.press('ArrowRight');
  const cursor = (await state(page)).keyboard.cursor!;
  const start = await page.evaluate((cursor) => {
    const cm = (window as never as Cm).chartmark;
    const ts = cm.chart.timeScale();
    const bars = cm.series.data();
    const i = bars.findIndex((b) => b.time === cursor.time);
    const x = ts.timeToCoordinate(cursor.time)!;
    const spacing = ts.timeToCoordinate(bars[i + 1]!.time)! - x;
    return {
      i,
      offMiddle: Math.abs(x - ts.width() / 2) - spacing / 2,
      time: bars[i]!.time,
      close: bars[i]!.close,
      next5: bars[i + 5]!.time,
    };
  }, cursor);
  expect(start.i).toBeGreaterThanOrEqual(0);
  expect(start.offMiddle).toBeLessThanOrEqual(0.01);
  expect(cursor).toEqual({ time: start.time, price: start.close });
  await expect(live(page)).toHaveText(`Crosshair at ${start.close.toFixed(5)} on ${dayTime(start.time)}`);

  await page.keyboard.press('Enter');
  await expect(live(page)).toHaveText(`Point 1 of 2 at ${start.close.toFixed(5)} on ${dayTime(start.time)}`);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  // Shift+Up: ten ticks of the series' 5 decimals.
  await page.keyboard.press('Shift+ArrowUp');
  const endPrice = Number((start.close + 0.0001).toFixed(5));
  await page.keyboard.press('Enter');
  await expect(live(page)).toHaveText(
    `Line added from ${start.close.toFixed(5)} on ${dayTime(start.time)} to ${endPrice.toFixed(5)} on ${dayTime(start.next5)}`,
  );
  const drawn = (await exported(page)).filter(
    (d) => !before.some((b) => b.clientObjectId === d.clientObjectId),
  );
  expect(drawn).toHaveLength(1);
  const line = drawn[0]!;
  expect(line.type).toBe('LINE');
  expect(line.points.map((p) => [seconds(p.time), p.price])).toEqual([
    [start.time, start.close],
    [start.next5, endPrice],
  ]);
  expect((await state(page)).selection).toEqual([line.clientObjectId]);
  await nextFrames(page);
  await keepScreenshot(page, testInfo, 'keyboard-line-drawn');

  // Escape leaves the selection; the arrows walk the drawings until they reach the new line.
  await page.keyboard.press('Escape');
  await expect(live(page)).toHaveText('Selection cleared');
  const name = `Line ${Number(/_(\d+)$/.exec(line.clientObjectId)![1])}`;
  for (let i = 0; i < 20 && (await state(page)).keyboard.focus !== line.clientObjectId; i++)
    await page.keyboard.press('ArrowRight');
  expect((await state(page)).keyboard.focus).toBe(line.clientObjectId);
  await expect(live(page)).toHaveText(new RegExp(`^${name}, Line from `));
  await page.keyboard.press('Enter');
  await expect(live(page)).toHaveText(`${name} selected`);

  // A nudge up moves a whole number of ticks, at least one, and the line up on the chart.
  const yBefore = await page.evaluate(
    (p) => (window as never as Cm).chartmark.series.priceToCoordinate(p),
    line.points[0]!.price,
  );
  await page.keyboard.press('ArrowUp');
  const nudged = (await exported(page)).find((d) => d.clientObjectId === line.clientObjectId)!;
  const ticks = Math.round((nudged.points[0]!.price - line.points[0]!.price) * 1e5);
  expect(ticks).toBeGreaterThanOrEqual(1);
  expect(nudged.points[0]!.price).toBe(Number((line.points[0]!.price + ticks / 1e5).toFixed(5)));
  expect(nudged.points[1]!.price).toBe(Number((line.points[1]!.price + ticks / 1e5).toFixed(5)));
  const yAfter = await page.evaluate(
    (p) => (window as never as Cm).chartmark.series.priceToCoordinate(p),
    nudged.points[0]!.price,
  );
  expect(yAfter!).toBeLessThan(yBefore!);
  await expect(live(page)).toHaveText(
    `Line from ${line.points[0]!.price.toFixed(5)} on ${dayTime(start.time)} to ${line.points[1]!.price.toFixed(5)} on ${dayTime(start.next5)} moved to ${nudged.points[0]!.price.toFixed(5)} on ${dayTime(start.time)} to ${nudged.points[1]!.price.toFixed(5)} on ${dayTime(start.next5)}`,
  );

  // Delete, then undo brings the nudged line back.
  await page.keyboard.press('Delete');
  await expect(live(page)).toHaveText('Line deleted');
  expect((await exported(page)).some((d) => d.clientObjectId === line.clientObjectId)).toBe(false);
  await page.keyboard.press('Control+z');
  await expect(live(page)).toHaveText(
    `Undo: Line added from ${nudged.points[0]!.price.toFixed(5)} on ${dayTime(start.time)} to ${nudged.points[1]!.price.toFixed(5)} on ${dayTime(start.next5)}`,
  );
  const back = (await exported(page)).find((d) => d.clientObjectId === line.clientObjectId)!;
  expect(back.points).toEqual(nudged.points);
  await expect(live(page)).toHaveAttribute('aria-live', 'polite');
  await keepScreenshot(page, testInfo, 'keyboard-session-end');
  expect(errors).toEqual([]);
});
