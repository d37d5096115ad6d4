// Issue 17 item 6: one undo step per gesture in the style panel (a drag in the colour picker
// fires `input` on every move), and Ctrl/Cmd+Z, Ctrl+Shift+Z and Ctrl+Y from panel controls
// other than text fields.
import { expect, type Page, test } from '@playwright/test';
import { clickChart, keepScreenshot, openEditor, seconds, selection } from './editor-page';

type Cm = {
  chartmark: {
    editor: {
      getState(): { byId: Record<string, { style: { color?: string; lineWidth?: number } }> };
      canUndo(): boolean;
      canRedo(): boolean;
    };
  };
};
const styleOf = (page: Page, id: string) =>
  page.evaluate((id) => (window as never as Cm).chartmark.editor.getState().byId[id]!.style, id);
const canUndo = (page: Page) => page.evaluate(() => (window as never as Cm).chartmark.editor.canUndo());

test('a colour-picker drag is one undo step; Ctrl+Z and Ctrl+Y work from the panel controls', async ({
  page,
}, testInfo) => {
  await openEditor(page);
  await clickChart(page, seconds('2026-01-12T10:00:00Z'), 1.355);
  expect(await selection(page)).toEqual(['target']);
  const before = await styleOf(page, 'target');
  expect(await canUndo(page)).toBe(false);

  // Ten moves of the picker, then its commit, as Chromium fires them during a drag.
  const colour = page.getByLabel('Colour', { exact: true });
  await colour.evaluate((input: HTMLInputElement) => {
    for (let i = 0; i < 10; i++) {
      input.value = `#${(0x10 + i * 0x10).toString(16).padStart(2, '0')}3399`;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  expect((await styleOf(page, 'target')).color).toBe('#A03399');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  expect(await styleOf(page, 'target')).toEqual(before);
  expect(await canUndo(page)).toBe(false);

  // Focus in the colour input: Ctrl+Shift+Z redoes the whole drag, Ctrl+Z undoes it again.
  await colour.focus();
  await page.keyboard.press('Control+Shift+z');
  expect((await styleOf(page, 'target')).color).toBe('#A03399');
  await page.keyboard.press('Control+z');
  expect(await styleOf(page, 'target')).toEqual(before);

  // A select: its own arrows pick a width; Ctrl+Z undoes that change, Ctrl+Y redoes it.
  const width = page.locator('.cm-style select[name=lineWidth]');
  await width.selectOption('4');
  expect((await styleOf(page, 'target')).lineWidth).toBe(4);
  await width.focus();
  await page.keyboard.press('Control+z');
  expect(await styleOf(page, 'target')).toEqual(before);
  await page.keyboard.press('Control+y');
  expect((await styleOf(page, 'target')).lineWidth).toBe(4);
  await expect(width).toBeFocused();

  // A text field keeps its own undo: the editor's history is left alone.
  const title = page.getByLabel('Title', { exact: true });
  await title.focus();
  await page.keyboard.press('Control+z');
  expect((await styleOf(page, 'target')).lineWidth).toBe(4);
  await keepScreenshot(page, testInfo, 'undo-from-panel');
});
