import { expect, test } from '@playwright/test';
import {
  clickChart,
  drag,
  exported,
  keepScreenshot,
  nextFrames,
  openEditor,
  pointOf,
  seconds,
  selection,
  toChart,
  toPage,
  visibleRange,
} from './editor-page';

const HOUR = 3600;
const t = (iso: string) => seconds(iso);

test.describe('drawing with the mouse', () => {
  const KINDS = [
    { button: 'Horizontal line', type: 'HORIZONTAL_LINE', points: [[t('2026-01-13T12:00:00Z'), 1.337]] },
    {
      button: 'Line',
      type: 'LINE',
      // The second point lies in the future, 5 hours after the last bar.
      points: [
        [t('2026-01-14T06:00:00Z'), 1.3385],
        [t('2026-01-16T04:00:00Z'), 1.3425],
      ],
    },
    {
      button: 'Rectangle',
      type: 'RECTANGLE',
      points: [
        [t('2026-01-12T02:00:00Z'), 1.3575],
        [t('2026-01-13T02:00:00Z'), 1.3535],
      ],
    },
    {
      button: 'Parallel channel',
      type: 'PARALLEL',
      points: [
        [t('2026-01-05T00:00:00Z'), 1.3525],
        [t('2026-01-06T12:00:00Z'), 1.3575],
        [t('2026-01-05T12:00:00Z'), 1.3505],
      ],
    },
    {
      button: 'Fibonacci retracement',
      type: 'FIBONACCI_RETRACEMENT',
      points: [
        [t('2026-01-02T10:00:00Z'), 1.3365],
        [t('2026-01-06T00:00:00Z'), 1.347],
      ],
    },
  ] as const;

  test('each of the five kinds lands where it was clicked, and exportDrawings says so', async ({
    page,
  }, testInfo) => {
    const errors = await openEditor(page);
    for (const kind of KINDS) {
      await page.getByRole('button', { name: kind.button, exact: true }).click();
      await expect(page.getByRole('button', { name: kind.button, exact: true })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      const clicks: { x: number; y: number }[] = [];
      for (const [time, price] of kind.points) {
        const p = await toPage(page, time, price);
        clicks.push(p);
        await page.mouse.click(p.x, p.y);
        await nextFrames(page, 1);
      }
      await nextFrames(page);
      const drawings = await exported(page);
      const last = drawings[drawings.length - 1];
      expect(last.type).toBe(kind.type);
      expect(last.points).toHaveLength(kind.points.length);
      for (let i = 0; i < clicks.length; i++) {
        const want = await toChart(page, clicks[i].x, clicks[i].y);
        expect(Math.abs(seconds(last.points[i].time) - kind.points[i][0])).toBeLessThanOrEqual(HOUR);
        expect(Math.abs(last.points[i].price - want.price)).toBeLessThanOrEqual(want.pricePerPx);
        expect(Math.abs(last.points[i].price - kind.points[i][1])).toBeLessThanOrEqual(want.pricePerPx);
      }
      // The tool returns to Select, and the new drawing is selected.
      await expect(page.getByRole('button', { name: 'Select', exact: true })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      expect(await selection(page)).toEqual([last.clientObjectId]);
    }
    expect((await exported(page)).map((d) => d.type)).toEqual([
      'RECTANGLE',
      'LINE',
      'HORIZONTAL_LINE',
      'HORIZONTAL_LINE',
      'LINE',
      'RECTANGLE',
      'PARALLEL',
      'FIBONACCI_RETRACEMENT',
    ]);
    await keepScreenshot(page, testInfo, 'five-kinds');
    expect(errors).toEqual([]);
  });
});

test.describe('editing', () => {
  const TARGET = { time: t('2026-01-12T10:00:00Z'), price: 1.355 };

  test('select and move a line by its body, resize a rectangle by a corner handle', async ({
    page,
  }, testInfo) => {
    await openEditor(page);
    await clickChart(page, TARGET.time, TARGET.price);
    expect(await selection(page)).toEqual(['target']);
    const from = await toPage(page, TARGET.time, TARGET.price);
    const before = await visibleRange(page);
    await drag(page, from, { x: from.x + 60, y: from.y + 40 });
    const moved = (await exported(page)).find((d) => d.clientObjectId === 'target');
    const want = await toChart(page, from.x, from.y + 40);
    expect(Math.abs((moved?.points[0].price ?? 0) - want.price)).toBeLessThanOrEqual(want.pricePerPx);
    // The chart did not pan under the drag.
    expect(await visibleRange(page)).toEqual(before);

    // Resize: select the zone, then drag its corner at point 0 (2026-01-08 00:00, 1.338).
    await clickChart(page, t('2026-01-08T12:00:00Z'), 1.343);
    expect(await selection(page)).toEqual(['support_zone']);
    const corner = await pointOf(page, 'support_zone', 0);
    await drag(page, corner, { x: corner.x - 30, y: corner.y + 25 });
    const zone = (await exported(page)).find((d) => d.clientObjectId === 'support_zone');
    const c0 = await toChart(page, corner.x - 30, corner.y + 25);
    expect(Math.abs(seconds(zone?.points[0].time ?? '') - c0.time)).toBeLessThanOrEqual(HOUR);
    expect(Math.abs((zone?.points[0].price ?? 0) - c0.price)).toBeLessThanOrEqual(c0.pricePerPx);
    expect(zone?.points[1]).toEqual({ time: '2026-01-09T00:00:00Z', price: 1.347 });
    await keepScreenshot(page, testInfo, 'moved-and-resized');
  });

  test('undo and redo a move with the toolbar and the keyboard', async ({ page }, testInfo) => {
    await openEditor(page);
    await clickChart(page, TARGET.time, TARGET.price);
    const from = await toPage(page, TARGET.time, TARGET.price);
    await drag(page, from, { x: from.x, y: from.y - 50 });
    const movedPrice = (await exported(page)).find((d) => d.clientObjectId === 'target')?.points[0].price;
    expect(movedPrice).toBeGreaterThan(1.355);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect((await exported(page)).find((d) => d.clientObjectId === 'target')?.points[0].price).toBe(1.355);
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    expect((await exported(page)).find((d) => d.clientObjectId === 'target')?.points[0].price).toBe(
      movedPrice,
    );
    await page.getByRole('application').focus();
    await page.keyboard.press('Control+z');
    expect((await exported(page)).find((d) => d.clientObjectId === 'target')?.points[0].price).toBe(1.355);
    await page.keyboard.press('Control+Shift+z');
    expect((await exported(page)).find((d) => d.clientObjectId === 'target')?.points[0].price).toBe(
      movedPrice,
    );
    await keepScreenshot(page, testInfo, 'undo-redo');
  });

  test('multi-select with Ctrl-click, then delete both', async ({ page }, testInfo) => {
    await openEditor(page);
    await clickChart(page, TARGET.time, TARGET.price);
    const a = await pointOf(page, 'entry_line', 0);
    const b = await pointOf(page, 'entry_line', 1);
    await page.keyboard.down('Control');
    await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
    await page.keyboard.up('Control');
    await nextFrames(page);
    expect((await selection(page)).sort()).toEqual(['entry_line', 'target']);
    await keepScreenshot(page, testInfo, 'two-selected');
    await page.keyboard.press('Delete');
    expect((await exported(page)).map((d) => d.clientObjectId)).toEqual(['support_zone']);
    await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();
    await keepScreenshot(page, testInfo, 'deleted');
  });

  test('Shift-drag on empty space selects the drawings a box touches, without panning', async ({
    page,
  }, testInfo) => {
    await openEditor(page);
    const a = await toPage(page, t('2026-01-07T20:00:00Z'), 1.3518);
    const b = await toPage(page, t('2026-01-09T04:00:00Z'), 1.348);
    const before = await visibleRange(page);
    await page.keyboard.down('Shift');
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 8 });
    await keepScreenshot(page, testInfo, 'marquee');
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await nextFrames(page);
    expect(await selection(page)).toEqual(['entry_line']);
    expect(await visibleRange(page)).toEqual(before);
  });

  test('copy and paste a drawing: a new id, one bar later, same price', async ({ page }, testInfo) => {
    await openEditor(page);
    await clickChart(page, TARGET.time, TARGET.price);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await nextFrames(page);
    const drawings = await exported(page);
    expect(drawings).toHaveLength(4);
    const copy = drawings[3];
    expect(copy.clientObjectId).not.toBe('target');
    expect(copy.clientObjectId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(copy.type).toBe('HORIZONTAL_LINE');
    expect(copy.points).toEqual([{ time: '2026-01-08T11:00:00Z', price: 1.355 }]);
    expect(await selection(page)).toEqual([copy.clientObjectId]);
    await keepScreenshot(page, testInfo, 'pasted');
  });

  test('keyboard nudge: arrows move the selection 1 px, Shift+arrow 10 px', async ({ page }, testInfo) => {
    await openEditor(page);
    const a = await pointOf(page, 'entry_line', 0);
    const b = await pointOf(page, 'entry_line', 1);
    await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
    await nextFrames(page);
    expect(await selection(page)).toEqual(['entry_line']);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowRight');
    await nextFrames(page);
    const a2 = await pointOf(page, 'entry_line', 0);
    const b2 = await pointOf(page, 'entry_line', 1);
    // Stored values are rounded (issue 17 item 7): prices to the demo's 5 decimals, times to whole
    // seconds, each nudge once, so three nudges sit within three half price steps of the exact
    // move, and the time within half a second.
    const at = await toChart(page, a.x, a.y);
    const yTol = (3 * 0.5e-5) / at.pricePerPx + 1e-6;
    const xPerSecond = ((await toPage(page, at.time + 3600, at.price)).x - a.x) / 3600;
    const xTol = 0.5 * xPerSecond + 1e-6;
    expect(Math.abs(a2.y - (a.y - 3))).toBeLessThanOrEqual(yTol);
    expect(Math.abs(b2.y - (b.y - 3))).toBeLessThanOrEqual(yTol);
    expect(Math.abs(a2.x - (a.x + 10))).toBeLessThanOrEqual(xTol);
    expect(Math.abs(b2.x - (b.x + 10))).toBeLessThanOrEqual(xTol);
    await keepScreenshot(page, testInfo, 'nudged');
  });

  test('the chart pans when dragging empty space but not while dragging a drawing', async ({
    page,
  }, testInfo) => {
    await openEditor(page);
    const empty = await toPage(page, t('2026-01-13T00:00:00Z'), 1.3595);
    const r0 = await visibleRange(page);
    // A real hand jitters a pixel or two before it drags: the pan must still happen.
    await page.mouse.move(empty.x, empty.y);
    await page.mouse.down();
    await page.mouse.move(empty.x - 1, empty.y);
    await page.mouse.move(empty.x - 2, empty.y + 1);
    await page.mouse.move(empty.x - 120, empty.y, { steps: 10 });
    await page.mouse.up();
    await nextFrames(page);
    const r1 = await visibleRange(page);
    expect(r1?.from).not.toBeCloseTo(r0?.from ?? 0, 1);
    const zone = await toPage(page, t('2026-01-08T12:00:00Z'), 1.343);
    await drag(page, zone, { x: zone.x - 150, y: zone.y + 10 }, 20);
    expect(await visibleRange(page)).toEqual(r1);
    const moved = (await exported(page)).find((d) => d.clientObjectId === 'support_zone');
    expect(moved?.points[0].time).not.toBe('2026-01-08T00:00:00Z');
    await keepScreenshot(page, testInfo, 'no-pan-while-dragging');
  });
});
