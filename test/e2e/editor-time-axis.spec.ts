// Issue 17 item 4: the first label of the time axis is whole. The demo's candles start on
// 2026-01-01 00:00 UTC, a year boundary, so lightweight-charts' first tick mark is the bold year
// "2026" at the chart's left edge; centred on its bar it would be cut to "26". The expected width
// comes from the browser's own text measurement in lightweight-charts' font, not from our code.
import { expect, type Page, test } from '@playwright/test';
import { keepScreenshot, nextFrames, openEditor } from './editor-page';

interface Cm {
  chart: {
    chartElement(): HTMLElement;
    options(): { layout: { fontSize: number; fontFamily: string } };
    timeScale(): { fitContent(): void; height(): number };
  };
  series: { data(): { time: number }[] };
}

/** The leftmost run of ink on the time axis (device px) and the width "2026" takes in its bold font. */
function firstLabel(page: Page): Promise<{ start: number; width: number; expected: number; first: number }> {
  return page.evaluate(() => {
    const cm = (window as never as { chartmark: Cm }).chartmark;
    const rows = cm.chart.chartElement().querySelectorAll('tr');
    const axisCell = rows[rows.length - 1]!.querySelectorAll('td')[1]!;
    const canvases = [...axisCell.querySelectorAll('canvas')];
    const w = canvases[0]!.width;
    const h = canvases[0]!.height;
    // Ink: any pixel of the axis' canvases far from the background (read at the bottom-left corner).
    const layers = canvases.map((c) => c.getContext('2d')!.getImageData(0, 0, w, h).data);
    const bg = layers[0]!.slice((h - 1) * w * 4, (h - 1) * w * 4 + 4);
    const inked = (x: number): boolean => {
      // The label band: below the top border and tick marks, above the bottom edge.
      for (let y = Math.floor(h * 0.3); y < Math.floor(h * 0.9); y++) {
        for (const d of layers) {
          const i = (y * w + x) * 4;
          if (d[i + 3]! === 0) continue;
          if (Math.abs(d[i]! - bg[0]!) + Math.abs(d[i + 1]! - bg[1]!) + Math.abs(d[i + 2]! - bg[2]!) > 150)
            return true;
        }
      }
      return false;
    };
    let start = 0;
    while (start < w && !inked(start)) start++;
    // The run ends at the first gap wider than a glyph's inner spacing.
    const gap = Math.round(4 * (w / axisCell.getBoundingClientRect().width));
    let end = start;
    let blank = 0;
    for (let x = start; x < w && blank <= gap; x++) {
      if (inked(x)) {
        end = x;
        blank = 0;
      } else blank++;
    }
    const { fontSize, fontFamily } = cm.chart.options().layout;
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `bold ${fontSize}px ${fontFamily}`;
    const ratio = w / axisCell.getBoundingClientRect().width;
    return {
      start,
      width: end - start + 1,
      expected: ctx.measureText('2026').width * ratio,
      first: cm.series.data()[0]!.time,
    };
  });
}

test('the first time-axis label is whole: the year at the left edge reads 2026, not 26', async ({
  page,
}, testInfo) => {
  await openEditor(page);
  await page.evaluate(() => (window as never as { chartmark: Cm }).chartmark.chart.timeScale().fitContent());
  await nextFrames(page);
  const label = await firstLabel(page);
  expect(label.first).toBe(Date.UTC(2026, 0, 1) / 1000);
  expect(label.start).toBeLessThan(label.expected);
  // Antialiasing adds or takes a pixel at each side.
  expect(label.width).toBeGreaterThanOrEqual(label.expected - 2);
  expect(label.width).toBeLessThanOrEqual(label.expected + 3);
  await keepScreenshot(page, testInfo, 'time-axis-first-label');
});
