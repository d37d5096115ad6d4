// The style panel in a real DOM (issue 17 item 8): the Fibonacci ratio list refuses a bad list in
// words naming the field and changes nothing; an accepted edit is one undo step; the controls
// shown follow the selection's kinds; hidden controls leave no black swatch with nothing selected.
import { afterEach, describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import sample from '../../../demo/sample-analysis.json';
import { type AnalysisEditorHandle, mountAnalysisEditor } from '../../../src/embed/index';

afterEach(() => document.body.replaceChildren());

async function mount(): Promise<AnalysisEditorHandle> {
  const box = document.createElement('div');
  box.style.width = '1000px';
  document.body.append(box);
  const h = mountAnalysisEditor(box, { candles: demoCandles(), analysis: sample, preferences: false });
  // The analysis and the style panel are loaded in chunks of their own after mount.
  await h.ready;
  return h;
}

const form = (h: AnalysisEditorHandle) => h.elements.panel!.querySelector('form.cm-style') as HTMLFormElement;
const byLabel = (root: HTMLElement, label: string) =>
  root.querySelector(`[aria-label="${label}"]`) as HTMLInputElement;
const visible = (el: Element) => (el as HTMLElement).checkVisibility();
const setNumber = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
};
const T = (iso: string) => Date.parse(iso) / 1000;
// Editor points are branded (UTC seconds, price): the test writes them from the ISO time.
const P = (iso: string, price: number) => ({ time: T(iso) as never, price: price as never });

describe('style panel', () => {
  it('the Fibonacci ratio list refuses bad lists naming the field, and an edit is one undo step', async () => {
    const h = await mount();
    const fib = h.editor.create('FIBONACCI_RETRACEMENT', [
      P('2026-01-09T12:00:00Z', 1.341),
      P('2026-01-12T12:00:00Z', 1.356),
    ]);
    const f = form(h);
    const alert = f.querySelector('[role="alert"]')!;
    const levels = () => (h.editor.getState().byId[fib] as { levels: readonly number[] }).levels;
    const before = [...levels()];

    setNumber(byLabel(f, 'Level 3 ratio'), '');
    expect(alert.textContent).toBe('levels[2]: ratio must be a finite number, got NaN');
    expect(byLabel(f, 'Level 3 ratio').hasAttribute('aria-invalid')).toBe(true);
    expect(byLabel(f, 'Level 3 ratio').getAttribute('aria-describedby')).toBe(alert.id);
    setNumber(byLabel(f, 'Level 3 ratio'), '0.236');
    expect(alert.textContent).toBe('levels[2]: ratio 0.236 repeats levels[1]');
    setNumber(byLabel(f, 'Level 3 ratio'), '6');
    expect(alert.textContent).toBe('levels[2]: ratio must be within [-5, 5], got 6');
    expect(levels()).toEqual(before);

    setNumber(byLabel(f, 'Level 3 ratio'), '0.4');
    expect(alert.textContent).toBe('');
    expect(byLabel(f, 'Level 3 ratio').hasAttribute('aria-invalid')).toBe(false);
    expect(levels()).toEqual([0, 0.236, 0.4, 0.5, 0.618, 0.786, 1]);
    h.editor.undo();
    expect(levels()).toEqual(before);
    expect(byLabel(f, 'Level 3 ratio').value).toBe('0.382');

    // Removing down to one ratio works; the last one cannot go.
    for (const r of [0.236, 0.382, 0.5, 0.618, 0.786, 1]) byLabel(f, `Remove level ${r}`).click();
    expect(levels()).toEqual([0]);
    byLabel(f, 'Remove level 0').click();
    expect(alert.textContent).toBe('levels: FIBONACCI_RETRACEMENT needs 1–24 ratios, got 0');
    expect(levels()).toEqual([0]);
    h.destroy();
  });

  it('shows the controls of the selected kinds only, and with nothing selected neither controls nor swatches', async () => {
    const h = await mount();
    const f = form(h);
    const shown = () =>
      [...f.querySelectorAll<HTMLInputElement>('input[name], select[name]')]
        .filter(visible)
        .map((c) => c.name);
    expect(shown()).toEqual([]);
    expect(visible(f.querySelector('p.cm-muted')!)).toBe(true);
    h.editor.select(['support_zone']);
    expect(shown()).toEqual(['color', 'lineWidth', 'lineStyle', 'fillColor', 'locked']);
    // The sample rectangle's outline #00FF00 and fill #00FF33 (spec example), not black.
    expect((f.querySelector('input[name="color"]') as HTMLInputElement).value).toBe('#00ff00');
    expect((f.querySelector('input[name="fillColor"]') as HTMLInputElement).value).toBe('#00ff33');
    h.editor.select(['support_zone', 'entry_line']);
    expect(shown()).toEqual(['color', 'lineWidth', 'lineStyle', 'locked']);
    h.editor.setTool('PARALLEL');
    h.editor.clearSelection();
    expect(shown()).toEqual([
      'color',
      'lineWidth',
      'lineStyle',
      'fillColor',
      'extendLeft',
      'extendRight',
      'showMidline',
    ]);
    expect((f.querySelector('input[name="color"]') as HTMLInputElement).value).toBe('#2962ff');
    h.destroy();
  });

  it("moves a retracement's level labels to the other side from the panel, one undo step; mixed over two", async () => {
    const h = await mount();
    const f = form(h);
    const side = f.querySelector('select[name="labelSide"]') as HTMLSelectElement;
    // With the retracement tool active the panel edits defaults, which have no label side.
    h.editor.setTool('FIBONACCI_RETRACEMENT');
    expect(visible(side)).toBe(false);
    h.editor.setTool('select');
    const first = h.editor.create('FIBONACCI_RETRACEMENT', [
      P('2026-01-09T12:00:00Z', 1.341),
      P('2026-01-12T12:00:00Z', 1.356),
    ]);
    h.editor.select([first]);
    expect(visible(side)).toBe(true);
    expect(side.value).toBe('left');
    expect(side.labels[0]?.textContent).toContain('Level labels');
    side.value = 'right';
    side.dispatchEvent(new Event('change', { bubbles: true }));
    const fibOf = (id: string) => h.editor.getState().byId[id] as { labelSide?: string };
    expect(fibOf(first).labelSide).toBe('right');
    h.editor.undo();
    expect(fibOf(first).labelSide ?? 'left').toBe('left');
    expect(side.value).toBe('left');
    h.editor.redo();
    expect(side.value).toBe('right');
    const second = h.editor.create('FIBONACCI_RETRACEMENT', [
      P('2026-01-13T00:00:00Z', 1.345),
      P('2026-01-14T00:00:00Z', 1.352),
    ]);
    h.editor.select([first, second]);
    expect(side.value).toBe('');
    expect(side.options[0]!.hidden).toBe(false);
    side.value = 'right';
    side.dispatchEvent(new Event('change', { bubbles: true }));
    expect([fibOf(first).labelSide, fibOf(second).labelSide]).toEqual(['right', 'right']);
    h.editor.undo();
    expect([fibOf(first).labelSide, fibOf(second).labelSide ?? 'left']).toEqual(['right', 'left']);
    h.destroy();
  });
});
