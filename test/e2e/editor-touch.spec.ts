import { expect, test } from '@playwright/test';
import {
  exported,
  keepScreenshot,
  nextFrames,
  openEditor,
  seconds,
  selection,
  toChart,
  toPage,
  visibleRange,
} from './editor-page';

const t = (iso: string) => seconds(iso);

test.describe('touch', () => {
  test.use({ hasTouch: true });

  test('a tap selects a line and a touch drag moves it without panning the chart', async ({
    page,
  }, testInfo) => {
    await openEditor(page);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    const p = await toPage(page, t('2026-01-12T10:00:00Z'), 1.355);
    await touch('touchStart', p.x, p.y);
    await touch('touchEnd', p.x, p.y);
    await nextFrames(page);
    expect(await selection(page)).toEqual(['target']);
    await keepScreenshot(page, testInfo, 'touch-selected');
    const before = await visibleRange(page);
    await touch('touchStart', p.x, p.y);
    for (let i = 1; i <= 15; i++) await touch('touchMove', p.x + 4 * i, p.y + 4 * i);
    await touch('touchEnd', p.x + 60, p.y + 60);
    await nextFrames(page);
    const want = await toChart(page, p.x, p.y + 60);
    const moved = (await exported(page)).find((d) => d.clientObjectId === 'target');
    expect(Math.abs((moved?.points[0].price ?? 0) - want.price)).toBeLessThanOrEqual(want.pricePerPx);
    expect(await visibleRange(page)).toEqual(before);
    await keepScreenshot(page, testInfo, 'touch-dragged');
  });

  test('a long press on an unselected line selects it and the same touch drags it', async ({
    page,
  }, testInfo) => {
    await openEditor(page);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    const p = await toPage(page, t('2026-01-12T10:00:00Z'), 1.355);
    const before = await visibleRange(page);
    await touch('touchStart', p.x, p.y);
    // The long press selects once its hold time has passed: poll for the selection, no fixed wait.
    await expect.poll(() => selection(page), { timeout: 5000 }).toEqual(['target']);
    for (let i = 1; i <= 10; i++) await touch('touchMove', p.x, p.y + 5 * i);
    await touch('touchEnd', p.x, p.y + 50);
    await nextFrames(page);
    const want = await toChart(page, p.x, p.y + 50);
    const moved = (await exported(page)).find((d) => d.clientObjectId === 'target');
    expect(Math.abs((moved?.points[0].price ?? 0) - want.price)).toBeLessThanOrEqual(want.pricePerPx);
    expect(await visibleRange(page)).toEqual(before);
    await keepScreenshot(page, testInfo, 'long-press-dragged');
  });
});
