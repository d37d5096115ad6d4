// Sync on the editor page against the real reference server (the second webServer of
// playwright.config.ts: `npm start`'s server on a fresh in-memory database serving the built demo).
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { type DemoConfig, demoConfig, freshAnalysis as createFresh, SAMPLE } from './demo-server';
import type { IChartApi, ISeriesApi } from 'lightweight-charts';
import {
  exported,
  keepScreenshot,
  nextFrames,
  pointOf,
  seconds,
  toPage,
  type WireDrawing,
} from './editor-page';

const SYNC_URL = `http://127.0.0.1:${Number(process.env.E2E_SYNC_PORT ?? 5198)}`;
test.use({ baseURL: SYNC_URL });

const freshAnalysis = async (request: APIRequestContext, cfg: DemoConfig): Promise<string> =>
  (await createFresh(request, cfg)).id;

/** The server's drawings in the same shape as the editor's export. */
async function serverDrawings(
  request: APIRequestContext,
  cfg: DemoConfig,
  id: string,
): Promise<WireDrawing[]> {
  const res = await request.get(`/v1/analysis/${id}`, { headers: { authorization: `Bearer ${cfg.token}` } });
  const drawings = (await res.json()).data.drawings as (WireDrawing & { id: string })[];
  return drawings.map(({ id: _id, ...d }) => d);
}

const shape = (ds: WireDrawing[]) =>
  ds.map((d) => ({ type: d.type, clientObjectId: d.clientObjectId, points: d.points }));

const status = (page: Page) => page.locator('#sync-status');

