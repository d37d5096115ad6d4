// Issue 17 item 5: the editor and the post of one stored analysis show the same expiry — HOURS
// counted from the server's createdAt (the editor used to count from its last candle).
import { expect, test } from '@playwright/test';
import { authOf, demoConfig, freshAnalysis, SAMPLE } from './demo-server';
import { keepScreenshot } from './editor-page';

const SYNC_URL = `http://127.0.0.1:${Number(process.env.E2E_SYNC_PORT ?? 5198)}`;
test.use({ baseURL: SYNC_URL });

// "YYYY-MM-DD HH:MM" in UTC, written out here rather than taken from the code under test.
const minuteText = (ms: number): string => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};

test('the editor, the stored detail and the SVG post give one expiry: 24 h after the server createdAt', async ({
  page,
  request,
}, testInfo) => {
  const config = await demoConfig(request);
  const auth = authOf(config);
  const detail = await freshAnalysis(request, config);
  // The sample's expiry is { type: HOURS, hours: 24 }.
  expect(SAMPLE.metadata.expiry).toEqual({ type: 'HOURS', hours: 24 });
  const expected = minuteText(Date.parse(detail.createdAt) + 24 * 3600 * 1000);
  expect(minuteText(Date.parse(detail.expiresAt))).toBe(expected);
  // The candles end 2026-01-15 23:00: the old editor said "2026-01-16 23:00"; the server's clock is now.
  expect(expected).not.toBe('2026-01-16 23:00');

  await page.goto(`/?analysis=${detail.id}`);
  await expect(page.locator('#sync-status')).toHaveAttribute('data-kind', 'saved');
  await expect(page.locator('.cm-metadata .cm-expires')).toHaveText(`Expires ${expected} UTC`);
  const snapshot = await page.evaluate(
    () =>
      (
        window as never as { chartmark: { handle: { getAnalysis(): { expiresAt: string } } } }
      ).chartmark.handle.getAnalysis().expiresAt,
  );
  expect(minuteText(Date.parse(snapshot))).toBe(expected);

  const svg = await (await request.get(`/v1/analysis/${detail.id}/preview.svg`, { headers: auth })).text();
  expect(svg).toContain(`>Expires ${expected}</text>`);
  await keepScreenshot(page, testInfo, 'editor-expiry');
});
