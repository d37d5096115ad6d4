// Helpers for e2e flows on the editor demo: chart ↔ page coordinates from lightweight-charts
// itself (never the overlay's own viewport, so a misaligned overlay fails), the editor's state,
// and a screenshot kept with every test.
import { expect, type Page, type TestInfo } from '@playwright/test';

/** A wire drawing as exportDrawings returns it. */
export interface WireDrawing {
  type: string;
  clientObjectId: string;
  points: { time: string; price: number }[];
  style?: Record<string, unknown>;
}

/** Opens the demo and waits until the overlay has painted. */
export async function openEditor(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/');
  await page.waitForFunction(() => 'chartmark' in window);
  // The analysis and the panel's parts arrive in chunks of their own just after mount.
  await page.evaluate(() =>
    (window as never as { chartmark: { handle: { ready: Promise<void> } } }).chartmark.handle.ready.catch(
      () => {},
    ),
  );
  await expect(page.locator('.chartmark-overlay canvas').first()).toBeVisible();
  await nextFrames(page);
  return errors;
}

/** Waits for a few animation frames so the chart and overlay have repainted. */
export async function nextFrames(page: Page, n = 3): Promise<void> {
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
  }, n);
}

/** Page (client) coordinates of a chart point, as lightweight-charts places it. */
export function toPage(page: Page, time: number, price: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ time, price }) => {
      const cm = (window as never as { chartmark: Cm }).chartmark;
      const rect = cm.chart.chartElement().getBoundingClientRect();
      // Times between bars or past the last one sit at a fractional logical index, interpolated
      // between the neighbouring bars' times (extrapolated with the last bar spacing).
      const bars = cm.series.data().map((b) => b.time);
      let i = 0;
      while (i < bars.length - 2 && bars[i + 1]! <= time) i++;
      const frac = (time - bars[i]!) / (bars[i + 1]! - bars[i]!);
      // logicalToCoordinate takes whole bar indexes only: interpolate between two of them.
      const x0 = cm.chart.timeScale().logicalToCoordinate(i);
      const x1 = cm.chart.timeScale().logicalToCoordinate(i + 1);
      const x = x0 === null || x1 === null ? null : x0 + frac * (x1 - x0);
      const y = cm.series.priceToCoordinate(price);
      if (x === null || y === null) throw new Error(`toPage: ${time}/${price} is off the chart`);
      return { x: rect.left + x, y: rect.top + y };
    },
    { time, price },
  );
}

/** Chart point (time in UTC seconds, price) at page coordinates as lightweight-charts reads them, and the price worth of 1 px there. */
export function toChart(
  page: Page,
  x: number,
  y: number,
): Promise<{ time: number; price: number; pricePerPx: number }> {
  return page.evaluate(
    ({ x, y }) => {
      const cm = (window as never as { chartmark: Cm }).chartmark;
      const rect = cm.chart.chartElement().getBoundingClientRect();
      const price = cm.series.coordinateToPrice(y - rect.top);
      const below = cm.series.coordinateToPrice(y - rect.top + 1);
      // coordinateToLogical rounds to a bar: take the fraction from two bars' coordinates instead.
      const x0 = cm.chart.timeScale().logicalToCoordinate(0);
      const x1 = cm.chart.timeScale().logicalToCoordinate(1);
      if (price === null || below === null || x0 === null || x1 === null)
        throw new Error(`toChart: ${x},${y} is off the chart`);
      const logical = (x - rect.left - x0) / (x1 - x0);
      const bars = cm.series.data().map((b) => b.time);
      const i = Math.max(0, Math.min(bars.length - 2, Math.floor(logical)));
      return {
        time: bars[i]! + (logical - i) * (bars[i + 1]! - bars[i]!),
        price,
        pricePerPx: Math.abs(below - price),
      };
    },
    { x, y },
  );
}

/** Page coordinates of a point of a drawing in the editor state. */
export async function pointOf(page: Page, id: string, index: number): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    ({ id, index }) => {
      const d = (window as never as { chartmark: Cm }).chartmark.editor.getState().byId[id];
      return d.points[index];
    },
    { id, index },
  );
  return toPage(page, p.time, p.price);
}

/** The editor's drawings in wire format. */
export function exported(page: Page): Promise<WireDrawing[]> {
  return page.evaluate(() => (window as never as { chartmark: Cm }).chartmark.editor.exportDrawings());
}

/** Selected drawing ids. */
export function selection(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...(window as never as { chartmark: Cm }).chartmark.editor.getState().selection,
  ]);
}

/** The chart's visible logical range. */
export function visibleRange(page: Page): Promise<{ from: number; to: number } | null> {
  return page.evaluate(() =>
    (window as never as { chartmark: Cm }).chartmark.chart.timeScale().getVisibleLogicalRange(),
  );
}

/** Keeps a screenshot of the page with the test's results. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await nextFrames(page);
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Presses at `from`, moves to `to` in `steps` and releases, then waits for repaints. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 12,
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
  await nextFrames(page);
}

/** Clicks the chart point (time in UTC seconds, price), with modifier keys held. */
export async function clickChart(
  page: Page,
  time: number,
  price: number,
  modifiers: ('Control' | 'Shift')[] = [],
) {
  const p = await toPage(page, time, price);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.click(p.x, p.y);
  for (const m of modifiers) await page.keyboard.up(m);
  await nextFrames(page);
}
/** ISO time → UTC seconds. */
export const seconds = (iso: string): number => Date.parse(iso) / 1000;

// The slice of window.chartmark the helpers use (structural, to keep the test free of src imports).
interface Cm {
  chart: {
    chartElement(): HTMLElement;
    timeScale(): {
      getVisibleLogicalRange(): { from: number; to: number } | null;
      logicalToCoordinate(logical: number): number | null;
    };
  };
  series: {
    data(): readonly { time: number }[];
    priceToCoordinate(price: number): number | null;
    coordinateToPrice(y: number): number | null;
  };
  editor: {
    getState(): {
      byId: Record<string, { points: { time: number; price: number }[] }>;
      selection: readonly string[];
    };
    exportDrawings(): WireDrawing[];
  };
}
