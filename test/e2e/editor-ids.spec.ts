// Issue 17 item 7 against the reference server: a deleted drawing's clientObjectId is not handed
// out again after a reload, and what is stored is rounded to the series' price format (5 decimals
// for the demo's GBP/USD) and whole seconds.
import { expect, type Page, test } from '@playwright/test';
import { authOf, demoConfig, freshAnalysis } from './demo-server';
import { keepScreenshot, nextFrames, seconds, toPage } from './editor-page';

const SYNC_URL = `http://127.0.0.1:${Number(process.env.E2E_SYNC_PORT ?? 5198)}`;
test.use({ baseURL: SYNC_URL });

const status = (page: Page) => page.locator('#sync-status');

async function drawLine(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Line', exact: true }).click();
  // Prices between the demo's 5-decimal ticks, so unrounded storage would show noise.
  for (const [iso, price] of [
    ['2026-01-12T02:17:00Z', 1.352537],
    ['2026-01-13T10:41:00Z', 1.356519],
  ] as const) {
    const p = await toPage(page, seconds(iso), price);
    await page.mouse.click(p.x + 0.37, p.y + 0.41);
    await nextFrames(page, 1);
  }
}

test('a deleted line_1 stays retired after a reload; stored points are rounded', async ({
  page,
  request,
}, testInfo) => {
  const config = await demoConfig(request);
  const auth = authOf(config);
  const id = (await freshAnalysis(request, config)).id;
  const stored = async () =>
    (
      (await (await request.get(`/v1/analysis/${id}`, { headers: auth })).json()).data.drawings as {
        clientObjectId: string;
        points: { time: string; price: number }[];
      }[]
    ).filter((d) => /^line_\d+$/.test(d.clientObjectId));

  await page.goto(`/?analysis=${id}`);
  await expect(status(page)).toHaveText('Saved · v1');
  await drawLine(page);
  await expect(status(page)).toHaveText('Saved · v2');
  const first = await stored();
  expect(first.map((d) => d.clientObjectId)).toEqual(['line_1']);
  for (const p of first[0]!.points) {
    expect(p.price).toBe(Number(p.price.toFixed(5)));
    expect(p.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.000)?Z$/);
  }

  await page.keyboard.press('Delete');
  await expect(status(page)).toHaveText('Saved · v3');
  expect(await stored()).toEqual([]);

  await page.reload();
  await expect(status(page)).toHaveText('Saved · v3');
  await nextFrames(page);
  await drawLine(page);
  await expect(status(page)).toHaveText('Saved · v4');
  expect((await stored()).map((d) => d.clientObjectId)).toEqual(['line_2']);
  await keepScreenshot(page, testInfo, 'line-2-after-reload');
});
