import { describe, expect, it } from 'vitest';
import type { Price, UtcSeconds } from '../../../src/core/units';
import { createEditor } from '../../../src/editor/editor';
import { roundPrice } from '../../../src/editor/quantize';

const pt = (time: number, price: number) => ({ time: time as UtcSeconds, price: price as Price });

describe('stored values are rounded (issue 17 item 7)', () => {
  it('rounds prices to the instrument precision and times to whole seconds, in the same undo step', () => {
    const editor = createEditor(undefined, { pricePrecision: 5 });
    const id = editor.create('LINE', [pt(1767225600.4, 1.345123456), pt(1767229200.5, 1.3499949)]);
    // 1767225600.4 → …600, 1767229200.5 → …201 (half up); 1.345123456 → 1.34512, 1.3499949 → 1.34999
    expect(editor.getState().byId[id]!.points).toEqual([pt(1767225600, 1.34512), pt(1767229201, 1.34999)]);
    editor.setLevel('pivot', { id: 'piv', price: 1.3400051 as Price, time: 1767225600.7 as UtcSeconds });
    expect(editor.getState().levels.pivot).toEqual({ id: 'piv', price: 1.34001, time: 1767225601 });
    editor.undo();
    expect(editor.getState().levels.pivot).toBeUndefined();
    editor.undo();
    expect(editor.getState().byId[id]).toBeUndefined();
    editor.redo();
    expect(editor.getState().byId[id]!.points).toEqual([pt(1767225600, 1.34512), pt(1767229201, 1.34999)]);
  });
  it('rounds only times without a precision, and leaves untouched drawings as loaded', () => {
    const loaded = {
      kind: 'HORIZONTAL_LINE' as const,
      id: 'h',
      points: [pt(10.25, 1.23456789)] as const,
      style: {},
    };
    const editor = createEditor({ drawings: [loaded] });
    const id = editor.create('HORIZONTAL_LINE', [pt(20.6, 1.23456789)]);
    expect(editor.getState().byId[id]!.points).toEqual([pt(21, 1.23456789)]);
    expect(editor.getState().byId.h!.points).toEqual([pt(10.25, 1.23456789)]);
  });
  it('a dragged level stops one price step inside its neighbour, so rounding cannot make them equal', () => {
    const editor = createEditor(undefined, { pricePrecision: 5 });
    editor.setLevel('pivot', { id: 'piv', price: 1.345 as Price, time: 0 as UtcSeconds });
    editor.setLevel('resistance', { id: 'res', price: 1.35 as Price, time: 0 as UtcSeconds });
    editor.dragLevel('pivot', 1.36);
    expect(editor.getState().levels.pivot!.price).toBe(1.34999);
  });
  it('roundPrice reads a quote half away from zero and names a bad precision', () => {
    expect(roundPrice(1.005, 2)).toBe(1.01);
    expect(roundPrice(-1.005, 2)).toBe(-1.01);
    expect(roundPrice(-0.000001, 2)).toBe(0);
    expect(() => roundPrice(1, 16)).toThrow('pricePrecision: must be an integer in 0..15, got 16');
  });
});
