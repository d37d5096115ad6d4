// The editor at phone and tablet sizes: the chart spans the width and most of the height, the
// toolbar scrolls inside itself, the panel sits below the chart, the page never scrolls
// sideways, and a line is drawn by touch.
import { expect, type Page, test } from '@playwright/test';
import { exported, keepScreenshot, nextFrames, openEditor, seconds, toChart, toPage } from './editor-page';

async function layout(page: Page) {
  return page.evaluate(() => {
    const box = (sel: string) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height, bottom: r.bottom };
    };
    const toolbar = document.querySelector('.cm-toolbar') as HTMLElement;
    return {
      viewport: { width: window.innerWidth, height: window.innerHeight },
      pageWidth: document.documentElement.scrollWidth,
      chart: box('#chart'),
      panel: box('.cm-panel'),
      toolbar: {
        scrollWidth: toolbar.scrollWidth,
        clientWidth: toolbar.clientWidth,
        overflowX: getComputedStyle(toolbar).overflowX,
      },
    };
  });
}

for (const size of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 820, height: 1180 },
]) {
  test.describe(`${size.name} ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: true, isMobile: true });

    test('the chart spans the width and ≥ 55 % of the height, the panel is below it, nothing scrolls sideways', async ({
      page,
    }, testInfo) => {
      const errors = await openEditor(page);
      const l = await layout(page);
      expect(l.viewport).toEqual({ width: size.width, height: size.height });
      expect(l.pageWidth).toBeLessThanOrEqual(size.width);
      expect(l.chart.width).toBeGreaterThanOrEqual(0.95 * size.width);
      expect(l.chart.height).toBeGreaterThanOrEqual(0.55 * size.height);
      expect(l.panel.top).toBeGreaterThanOrEqual(l.chart.bottom);
      expect(l.panel.width).toBeGreaterThanOrEqual(0.9 * size.width);
      expect(l.toolbar.overflowX).toBe('auto');
      // The buttons do not fit a phone's width: the toolbar scrolls inside itself instead of the page.
      if (size.width < 500) expect(l.toolbar.scrollWidth).toBeGreaterThan(l.toolbar.clientWidth);
      await keepScreenshot(page, testInfo, `${size.name}-editor`);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await keepScreenshot(page, testInfo, `${size.name}-panel`);
      expect(errors).toEqual([]);
    });

    test('a tap on the toolbar and two taps on the chart draw a line', async ({ page }, testInfo) => {
      await openEditor(page);
      await page.getByRole('button', { name: 'Line', exact: true }).tap();
      const cdp = await page.context().newCDPSession(page);
      const tap = async (x: number, y: number) => {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await nextFrames(page);
      };
      const a = await toPage(page, seconds('2026-01-09T00:00:00Z'), 1.3395);
      const b = await toPage(page, seconds('2026-01-13T00:00:00Z'), 1.3575);
      await tap(a.x, a.y);
      await tap(b.x, b.y);
      const lines = (await exported(page)).filter((d) => d.type === 'LINE');
      expect(lines).toHaveLength(2);
      const drawn = lines.find((d) => d.clientObjectId !== 'entry_line')!;
      const wantA = await toChart(page, a.x, a.y);
      const wantB = await toChart(page, b.x, b.y);
      expect(Math.abs(drawn.points[0].price - wantA.price)).toBeLessThanOrEqual(wantA.pricePerPx);
      expect(Math.abs(drawn.points[1].price - wantB.price)).toBeLessThanOrEqual(wantB.pricePerPx);
      await keepScreenshot(page, testInfo, `${size.name}-touch-line`);
    });
  });
}
