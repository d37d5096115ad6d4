import { describe, expect, it } from 'vitest';

describe('chartmark/elements in Node', () => {
  it('imports without HTMLElement or customElements, defining nothing and throwing nothing', async () => {
    expect(typeof globalThis.HTMLElement).toBe('undefined');
    expect(typeof globalThis.customElements).toBe('undefined');
    const m = await import('../../../src/elements/index');
    expect(typeof m.ChartmarkEditorElement).toBe('function');
    expect(typeof m.ChartmarkViewElement).toBe('function');
  });
});
