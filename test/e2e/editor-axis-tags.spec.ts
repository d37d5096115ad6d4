// Issue 17 item 4: the selected drawing's prices and times are tagged on the chart's axes in the
// drawing's colour, where lightweight-charts itself puts those prices and times.
import { expect, type Page, test } from '@playwright/test';
import { keepScreenshot, nextFrames, openEditor, seconds } from './editor-page';

interface Cm {
  chart: {
    timeScale(): { timeToCoordinate(t: number): number | null; height(): number };
    priceScale(side: string): { width(): number };
  };
  series: { priceToCoordinate(p: number): number | null };
  editor: { select(ids: string[]): void; clearSelection(): void };
}

/** RGB of the overlay's pixel at pane coordinates (x, y), read from its interactive layer. */
function overlayPixel(page: Page, x: number, y: number): Promise<[number, number, number, number]> {
  return page.evaluate(
    ({ x, y }) => {
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.chartmark-overlay canvas')];
      const layer = canvases[canvases.length - 1]!;
      const ratio = layer.width / layer.getBoundingClientRect().width;
      const d = layer.getContext('2d')!.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!, d[3]!] as [number, number, number, number];
    },
    { x, y },
  );
}

test('the selected line is tagged on the price axis at its prices and on the time axis at its times, in its colour', async ({
  page,
}, testInfo) => {
  await openEditor(page);
  // "entry_line" (demo/sample-analysis.json): #0000FF from 1.3485 on 2026-01-08 00:00 to 1.3505 on 2026-01-09 00:00.
  const points = [
    { time: seconds('2026-01-08T00:00:00Z'), price: 1.3485 },
    { time: seconds('2026-01-09T00:00:00Z'), price: 1.3505 },
  ];
  const where = () =>
    page.evaluate((points) => {
      const cm = (window as never as { chartmark: Cm }).chartmark;
      return {
        paneHeight: document.querySelector('.chartmark-overlay canvas')!.getBoundingClientRect().height,
        ys: points.map((p) => cm.series.priceToCoordinate(p.price)),
        xs: points.map((p) => cm.chart.timeScale().timeToCoordinate(p.time)),
      };
    }, points);
  const blue = (px: number[]) => px[0]! < 40 && px[1]! < 40 && px[2]! > 200 && px[3]! > 200;

  await page.evaluate(() => (window as never as { chartmark: Cm }).chartmark.editor.clearSelection());
  await nextFrames(page);
  const before = await where();
  const paneWidth = await page.evaluate(() => {
    const cm = (window as never as { chartmark: Cm }).chartmark;
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.chartmark-overlay canvas')];
    return (
      canvases[canvases.length - 1]!.getBoundingClientRect().width - cm.chart.priceScale('right').width()
    );
  });
  const paneHeight = await page.evaluate(() => {
    const cm = (window as never as { chartmark: Cm }).chartmark;
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.chartmark-overlay canvas')];
    return canvases[canvases.length - 1]!.getBoundingClientRect().height - cm.chart.timeScale().height();
  });
  for (const y of before.ys) expect(blue(await overlayPixel(page, paneWidth + 3, y!))).toBe(false);

  await page.evaluate(() => (window as never as { chartmark: Cm }).chartmark.editor.select(['entry_line']));
  await nextFrames(page);
  const { ys, xs } = await where();
  for (const y of ys) {
    expect(y).not.toBeNull();
    expect(blue(await overlayPixel(page, paneWidth + 3, y!)), `price tag at y ${y}`).toBe(true);
  }
  for (const x of xs) {
    expect(x).not.toBeNull();
    expect(blue(await overlayPixel(page, x!, paneHeight + 6)), `time tag at x ${x}`).toBe(true);
  }
  await keepScreenshot(page, testInfo, 'editor-axis-tags');
});
