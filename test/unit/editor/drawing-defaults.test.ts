// Drawing defaults (issue 17 item 8): what the next drawing of a kind starts with, set from the
// style panel with nothing selected. UI state: never an undo step, kept across load().
import { describe, expect, it } from 'vitest';
import { createDrawing } from '../../../src/core/kinds/registry';
import { createEditor } from '../../../src/editor/editor';
import { pt } from './fixtures';

describe('drawing defaults', () => {
  it('a new drawing of the kind starts with the default style and options; other kinds do not', () => {
    const editor = createEditor();
    editor.setDrawingDefaults('LINE', {
      style: { color: '#FF9800', lineWidth: 3, lineStyle: 'DASHED' },
      options: { extendRight: true, endHead: 'ARROW' },
    });
    const id = editor.create('LINE', [pt(10, 150), pt(20, 170)]);
    expect(editor.exportDrawings().find((d) => d.clientObjectId === id)).toMatchObject({
      style: { color: '#FF9800', lineWidth: 3, lineStyle: 'DASHED' },
      extendRight: true,
      endHead: 'ARROW',
      startHead: 'NONE',
      extendLeft: false,
    });
    const rect = editor.create('RECTANGLE', [pt(10, 150), pt(20, 170)]);
    expect(editor.getState().byId[rect]!.style).toEqual({});
  });

  it('a style passed to create wins key by key over the defaults', () => {
    const editor = createEditor();
    editor.setDrawingDefaults('HORIZONTAL_LINE', { style: { color: '#FF9800', lineWidth: 3 } });
    const id = editor.create('HORIZONTAL_LINE', [pt(10, 150)], { color: '#000000' });
    expect(editor.getState().byId[id]!.style).toEqual({ color: '#000000', lineWidth: 3 });
  });

  it('Fibonacci ratios are validated, naming the field; a valid list is used', () => {
    const editor = createEditor();
    expect(() =>
      editor.setDrawingDefaults('FIBONACCI_RETRACEMENT', { options: { levels: [0, 0.5, 0.5] } }),
    ).toThrow('levels[2]: ratio 0.5 repeats levels[1]');
    expect(() =>
      editor.setDrawingDefaults('FIBONACCI_RETRACEMENT', { options: { levels: [0, Number.NaN] } }),
    ).toThrow('levels[1]: ratio must be a finite number, got NaN');
    expect(editor.getState().drawingDefaults).toEqual({});
    editor.setDrawingDefaults('FIBONACCI_RETRACEMENT', { options: { levels: [0, 0.5, 1, 1.618] } });
    const id = editor.create('FIBONACCI_RETRACEMENT', [pt(10, 150), pt(20, 170)]);
    expect(editor.getState().byId[id]).toMatchObject({ levels: [0, 0.5, 1, 1.618] });
  });

  it('is no undo step, survives load, and null clears it', () => {
    const editor = createEditor({ drawings: [createDrawing('LINE', 'a', [pt(10, 150), pt(20, 170)])] });
    editor.setDrawingDefaults('LINE', { style: { lineWidth: 4 } });
    expect(editor.canUndo()).toBe(false);
    editor.load({ drawings: [] });
    expect(editor.getState().drawingDefaults).toEqual({ LINE: { style: { lineWidth: 4 } } });
    editor.setDrawingDefaults('LINE', null);
    expect(editor.getState().drawingDefaults).toEqual({});
    const id = editor.create('LINE', [pt(10, 150), pt(20, 170)]);
    expect(editor.getState().byId[id]!.style).toEqual({});
  });
});