async function openSynced(page: Page, id: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/?analysis=${id}`);
  await expect(status(page)).toHaveAttribute('role', 'status');
  await expect(status(page)).toHaveText(/^Saved · v\d+$/);
  await page.waitForFunction((id) => {
    const sync = (window as never as { chartmark?: { sync?: { analysisId: string | null } } }).chartmark
      ?.sync;
    return sync?.analysisId === id;
  }, id);
  await expect(page.locator('.chartmark-overlay canvas').first()).toBeVisible();
  await nextFrames(page);
  return errors;
}

const WRITES = '**/v1/analysis/**';

/** Lets the page read from the API but fails every write as a lost network would. */
async function blockWrites(page: Page): Promise<void> {
  await page.route(WRITES, (route) =>
    route.request().method() === 'GET' ? route.continue() : route.abort('internetdisconnected'),
  );
}

async function drawHorizontalLine(page: Page, iso: string, price: number): Promise<void> {
  await page.getByRole('button', { name: 'Horizontal line', exact: true }).click();
  const p = await toPage(page, seconds(iso), price);
  await page.mouse.click(p.x, p.y);
  await nextFrames(page);
}

async function selectedId(page: Page): Promise<string> {
  return page.evaluate(() => {
    const cm = (window as never as { chartmark: { editor: { getState(): { selection: string[] } } } })
      .chartmark;
    return cm.editor.getState().selection[0]!;
  });
}

test.describe('sync with the reference server', () => {
  test('draw, see Saved, reload: the same drawings come back from the server', async ({
    page,
    request,
  }, testInfo) => {
    const cfg = await demoConfig(request);
    const id = await freshAnalysis(request, cfg);
    const errors = await openSynced(page, id);
    await expect(status(page)).toHaveText('Saved · v1');
    expect(
      await page.evaluate(
        () =>
          (window as never as { chartmark: { sync: { communityId: string } } }).chartmark.sync.communityId,
      ),
    ).toBe(cfg.communityId);

    await page.getByRole('button', { name: 'Line', exact: true }).click();
    for (const [iso, price] of [
      ['2026-01-12T02:00:00Z', 1.3525],
      ['2026-01-13T10:00:00Z', 1.3565],
    ] as const) {
      const p = await toPage(page, seconds(iso), price);
      await page.mouse.click(p.x, p.y);
      await nextFrames(page, 1);
    }
    // One new drawing on top: an append, version 2.
    await expect(status(page)).toHaveText('Saved · v2');
    const drawn = await exported(page);
    expect(shape(await serverDrawings(request, cfg, id))).toEqual(shape(drawn));
    await keepScreenshot(page, testInfo, 'saved');

    await page.reload();
    await expect(status(page)).toHaveText('Saved · v2');
    await nextFrames(page);
    expect(shape(await exported(page))).toEqual(shape(drawn));
    expect(errors).toEqual([]);
  });

  test('a horizontal line drawn at a price lightweight-charts gives is on the server at that price, also after a reload', async ({
    page,
    request,
  }) => {
    const cfg = await demoConfig(request);
    const id = await freshAnalysis(request, cfg);
    const errors = await openSynced(page, id);
    // The expected price and its pixel come from lightweight-charts itself, not from the overlay.
    const at = await page.evaluate(() => {
      const cm = (window as never as { chartmark: { chart: IChartApi; series: ISeriesApi<'Candlestick'> } })
        .chartmark;
      const pane = cm.chart.paneSize();
      const price = cm.series.coordinateToPrice(Math.round(pane.height / 2)) as number;
      const y = cm.series.priceToCoordinate(price) as number;
      const onePx = Math.abs((cm.series.coordinateToPrice(y + 1) as number) - price);
      const rect = cm.chart.chartElement().getBoundingClientRect();
      const left = cm.chart.priceScale('left').width();
      return { price, onePx, x: rect.left + left + pane.width / 2, y: rect.top + y };
    });
    await page.getByRole('button', { name: 'Horizontal line', exact: true }).click();
    await page.mouse.click(at.x, at.y);
    await expect(status(page)).toHaveText('Saved · v2');
    const added = async () => {
      const res = await request.get(`/v1/analysis/${id}`, {
        headers: { authorization: `Bearer ${cfg.token}` },
      });
      const ids = new Set(SAMPLE.drawings.map((d: { clientObjectId: string }) => d.clientObjectId));
      return ((await res.json()).data.drawings as WireDrawing[]).filter((d) => !ids.has(d.clientObjectId));
    };
    const [line] = await added();
    expect(line?.type).toBe('HORIZONTAL_LINE');
    expect(Math.abs((line?.points[0]?.price ?? Number.NaN) - at.price)).toBeLessThanOrEqual(at.onePx);

    await page.reload();
    await expect(status(page)).toHaveText('Saved · v2');
    expect(await added()).toEqual([line]);
    expect((await exported(page)).map((d) => d.clientObjectId)).toContain(line?.clientObjectId);
    expect(errors).toEqual([]);
  });

  test('offline: draw and move, back online, the server has both', async ({
    page,
    context,
    request,
  }, testInfo) => {
    const cfg = await demoConfig(request);
    const id = await freshAnalysis(request, cfg);
    await openSynced(page, id);

    await context.setOffline(true);
    await drawHorizontalLine(page, '2026-01-12T10:00:00Z', 1.355);
    const hline = await selectedId(page);
    const from = await pointOf(page, hline, 0);
    await page.mouse.move(from.x + 40, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 40, { steps: 8 });
    await page.mouse.up();
    await nextFrames(page);
    await expect(status(page)).toHaveText(/^Offline · [12] pending$/);
    await keepScreenshot(page, testInfo, 'offline');
    const local = await exported(page);
    expect(shape(await serverDrawings(request, cfg, id)).map((d) => d.clientObjectId)).not.toContain(hline);

    await context.setOffline(false);
    await expect(status(page)).toHaveText(/^Saved · v\d+$/, { timeout: 15_000 });
    expect(shape(await serverDrawings(request, cfg, id))).toEqual(shape(local));
    const moved = local.find((d) => d.clientObjectId === hline)!;
    expect(moved.points[0]!.price).toBeLessThan(1.355);
  });

  test('a second tab edits the same analysis and both converge', async ({
    page,
    context,
    request,
  }, testInfo) => {
    const cfg = await demoConfig(request);
    const id = await freshAnalysis(request, cfg);
    await openSynced(page, id);
    const second = await context.newPage();
    await openSynced(second, id);

    await drawHorizontalLine(page, '2026-01-12T10:00:00Z', 1.354);
    await expect(status(page)).toHaveText('Saved · v2');
    await drawHorizontalLine(second, '2026-01-13T02:00:00Z', 1.3445);
    await second.keyboard.press('ArrowUp');
    await expect(status(second)).toHaveText(/^Saved · v\d+$/, { timeout: 15_000 });

    // Tab one polls the server while idle and rebases onto what tab two saved.
    await expect
      .poll(async () => shape(await exported(page)).length, { timeout: 15_000 })
      .toBe(SAMPLE.drawings.length + 2);
    const server = shape(await serverDrawings(request, cfg, id));
    await expect.poll(async () => shape(await exported(page)), { timeout: 15_000 }).toEqual(server);
    await expect.poll(async () => shape(await exported(second)), { timeout: 15_000 }).toEqual(server);
    expect(new Set(server.map((d) => d.clientObjectId)).size).toBe(server.length);
    await keepScreenshot(page, testInfo, 'tab-one');
    await keepScreenshot(second, testInfo, 'tab-two');
  });

  test('edits the server never got survive a reload in the outbox and are sent after it', async ({
    page,
    request,
  }, testInfo) => {
    const cfg = await demoConfig(request);
    const id = await freshAnalysis(request, cfg);
    await openSynced(page, id);
    // Reads pass, writes never arrive: the edit can only live in this tab's IndexedDB outbox.
    await blockWrites(page);
    await drawHorizontalLine(page, '2026-01-12T10:00:00Z', 1.356);
    await expect(status(page)).toHaveText('Offline · 1 pending');
    const local = shape(await exported(page));

    await page.reload();
    await expect(status(page)).toHaveText('Offline · 1 pending');
    await nextFrames(page);
    expect(shape(await exported(page))).toEqual(local);
    expect(shape(await serverDrawings(request, cfg, id))).toHaveLength(local.length - 1);
    await keepScreenshot(page, testInfo, 'pending-after-reload');

    await page.unroute(WRITES);
    await expect(status(page)).toHaveText('Saved · v2', { timeout: 15_000 });
    expect(shape(await serverDrawings(request, cfg, id))).toEqual(local);
  });

  test('edits a closed tab never sent are sent by the next tab that opens the analysis', async ({
    context,
    request,
  }, testInfo) => {
    const cfg = await demoConfig(request);
    const id = await freshAnalysis(request, cfg);
    const first = await context.newPage();
    await openSynced(first, id);
    await blockWrites(first);
    await drawHorizontalLine(first, '2026-01-12T10:00:00Z', 1.356);
    await expect(status(first)).toHaveText('Offline · 1 pending');
    const local = shape(await exported(first));
    await first.close();
    expect(shape(await serverDrawings(request, cfg, id))).toHaveLength(local.length - 1);

    // A new tab (its own sessionStorage) finds the closed tab's outbox unlocked and adopts it.
    const next = await context.newPage();
    await next.goto(`/?analysis=${id}`);
    await expect(status(next)).toHaveText('Saved · v2', { timeout: 15_000 });
    expect(shape(await serverDrawings(request, cfg, id))).toEqual(local);
    await nextFrames(next);
    expect(shape(await exported(next))).toEqual(local);
    await keepScreenshot(next, testInfo, 'sent-by-the-next-tab');
  });

  test('a drag goes on when the first save of a new analysis is answered in the middle of it', async ({
    page,
    request,
  }) => {
    const cfg = await demoConfig(request);
    // The Create is held until the drag below is under way.
    let release = (): void => {};
    const answered = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/v1/analysis/*/channels/*', async (route) => {
      if (route.request().method() === 'POST') await answered;
      await route.continue();
    });
    // An empty `analysis` parameter: a new analysis in the demo's channel, saved on its first edit.
    await page.goto('/?analysis=');
    await expect(status(page)).toHaveText('New · not saved yet');
    await nextFrames(page);
    const at = await page.evaluate(() => {
      const cm = (window as never as { chartmark: { chart: IChartApi; series: ISeriesApi<'Candlestick'> } })
        .chartmark;
      const pane = cm.chart.paneSize();
      const rect = cm.chart.chartElement().getBoundingClientRect();
      return {
        x: rect.left + cm.chart.priceScale('left').width() + pane.width / 2,
        top: rect.top,
        y: Math.round(pane.height / 2),
      };
    });
    // A title and a symbol in one edit make the analysis valid: its Create goes out (and is held).
    const createSent = page.waitForRequest((r) => r.method() === 'POST' && /\/channels\//.test(r.url()));
    await page.evaluate(() =>
      (
        window as never as { chartmark: { editor: { setMetadata(m: object): void } } }
      ).chartmark.editor.setMetadata({ title: 'Cable into the weekly high', symbol: 'GBP/USD' }),
    );
    await expect(status(page)).toHaveText('Saving…');
    // On the wire before the button goes down (the engine sends nothing while it is down).
    await createSent;
    await page.getByRole('button', { name: 'Horizontal line', exact: true }).click();
    await page.mouse.click(at.x, at.top + at.y);
    await page.mouse.move(at.x, at.top + at.y);
    await page.mouse.down();
    await page.mouse.move(at.x, at.top + at.y + 20, { steps: 4 });
    release();
    // The Create's answer (the analysis' id and creation time) arrives while the button is down.
    await page.waitForFunction(
      () =>
        (window as never as { chartmark: { sync: { analysisId: string | null } } }).chartmark.sync
          .analysisId !== null,
    );
    await nextFrames(page);
    await page.mouse.move(at.x, at.top + at.y + 40, { steps: 4 });
    await page.mouse.up();
    // Where the line ends is lightweight-charts' price at the last pointer row.
    const want = await page.evaluate(
      (y) =>
        (
          window as never as { chartmark: { series: ISeriesApi<'Candlestick'> } }
        ).chartmark.series.coordinateToPrice(y) as number,
      at.y + 40,
    );
    const onePx = await page.evaluate((y) => {
      const s = (window as never as { chartmark: { series: ISeriesApi<'Candlestick'> } }).chartmark.series;
      return Math.abs((s.coordinateToPrice(y + 1) as number) - (s.coordinateToPrice(y) as number));
    }, at.y + 40);
    const drawn = await exported(page);
    expect(drawn).toHaveLength(1);
    expect(Math.abs(drawn[0]!.points[0]!.price - want)).toBeLessThanOrEqual(onePx);
    // The engine holds edits while the button is down: the line goes out once, where it was left.
    await expect(status(page)).toHaveText('Saved · v2');
    const id = await page.evaluate(
      () => (window as never as { chartmark: { sync: { analysisId: string } } }).chartmark.sync.analysisId,
    );
    expect(shape(await serverDrawings(request, cfg, id))).toEqual(shape(drawn));
  });

  test('a new analysis waits for its title and symbol instead of showing the server refusing it', async ({
    page,
    request,
  }) => {
    const cfg = await demoConfig(request);
    const statuses: string[] = [];
    await page.exposeFunction('noteStatus', (t: string) => statuses.push(t));
    await page.goto('/?analysis=');
    await expect(status(page)).toHaveText('New · not saved yet');
    await page.evaluate(() => {
      const el = document.getElementById('sync-status')!;
      new MutationObserver(() =>
        (window as never as { noteStatus(t: string): void }).noteStatus(el.textContent ?? ''),
      ).observe(el, { childList: true, characterData: true, subtree: true });
    });
    await page.locator('input[name="title"]').fill('Cable into the weekly high');
    await page.locator('input[name="title"]').press('Tab');
    await expect(status(page)).toHaveText('New · add a symbol to save');
    await page.locator('input[name="symbol"]').fill('GBP/USD');
    await page.locator('input[name="symbol"]').press('Tab');
    await expect(status(page)).toHaveText('Saved · v1');
    expect(statuses.filter((t) => t.startsWith('Error'))).toEqual([]);
    const id = await page.evaluate(
      () => (window as never as { chartmark: { sync: { analysisId: string } } }).chartmark.sync.analysisId,
    );
    const res = await request.get(`/v1/analysis/${id}`, {
      headers: { authorization: `Bearer ${cfg.token}` },
    });
    expect((await res.json()).data.metadata).toMatchObject({
      title: 'Cable into the weekly high',
      symbol: 'GBP/USD',
    });
  });
});
