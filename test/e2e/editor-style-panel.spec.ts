// Issue 17 item 8 against the reference server: the style panel restyles each of the five kinds
// with the controls that kind has (spec §3.8, §3.9), and the stored document says so; with nothing
// selected it sets the next drawing's defaults, which (with the magnet) survive a reload.
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { authOf, type DemoConfig, demoConfig, freshAnalysis } from './demo-server';
import { keepScreenshot, nextFrames, seconds, toPage } from './editor-page';

const SYNC_URL = `http://127.0.0.1:${Number(process.env.E2E_SYNC_PORT ?? 5198)}`;
test.use({ baseURL: SYNC_URL, viewport: { width: 1280, height: 900 } });

type Stored = {
  type: string;
  clientObjectId: string;
  style?: Record<string, unknown>;
  [key: string]: unknown;
};
type Cm = {
  chartmark: {
    editor: {
      getState(): {
        selection: string[];
        order: string[];
        flags: Record<string, { locked?: boolean; hidden?: boolean }>;
        byId: Record<string, { labelSide?: string; showBands?: boolean }>;
      };
      select(ids: string[]): void;
    };
    handle: { flush(): Promise<void> };
  };
};

const status = (page: Page) => page.locator('#sync-status');
const panel = (page: Page) => page.locator('form.cm-style');
const legend = (page: Page) => panel(page).locator('legend').first();

async function storedDrawings(page: Page, cfg: DemoConfig, id: string): Promise<Stored[]> {
  await page.evaluate(() => (window as never as Cm).chartmark.handle.flush());
  const res = await page.request.get(`/v1/analysis/${id}`, { headers: authOf(cfg) });
  return (await res.json()).data.drawings as Stored[];
}
const byId = (list: Stored[], id: string) => list.find((d) => d.clientObjectId === id);

/** A fresh copy of the sample analysis on the server, opened in the editor once it reads "Saved · v1". */
async function openFresh(page: Page, request: APIRequestContext): Promise<{ cfg: DemoConfig; id: string }> {
  const cfg = await demoConfig(request);
  const id = (await freshAnalysis(request, cfg)).id;
  await page.goto(`/?analysis=${id}`);
  await expect(status(page)).toHaveText('Saved · v1');
  return { cfg, id };
}

async function select(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((ids) => (window as never as Cm).chartmark.editor.select(ids), ids);
}

async function place(page: Page, tool: string, points: [string, number][]): Promise<string> {
  await page.getByRole('button', { name: tool, exact: true }).click();
  for (const [iso, price] of points) {
    const p = await toPage(page, seconds(iso), price);
    await page.mouse.click(p.x, p.y);
    await nextFrames(page, 1);
  }
  const sel = await page.evaluate(() => (window as never as Cm).chartmark.editor.getState().selection);
  expect(sel).toHaveLength(1);
  return sel[0]!;
}

