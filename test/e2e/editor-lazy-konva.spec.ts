// The overlay's Konva layer is a chunk of its own, loaded after the first paint (issue 12 item 7):
// until it arrives a plain canvas paints the levels, the expiry marker and every axis label with
// the same pixels (handles and the marquee too), input is never lost, and a chunk that cannot be
// fetched leaves the drawings painted, selectable with their handles and editable, with the status
// line saying how to recover.
import { expect, type Page, type Route, test } from '@playwright/test';
import { exported, keepScreenshot, nextFrames, pointOf } from './editor-page';

const CHUNK = /\/src\/konva\/interactive-layer\.ts/;
const FAILED = 'Drawing handles could not be loaded. Your drawings are kept; reload the page to try again.';
type Win = {
  chartmark: {
    handle: { ready: Promise<void> };
    editor: { getState(): { selection: readonly string[] } };
    series: { priceToCoordinate(price: number): number | null };
  };
};

/** Holds the Konva chunk's response back until the returned function is called. */
async function holdChunk(page: Page): Promise<() => void> {
  let release = (): void => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route(CHUNK, async (route: Route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Opens the demo without waiting for the Konva layer: the analysis and the panel are in place. */
async function openBeforeKonva(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/');
  await page.waitForFunction(() => 'chartmark' in window);
  await expect.poll(async () => (await exported(page)).length).toBe(3);
  // The panel's parts change the chart's width when they arrive: wait for all of them.
  await expect(page.locator('form.cm-style')).toBeVisible();
  await expect(page.locator('.cm-part[aria-busy="true"]')).toHaveCount(0);
  await nextFrames(page);
  return errors;
}

const overlayCanvases = (page: Page) => page.locator('.chartmark-overlay canvas');

/** The highest alpha of the topmost overlay canvas on the row of `price`, across the pane. */
function alphaAlongPrice(page: Page, price: number): Promise<number> {
  return page.evaluate((price) => {
    const cm = (window as never as Win).chartmark;
    const y = cm.series.priceToCoordinate(price) as number;
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.chartmark-overlay canvas')];
    const top = canvases[canvases.length - 1] as HTMLCanvasElement;
    const ctx = top.getContext('2d') as CanvasRenderingContext2D;
    const ratio = top.width / top.getBoundingClientRect().width;
    // The row the line is on and one either side: a 1 px line sits on one device row of them.
    const row = ctx.getImageData(0, Math.round(y * ratio) - 1, top.width, 3).data;
    let max = 0;
    for (let i = 3; i < row.length; i += 4) max = Math.max(max, row[i] as number);
    return max;
  }, price);
}

/** The RGBA of the device pixel under page point `at` on the canvas `selector` finds. */
function pixelAt(page: Page, selector: string, at: { x: number; y: number }): Promise<number[]> {
  return page.evaluate(
    ({ selector, x, y }) => {
      const canvas = document.querySelector(selector) as HTMLCanvasElement;
      const rect = canvas.getBoundingClientRect();
      const ratio = canvas.width / rect.width;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      return [
        ...ctx.getImageData(Math.round((x - rect.left) * ratio), Math.round((y - rect.top) * ratio), 1, 1)
          .data,
      ];
    },
    { selector, x: at.x, y: at.y },
  );
}

test('the first paint shows levels, expiry and drawings before Konva, with the pixels Konva paints', async ({
  page,
}, testInfo) => {
  const release = await holdChunk(page);
  const errors = await openBeforeKonva(page);
  // Two canvases and no Konva stage: the committed drawings' and the plain active layer.
  await expect(overlayCanvases(page)).toHaveCount(2);
  await expect(page.locator('.konvajs-content')).toHaveCount(0);
  // The pivot level (1.345) and the resistance (1.35) are on the plain canvas already.
  expect(await alphaAlongPrice(page, 1.345)).toBe(255);
  expect(await alphaAlongPrice(page, 1.35)).toBe(255);
  const chart = page.locator('#chart');
  const before = await chart.screenshot();
  await keepScreenshot(page, testInfo, 'before-konva');
  release();
  await page.evaluate(() => (window as never as Win).chartmark.handle.ready);
  await expect(page.locator('.konvajs-content')).toHaveCount(1);
  await expect(overlayCanvases(page)).toHaveCount(2);
  await nextFrames(page);
  expect(await alphaAlongPrice(page, 1.345)).toBe(255);
  const after = await chart.screenshot();
  await keepScreenshot(page, testInfo, 'after-konva');
  // Nothing is hovered or selected: the Konva layer shows exactly what the plain canvas showed.
  expect(after.equals(before)).toBe(true);
  expect(errors).toEqual([]);
});

test('a click made before Konva arrives selects the drawing and shows its handles, with the pixels Konva paints', async ({
  page,
}, testInfo) => {
  const release = await holdChunk(page);
  await openBeforeKonva(page);
  const p = await pointOf(page, 'target', 0);
  await page.mouse.click(p.x, p.y);
  await expect
    .poll(() => page.evaluate(() => [...(window as never as Win).chartmark.editor.getState().selection]))
    .toEqual(['target']);
  await expect(page.locator('.konvajs-content')).toHaveCount(0);
  await nextFrames(page);
  // The handle (white, ringed in blue) sits on the point, on the plain canvas (the topmost).
  expect(await pixelAt(page, '.chartmark-overlay canvas:last-of-type', p)).toEqual([255, 255, 255, 255]);
  const chart = page.locator('#chart');
  // The pointer rests away from the chart, so nothing is hovered in either screenshot.
  await page.mouse.move(1, 1);
  await nextFrames(page);
  const before = await chart.screenshot();
  await keepScreenshot(page, testInfo, 'handles-before-konva');
  release();
  await page.evaluate(() => (window as never as Win).chartmark.handle.ready);
  await nextFrames(page);
  expect(await pixelAt(page, '.konvajs-content canvas', p)).toEqual([255, 255, 255, 255]);
  // The Konva circles paint exactly what the stand-in painted.
  expect((await chart.screenshot()).equals(before)).toBe(true);
});

test('a marquee dragged before Konva arrives is painted, and Konva takes it over with the same pixels', async ({
  page,
}) => {
  const release = await holdChunk(page);
  await openBeforeKonva(page);
  const box = (await page.locator('#chart').boundingBox()) as { x: number; y: number };
  // An empty stretch of the pane, well above the sample's drawings; Shift makes it a marquee.
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + 60, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + 160, box.y + 70, { steps: 4 });
  await nextFrames(page);
  // Its translucent blue inside (rgba(41, 98, 255, 0.08): alpha 0.08 · 255 ≈ 20) on the plain canvas.
  const inside = await pixelAt(page, '.chartmark-overlay canvas:last-of-type', {
    x: box.x + 110,
    y: box.y + 50,
  });
  expect(inside[2]).toBeGreaterThan(200);
  expect(inside[3]).toBeGreaterThanOrEqual(19);
  expect(inside[3]).toBeLessThanOrEqual(21);
  const chart = page.locator('#chart');
  const before = await chart.screenshot();
  release();
  await page.evaluate(() => (window as never as Win).chartmark.handle.ready);
  await nextFrames(page);
  expect((await chart.screenshot()).equals(before)).toBe(true);
  await page.mouse.up();
  await page.keyboard.up('Shift');
});

test('a Konva chunk that cannot be fetched keeps the drawings painted and says to reload', async ({
  page,
}, testInfo) => {
  await page.route(CHUNK, (route) => route.abort());
  await page.goto('/');
  await page.waitForFunction(() => 'chartmark' in window);
  // Ready still resolves: the failure is shown, not thrown at the page.
  await page.evaluate(() => (window as never as Win).chartmark.handle.ready);
  await expect(page.locator('#sync-status')).toHaveText(`Local only · ${FAILED}`);
  await expect(page.locator('.konvajs-content')).toHaveCount(0);
  expect((await exported(page)).map((d) => d.clientObjectId)).toEqual([
    'support_zone',
    'entry_line',
    'target',
  ]);
  await nextFrames(page);
  // Committed drawings and the levels are still painted.
  await expect(overlayCanvases(page).first()).toBeVisible();
  expect(await alphaAlongPrice(page, 1.345)).toBe(255);
  // Selecting and deleting still work on the editor's state.
  const p = await pointOf(page, 'target', 0);
  await page.mouse.click(p.x, p.y);
  await nextFrames(page);
  // The selection shows its handles (what a press would grab) without Konva.
  expect(await pixelAt(page, '.chartmark-overlay canvas:last-of-type', p)).toEqual([255, 255, 255, 255]);
  await page.keyboard.press('Delete');
  await expect
    .poll(async () => (await exported(page)).map((d) => d.clientObjectId))
    .toEqual(['support_zone', 'entry_line']);
  await keepScreenshot(page, testInfo, 'konva-failed');
});
