// Issue 17 item 1: the crosshair follows the magnet — free when Off, on the bar's nearest O/H/L/C
// when weak (within 10 px) or strong — and a click lands where it says. The crosshair's price is
// read from lightweight-charts itself (its crosshairMove point through series.coordinateToPrice).
import { expect, type Page, test } from '@playwright/test';
import { keepScreenshot, nextFrames, openEditor, seconds, toChart, toPage } from './editor-page';

type Bar = { time: number; open: number; high: number; low: number; close: number };
type Cm = {
  chartmark: {
    chart: {
      subscribeCrosshairMove(fn: (p: { point?: { x: number; y: number }; time?: number }) => void): void;
    };
    series: { coordinateToPrice(y: number): number | null; data(): readonly Bar[] };
    editor: {
      getState(): {
        selection: string[];
        byId: Record<string, { points: { time: number; price: number }[] }>;
      };
    };
  };
  crosshair: { y: number; time: number } | null;
};

// Where lightweight-charts draws its crosshair: the horizontal line's row on the pane's top canvas
// (made solid for the test), read back to a price by the series; the time from the vertical line's
// column through the time scale. A synthetic position (setCrosshairPosition) fires no event, so the
// pixels are the only honest reading.
async function crosshairAt(page: Page, x: number, y: number): Promise<{ price: number; time: number }> {
  await page.mouse.move(x, y);
  await nextFrames(page, 3);
  return page.evaluate(() => {
    const w = window as never as Cm & {
      chartmark: {
        chart: { chartElement(): HTMLElement; timeScale(): { coordinateToTime(x: number): number | null } };
      };
    };
    const pane = [...w.chartmark.chart.chartElement().querySelectorAll('canvas')]
      .filter((c) => c.width > 200 && c.height > 200)
      .at(1) as HTMLCanvasElement;
    const ctx = pane.getContext('2d')!;
    const ratio = pane.width / pane.getBoundingClientRect().width;
    const img = ctx.getImageData(0, 0, pane.width, pane.height).data;
    const alpha = (cx: number, cy: number) => img[(cy * pane.width + cx) * 4 + 3]!;
    let row = -1;
    for (let cy = 0; cy < pane.height && row < 0; cy++) if (alpha(2, cy) > 0) row = cy;
    let col = -1;
    for (let cx = 0; cx < pane.width && col < 0; cx++) if (alpha(cx, 2) > 0) col = cx;
    return {
      price: w.chartmark.series.coordinateToPrice((row + 0.5) / ratio)!,
      time: w.chartmark.chart.timeScale().coordinateToTime((col + 0.5) / ratio)!,
    };
  });
}

async function placeHorizontalLine(
  page: Page,
  x: number,
  y: number,
): Promise<{ price: number; time: number }> {
  await page.getByRole('button', { name: 'Horizontal line', exact: true }).click();
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
  await nextFrames(page);
  return page.evaluate(() => {
    const s = (window as never as Cm).chartmark.editor.getState();
    return s.byId[s.selection[0]!]!.points[0]!;
  });
}

test('the crosshair shows the price and time a click places, for each magnet mode', async ({
  page,
}, testInfo) => {
  await openEditor(page);
  // Solid crosshair lines, so one pixel column and row find them.
  await page.evaluate(() =>
    (
      window as never as { chartmark: { chart: { applyOptions(o: object): void } } }
    ).chartmark.chart.applyOptions({
      crosshair: { vertLine: { style: 0, width: 1 }, horzLine: { style: 0, width: 1 } },
    }),
  );
  const barTime = seconds('2026-01-13T10:00:00Z');
  const bar = await page.evaluate(
    (t) => (window as never as Cm).chartmark.series.data().find((b) => b.time === t)!,
    barTime,
  );
  const ohlc = [bar.open, bar.high, bar.low, bar.close];
  const magnet = page.getByRole('combobox', { name: 'Magnet' });
  // A point 30 px above the bar's high: free space for Off and weak, snapped to the high by strong.
  const high = await toPage(page, barTime, bar.high);
  const free = { x: high.x, y: high.y - 30 };
  // Inside the weak radius: 4 px above the high.
  const near = { x: high.x, y: high.y - 4 };
  // The crosshair is read to a pixel; stored prices are rounded to the demo's 5 decimals.
  const px = (await toChart(page, free.x, free.y)).pricePerPx;
  const tol = px + 0.5e-5;

  await magnet.selectOption('off');
  const off = await crosshairAt(page, free.x, free.y);
  // Free: about 30 px above the high, not on any O/H/L/C (lightweight-charts' own magnet would
  // put it on the close).
  for (const v of ohlc) expect(Math.abs(off.price - v)).toBeGreaterThan(20 * px);
  const offPlaced = await placeHorizontalLine(page, free.x, free.y);
  expect(Math.abs(offPlaced.price - off.price)).toBeLessThanOrEqual(tol);
  // The chart shows bar times only: the vertical line is on the bar nearest the placed time.
  expect(off.time).toBe(barTime);
  expect(Math.abs(offPlaced.time - off.time)).toBeLessThanOrEqual(1800);
  await page.keyboard.press('Escape');

  await magnet.selectOption('strong');
  const strong = await crosshairAt(page, free.x, free.y);
  expect(Math.abs(strong.price - bar.high)).toBeLessThanOrEqual(px);
  expect(strong.time).toBe(barTime);
  const strongPlaced = await placeHorizontalLine(page, free.x, free.y);
  expect(strongPlaced).toEqual({ time: barTime, price: bar.high });
  await page.keyboard.press('Escape');

  await magnet.selectOption('weak');
  const weakFree = await crosshairAt(page, free.x, free.y);
  expect(Math.abs(weakFree.price - off.price)).toBeLessThanOrEqual(px);
  const weak = await crosshairAt(page, near.x, near.y);
  expect(Math.abs(weak.price - bar.high)).toBeLessThanOrEqual(px);
  const weakPlaced = await placeHorizontalLine(page, near.x, near.y);
  expect(weakPlaced).toEqual({ time: barTime, price: bar.high });
  await page.mouse.move(near.x, near.y + 1);
  await keepScreenshot(page, testInfo, 'crosshair-weak-magnet');
});
