// Crossing alerts on the Channel page: live bars fed to a post's view; a notice appears only for
// a drawing the reader marked "alert me", and the mark never leaves the browser.
import { expect, test } from '@playwright/test';

type Cross = [string, string, boolean];
type ChannelWindow = {
  chartmarkChannel: {
    views: {
      updateCandle(bar: { time: number; open: number; high: number; low: number; close: number }): void;
      on(
        type: 'cross',
        fn: (e: { crossing: { drawingId: string; direction: string }; alert: boolean }) => void,
      ): void;
    }[];
  };
  crosses: Cross[];
};

// The demo candles end at 2026-01-15T23:00Z with a close of 1.34717; the sample's "target"
// horizontal line sits at 1.355.
const LAST = Date.UTC(2026, 0, 15, 23) / 1000;

test('a live bar crossing a marked drawing shows a notice; an unmarked one only emits cross', async ({
  page,
}, testInfo) => {
  await page.goto('/channel.html');
  await page.waitForFunction(() => (window as unknown as ChannelWindow).chartmarkChannel?.views.length === 1);
  await page.evaluate(() => {
    const w = window as unknown as ChannelWindow;
    w.crosses = [];
    w.chartmarkChannel.views[0]!.on('cross', (e) =>
      w.crosses.push([e.crossing.drawingId, e.crossing.direction, e.alert]),
    );
  });
  const feed = (bar: { time: number; open: number; high: number; low: number; close: number }) =>
    page.evaluate(
      (b) => (window as unknown as ChannelWindow).chartmarkChannel.views[0]!.updateCandle(b),
      bar,
    );
  const crosses = () => page.evaluate(() => (window as unknown as ChannelWindow).crosses);
  const notices = page.locator('.cm-alert-notices .cm-alert');

  // Up through the target (1.34717 → 1.3565) while nothing is marked: an event, no notice.
  await feed({ time: LAST + 3600, open: 1.34717, high: 1.3565, low: 1.3465, close: 1.356 });
  await expect.poll(crosses).toEqual([['target', 'UP', false]]);
  await expect(notices).toHaveCount(0);

  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const toggle = page.getByRole('button', { name: 'Alert me: Horizontal line target' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // Back down through it on the next bar: now marked, so the reader sees it.
  await feed({ time: LAST + 7200, open: 1.356, high: 1.3562, low: 1.354, close: 1.3545 });
  await expect.poll(crosses).toEqual([
    ['target', 'UP', false],
    ['target', 'DOWN', true],
  ]);
  await expect(notices).toHaveText(['Horizontal line target crossed downward at 1.35500']);
  const stored = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('chartmark:alerts:'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(stored).toEqual(['["target"]']);
  // The mark is the reader's: marking and alerting sent nothing anywhere.
  expect(requests).toEqual([]);
  await testInfo.attach('notice', {
    body: await page.locator('.post').first().screenshot(),
    contentType: 'image/png',
  });
});
