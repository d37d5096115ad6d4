import { expect, test } from '@playwright/test';
import {
  clickChart,
  drag,
  exported,
  keepScreenshot,
  nextFrames,
  openEditor,
  seconds,
  toChart,
  toPage,
} from './editor-page';

const t = (iso: string) => seconds(iso);

test.describe('levels, cursors and style', () => {
  test('a level drags to a new price and stops just below its neighbour', async ({ page }, testInfo) => {
    await openEditor(page);
    const levels = () =>
      page.evaluate(() => {
        const w = window as never as {
          chartmark: { editor: { getState(): { levels: Record<string, { price: number }> } } };
        };
        const l = w.chartmark.editor.getState().levels;
        return { support: l.support?.price, pivot: l.pivot?.price, resistance: l.resistance?.price };
      });
    const pivot = await toPage(page, t('2026-01-13T00:00:00Z'), 1.345);
    await drag(page, pivot, { x: pivot.x, y: pivot.y + 20 });
    const moved = await levels();
    const want = await toChart(page, pivot.x, pivot.y + 20);
    expect(Math.abs((moved.pivot ?? 0) - want.price)).toBeLessThanOrEqual(want.pricePerPx);
    // Far above the resistance: the pivot stops strictly below it.
    const now = await toPage(page, t('2026-01-13T00:00:00Z'), moved.pivot ?? 0);
    const above = await toPage(page, t('2026-01-13T00:00:00Z'), 1.358);
    await drag(page, now, { x: now.x, y: above.y });
    const clamped = await levels();
    expect(clamped.pivot).toBeLessThan(1.35);
    expect(clamped.pivot).toBeGreaterThan(1.3499);
    expect(clamped.resistance).toBe(1.35);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect((await levels()).pivot).toBe(moved.pivot);
    await keepScreenshot(page, testInfo, 'level-dragged');
  });

  test('the cursor shows what a drag will do', async ({ page }) => {
    await openEditor(page);
    const chart = page.getByRole('application');
    const body = await toPage(page, t('2026-01-12T10:00:00Z'), 1.355);
    await page.mouse.move(body.x, body.y);
    await expect(chart).toHaveAttribute('data-cm-cursor', 'move');
    const level = await toPage(page, t('2026-01-13T00:00:00Z'), 1.341);
    await page.mouse.move(level.x, level.y);
    await expect(chart).toHaveAttribute('data-cm-cursor', 'ns-resize');
    const empty = await toPage(page, t('2026-01-13T00:00:00Z'), 1.3595);
    await page.mouse.move(empty.x, empty.y);
    await expect(chart).not.toHaveAttribute('data-cm-cursor', /.+/);
    await page.getByRole('button', { name: 'Rectangle', exact: true }).click();
    await page.mouse.move(empty.x + 5, empty.y + 5);
    await expect(chart).toHaveAttribute('data-cm-cursor', 'crosshair');
  });

  test('the style panel restyles the selection', async ({ page }, testInfo) => {
    await openEditor(page);
    // Nothing selected, no drawing tool: no controls of nothing (no black swatches), a hint instead.
    await expect(page.getByLabel('Width')).toBeHidden();
    await expect(page.getByText('Select a drawing to restyle it')).toBeVisible();
    await clickChart(page, t('2026-01-12T10:00:00Z'), 1.355);
    await page.getByLabel('Width').selectOption('4');
    await page.getByLabel('Line style').selectOption('DOTTED');
    const target = (await exported(page)).find((d) => d.clientObjectId === 'target');
    expect(target?.style).toEqual({ color: '#FF0000', lineWidth: 4, lineStyle: 'DOTTED' });
    await keepScreenshot(page, testInfo, 'restyled');
  });
});

test('the overlay follows a window resize: canvas size and drawing positions', async ({ page }) => {
  await openEditor(page);
  await page.setViewportSize({ width: 1000, height: 720 });
  await nextFrames(page, 6);
  const sizes = await page.evaluate(() => {
    const w = window as unknown as {
      chartmark: {
        chart: {
          timeScale(): { width(): number; height(): number };
          priceScale(id: string): { width(): number };
          paneSize(i: number): { height: number };
        };
      };
    };
    const c = w.chartmark.chart;
    // The committed drawings' canvas covers the pane; the interactive stage also the axes.
    const [drawings, stage] = [...document.querySelectorAll<HTMLCanvasElement>('.chartmark-overlay canvas')];
    return {
      canvases: [
        [drawings.width, drawings.height],
        [stage.width, stage.height],
      ],
      chart: [
        [c.timeScale().width(), c.paneSize(0).height],
        [
          c.timeScale().width() + c.priceScale('right').width(),
          c.paneSize(0).height + c.timeScale().height(),
        ],
      ],
    };
  });
  expect(sizes.canvases).toEqual(sizes.chart);
  // Still where the chart says: the target line's handle sits on its price after the resize.
  const p = await toPage(page, t('2026-01-12T10:00:00Z'), 1.355);
  await page.mouse.move(p.x, p.y);
  await expect(page.getByRole('application')).toHaveAttribute('data-cm-cursor', 'move');
});

test.describe('at a 125 % display', () => {
  test.use({ deviceScaleFactor: 1.25 });

  test("the drawings' canvas covers exactly the device pixels the browser gives its box, as the chart's own", async ({
    page,
  }) => {
    await openEditor(page);
    await nextFrames(page, 6);
    const sizes = await page.evaluate(async () => {
      const ours = document.querySelector('.chartmark-overlay canvas') as HTMLCanvasElement;
      // What the browser says the box covers, as lightweight-charts reads it for its own canvases.
      const box = await new Promise<number[]>((resolve) => {
        const ro = new ResizeObserver(([entry]) => {
          const size = entry!.devicePixelContentBoxSize[0]!;
          ro.disconnect();
          resolve([size.inlineSize, size.blockSize]);
        });
        ro.observe(ours, { box: 'device-pixel-content-box' });
      });
      // The chart's pane canvas: the same CSS box as ours.
      const pane = [...document.querySelectorAll<HTMLCanvasElement>('#chart canvas')].find(
        (c) => c.clientWidth === ours.clientWidth && c.clientHeight === ours.clientHeight,
      );
      return {
        dpr: window.devicePixelRatio,
        box,
        ours: [ours.width, ours.height],
        pane: pane ? [pane.width, pane.height] : null,
      };
    });
    expect(sizes.dpr).toBe(1.25);
    expect(sizes.ours).toEqual(sizes.box);
    // Same bitmap grid as the candles under it (not round(css × 1.25), which the box may not be).
    expect(sizes.ours).toEqual(sizes.pane);
  });
});
