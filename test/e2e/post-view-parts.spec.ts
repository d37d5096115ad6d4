// A post's read-only view from chartmark/view with and without its opt-in parts (demo/e2e/post.html):
// the lean view shows the analysis and its summary but no outcome and no alerts; with
// viewOutcomes and viewCrossings it shows the badge, the outcome in words and the "alert me"
// toggles, and reports live crossings. The sample (created 2026-01-08 15:00Z, 24 h expiry) on the
// demo candles is STOPPED: entry at the pivot 1.345 on the 20:00 bar, exit at the stop 1.341 on
// the 2026-01-09 02:00 bar, −0.30 % and −1R; its "target" horizontal line is at 1.355, above the
// last close 1.34717 (2026-01-15 23:00Z).
import { expect, test } from '@playwright/test';
import { keepScreenshot, nextFrames } from './editor-page';

type View = {
  outcome(): { state: string } | null;
  outcomePrimitive: { scene(): { primitives: { type: string; text?: string }[] } | null } | null;
  on(type: 'cross', fn: (e: { crossing: { drawingId: string } }) => void): void;
  updateCandle(bar: { time: number; open: number; high: number; low: number; close: number }): void;
};
type PostWindow = { postPage: { lean: View; full: View }; crossed: Record<string, string[]> };

const SUMMARY =
  'Bullish bounce on GBP/USD H1: support 1.3410, pivot 1.3450, resistance 1.3500; 3 drawings; expired 9 hours ago';
const OUTCOME =
  '; outcome: stopped, entered at 1.3450 on 2026-01-08 20:00 UTC, exited at 1.3410 on 2026-01-09 02:00 UTC, a loss of 0.30 percent, minus 1.0 R';

test('the lean view has no outcome and no alerts; the parts add the badge, its words, the toggles and cross events', async ({
  page,
}, testInfo) => {
  await page.goto('/e2e/post.html');
  await page.waitForFunction(() => 'postPage' in window);
  await nextFrames(page);
  await expect(page.locator('#lean')).toHaveAttribute('aria-label', SUMMARY);
  await expect(page.locator('#full')).toHaveAttribute('aria-label', SUMMARY + OUTCOME);
  // The toggles sit right after the chart they belong to: all three after the full one, none after the lean one.
  await expect(page.locator('#lean + .cm-alert-panel')).toHaveCount(0);
  await expect(page.locator('.cm-alert-toggle')).toHaveCount(3);
  await expect(page.locator('#full + .cm-alert-panel .cm-alert-toggle')).toHaveText([
    'Alert me: Rectangle support_zone',
    'Alert me: Line entry_line',
    'Alert me: Horizontal line target',
  ]);
  const outcomes = await page.evaluate(() => {
    const { lean, full } = (window as unknown as PostWindow).postPage;
    const badge = full.outcomePrimitive?.scene()?.primitives.find((p) => p.type === 'text');
    return {
      lean: lean.outcome(),
      leanPrimitive: lean.outcomePrimitive,
      full: full.outcome()?.state,
      badge: badge?.text,
    };
  });
  expect(outcomes).toEqual({
    lean: null,
    leanPrimitive: null,
    full: 'STOPPED',
    badge: 'Stopped · −0.30 % · −1.0R',
  });
  // The same chart otherwise: the two canvases differ (the badge and markers), the lean one has no badge.
  const [lean, full] = await Promise.all([
    page.locator('#lean').screenshot(),
    page.locator('#full').screenshot(),
  ]);
  expect(lean.equals(full)).toBe(false);

  // A live bar through the target line (1.355): only the view with the crossings part reports it.
  const crossed = await page.evaluate(() => {
    const w = window as unknown as PostWindow;
    w.crossed = { lean: [], full: [] };
    const bar = { time: Date.UTC(2026, 0, 16) / 1000, open: 1.3472, high: 1.356, low: 1.347, close: 1.3555 };
    for (const name of ['lean', 'full'] as const) {
      w.postPage[name].on('cross', (e) => w.crossed[name]!.push(e.crossing.drawingId));
      w.postPage[name].updateCandle(bar);
    }
    return w.crossed;
  });
  expect(crossed).toEqual({ lean: [], full: ['target'] });
  await keepScreenshot(page, testInfo, 'post view lean and with parts');
});