// A colour input set as a picker's OK does it: one input event, then change.
async function pickColour(page: Page, label: string, hex: string): Promise<void> {
  await panel(page)
    .getByLabel(label)
    .evaluate((input: HTMLInputElement, hex) => {
      input.value = hex;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, hex);
}

const visibleControls = (page: Page) =>
  panel(page).evaluate((form) =>
    [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')]
      .filter((c) => c.checkVisibility())
      .map((c) => c.name),
  );

test('each kind is restyled through its own controls and stored as the wire says', async ({
  page,
  request,
}, testInfo) => {
  const { cfg, id } = await openFresh(page, request);
  const channel = await place(page, 'Parallel channel', [
    ['2026-01-12T00:00:00Z', 1.345],
    ['2026-01-13T12:00:00Z', 1.352],
    ['2026-01-12T00:00:00Z', 1.35],
  ]);
  const fib = await place(page, 'Fibonacci retracement', [
    ['2026-01-09T12:00:00Z', 1.341],
    ['2026-01-12T12:00:00Z', 1.356],
  ]);

  // Horizontal line: colour, width, line style; no fill, no extension, no heads.
  await select(page, ['target']);
  await expect(legend(page)).toHaveText('Style Horizontal line 1');
  expect(await visibleControls(page)).toEqual(['color', 'lineWidth', 'lineStyle', 'locked']);
  await pickColour(page, 'Colour', '#00897b');
  await panel(page).getByLabel('Width').selectOption('3');
  await panel(page).getByLabel('Line style').selectOption('DOTTED');

  // Trend line: extension both ways and arrow heads.
  await select(page, ['entry_line']);
  await expect(legend(page)).toHaveText('Style Trend line 1');
  expect(await visibleControls(page)).toEqual([
    'color',
    'lineWidth',
    'lineStyle',
    'extendLeft',
    'extendRight',
    'startHead',
    'endHead',
    'locked',
  ]);
  await panel(page).getByLabel('Extend right').check();
  await panel(page).getByLabel('Arrow at end').check();

  // Rectangle: its colour is the outline (borderColor); a new fill keeps the painted alpha
  // (the sample's #00FF33 is painted at 0.25 → 0x40, core/style.ts FILL_DEFAULT_ALPHA).
  await select(page, ['support_zone']);
  await expect(legend(page)).toHaveText('Style Rectangle 1');
  expect(await visibleControls(page)).toEqual(['color', 'lineWidth', 'lineStyle', 'fillColor', 'locked']);
  await pickColour(page, 'Colour', '#1e88e5');
  await pickColour(page, 'Fill', '#ff9800');

  // Channel: fill, extension, midline.
  await select(page, [channel]);
  await expect(legend(page)).toHaveText('Style Parallel channel 1');
  await panel(page).getByLabel('Midline').uncheck();
  await panel(page).getByLabel('Extend left').check();

  // Fibonacci: edit, remove and add ratios; a repeated one is refused in words naming the field.
  await select(page, [fib]);
  await expect(legend(page)).toHaveText('Style Fibonacci 1');
  expect(await visibleControls(page)).toEqual([
    'color',
    'lineWidth',
    'lineStyle',
    'extendRight',
    'showBands',
    'labelSide',
    'locked',
  ]);
  // Bands and the label side are editor state with no wire field (spec §3.9 stores ratios only).
  await panel(page).getByLabel('Bands').uncheck();
  await panel(page).getByLabel('Level labels').selectOption('right');
  expect(
    await page.evaluate((id) => (window as never as Cm).chartmark.editor.getState().byId[id], fib),
  ).toMatchObject({ labelSide: 'right', showBands: false });
  await panel(page).getByLabel('Level 2 ratio').fill('0.25');
  await panel(page).getByLabel('Level 2 ratio').press('Tab');
  await panel(page).getByRole('button', { name: 'Remove level 0.786' }).click();
  await panel(page).getByLabel('New level ratio').fill('1.618');
  await panel(page).getByRole('button', { name: 'Add level' }).click();
  await panel(page).getByLabel('New level ratio').fill('0.5');
  await panel(page).getByRole('button', { name: 'Add level' }).click();
  await expect(panel(page).getByRole('alert')).toHaveText('levels[7]: ratio 0.5 repeats levels[3]');
  await expect(panel(page).getByLabel('New level ratio')).toHaveAttribute('aria-invalid', '');
  await keepScreenshot(page, testInfo, 'fibonacci-levels');

  // Paint order and lock from the panel: the rectangle to the front, locked.
  await select(page, ['support_zone']);
  await panel(page).getByRole('button', { name: 'Bring to front' }).click();
  // Paint order is the editor's; read before a save (the sync rebase keeps the server's order, which is reported).
  expect(await page.evaluate(() => (window as never as Cm).chartmark.editor.getState().order.at(-1))).toBe(
    'support_zone',
  );
  await panel(page).getByLabel('Lock').check();

  const saved = await storedDrawings(page, cfg, id);
  expect(byId(saved, 'target')).toMatchObject({
    style: { color: '#00897B', lineWidth: 3, lineStyle: 'DOTTED' },
  });
  expect(byId(saved, 'entry_line')).toMatchObject({ extendRight: true, endHead: 'ARROW', startHead: 'NONE' });
  expect(byId(saved, 'support_zone')?.style).toEqual({
    borderColor: '#1E88E5',
    fillColor: '#FF980040',
    lineWidth: 2,
  });
  expect(byId(saved, channel)).toMatchObject({ showMidline: false, extendLeft: true });
  expect(byId(saved, fib)).toMatchObject({ levels: [0, 0.25, 0.382, 0.5, 0.618, 1, 1.618] });
  expect(byId(saved, fib)).not.toHaveProperty('showBands');
  expect(byId(saved, fib)).not.toHaveProperty('labelSide');
  // Lock is editor state, no wire field (README): nothing of it is stored.
  expect(JSON.stringify(saved)).not.toContain('lock');
  expect(await page.evaluate(() => (window as never as Cm).chartmark.editor.getState().flags)).toEqual({
    support_zone: { locked: true },
  });

  // Hide, then show again from the panel.
  await select(page, ['target']);
  await panel(page).getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(legend(page)).toHaveText('Style (nothing selected)');
  await panel(page).getByRole('button', { name: 'Show hidden drawings (1)' }).click();
  await expect(panel(page).getByRole('button', { name: /Show hidden/ })).toBeHidden();
  await keepScreenshot(page, testInfo, 'restyled-kinds');
});

test('a mixed selection shows what all share, differing values as mixed; Ctrl+Z works from a checkbox', async ({
  page,
  request,
}, testInfo) => {
  const { cfg, id } = await openFresh(page, request);
  await select(page, ['entry_line', 'target']);
  await expect(legend(page)).toHaveText('Style (2 drawings)');
  expect(await visibleControls(page)).toEqual(['color', 'lineWidth', 'lineStyle', 'locked']);
  // Both are width 2 in the sample; colours (#0000FF, #FF0000) and styles (DASHED, SOLID) differ.
  await expect(panel(page).getByLabel('Width')).toHaveValue('2');
  await expect(panel(page).getByLabel('Line style')).toHaveValue('');
  await expect(panel(page).locator('.cm-field', { hasText: 'Colour' })).toContainText('(mixed)');
  await expect(panel(page).getByLabel('Colour', { exact: true })).toHaveAccessibleDescription('(mixed)');
  await keepScreenshot(page, testInfo, 'mixed-selection');
  await panel(page).getByLabel('Line style').selectOption('DASHED');
  await expect(panel(page).getByLabel('Line style')).toHaveValue('DASHED');

  await select(page, ['entry_line']);
  const arrow = panel(page).getByLabel('Arrow at start');
  await arrow.check();
  await expect(arrow).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(arrow).not.toBeChecked();
  await page.keyboard.press('Control+Shift+z');
  await expect(arrow).toBeChecked();
  const saved = await storedDrawings(page, cfg, id);
  expect(byId(saved, 'entry_line')).toMatchObject({ startHead: 'ARROW', style: { lineStyle: 'DASHED' } });
  expect(byId(saved, 'target')?.style).toMatchObject({ lineStyle: 'DASHED' });
});

test('with nothing selected the panel sets the next drawing of the active tool; defaults and magnet survive a reload', async ({
  page,
  request,
}, testInfo) => {
  const { cfg, id } = await openFresh(page, request);
  await page.getByRole('button', { name: 'Line', exact: true }).click();
  await expect(legend(page)).toHaveText('Style next trend line');
  // Real colours, not black: LINE's default is #2962FF (core/style.ts STYLE_DEFAULTS).
  await expect(panel(page).getByLabel('Colour')).toHaveValue('#2962ff');
  await pickColour(page, 'Colour', '#ff9800');
  await panel(page).getByLabel('Width').selectOption('3');
  await panel(page).getByLabel('Arrow at end').check();
  await page.getByLabel('Magnet').selectOption('weak');
  await keepScreenshot(page, testInfo, 'defaults-of-next-line');
  const line = await place(page, 'Line', [
    ['2026-01-09T00:00:00Z', 1.34],
    ['2026-01-13T00:00:00Z', 1.357],
  ]);
  expect(byId(await storedDrawings(page, cfg, id), line)).toMatchObject({
    style: { color: '#FF9800', lineWidth: 3 },
    endHead: 'ARROW',
  });

  await page.reload();
  await expect(status(page)).toHaveText(/Saved/);
  await expect(page.getByLabel('Magnet')).toHaveValue('weak');
  await page.getByRole('button', { name: 'Line', exact: true }).click();
  await expect(panel(page).getByLabel('Colour')).toHaveValue('#ff9800');
  await expect(panel(page).getByLabel('Width')).toHaveValue('3');
  await expect(panel(page).getByLabel('Arrow at end')).toBeChecked();
  // Another kind keeps its own defaults.
  await page.getByRole('button', { name: 'Rectangle', exact: true }).click();
  await expect(legend(page)).toHaveText('Style next rectangle');
  await expect(panel(page).getByLabel('Colour')).toHaveValue('#9c27b0');
});
