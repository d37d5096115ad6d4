// Keyboard drawing (issue 17 item 9): arrows walk the drawings in spatial order, Enter selects,
// arrows nudge the selection by whole ticks, Delete deletes, Escape leaves; with a tool active a
// crosshair moves by one bar / one tick and Enter places each point. Expected points are worked
// out from the fixture's grid (bar i at x = 10·i, price at y = (200 − price)·5), not the code.
import { describe, expect, it } from 'vitest';
import { createDrawing } from '../../../src/core/kinds/registry';
import { createEditor } from '../../../src/editor/editor';
import { walkOrder } from '../../../src/editor/keyboard-nav';
import { bars, key, pt, vp } from './fixtures';

/** A key pressed on the focused chart. */
const onChart = (k: string, extra: Parameters<typeof key>[1] = {}) => ({ ...key(k, extra), onChart: true });

function threeDrawings() {
  return createEditor(
    {
      drawings: [
        createDrawing('RECTANGLE', 'rect_1', [pt(30, 160), pt(40, 150)]),
        createDrawing('LINE', 'line_1', [pt(10, 120), pt(20, 130)]),
        createDrawing('HORIZONTAL_LINE', 'hline_1', [pt(10, 170)]),
        createDrawing('LINE', 'line_2', [pt(5, 110), pt(8, 111)]),
      ],
    },
    { pricePrecision: 2 },
  );
}

describe('walkOrder', () => {
  it('orders drawings left to right by their first time, the higher first at the same time, hidden ones left out', () => {
    const editor = threeDrawings();
    expect(walkOrder(editor.getState())).toEqual(['line_2', 'hline_1', 'line_1', 'rect_1']);
    editor.hide(['hline_1']);
    expect(walkOrder(editor.getState())).toEqual(['line_2', 'line_1', 'rect_1']);
  });
});

describe('keyboard drawing with the select tool', () => {
  it('walks with the arrows (wrapping around), shows the focus as hover, and Enter selects', () => {
    const editor = threeDrawings();
    expect(editor.key(onChart('ArrowRight'), vp)).toBe(true);
    expect(editor.getState().keyboard.focus).toBe('line_2');
    expect(editor.getState().hover).toEqual({ type: 'drawing', id: 'line_2', part: { type: 'body' } });
    editor.key(onChart('ArrowDown'), vp);
    expect(editor.getState().keyboard.focus).toBe('hline_1');
    editor.key(onChart('ArrowUp'), vp);
    editor.key(onChart('ArrowLeft'), vp);
    expect(editor.getState().keyboard.focus).toBe('rect_1');
    expect(editor.getState().selection).toEqual([]);
    expect(editor.key(onChart('Enter'), vp)).toBe(true);
    expect(editor.getState().selection).toEqual(['rect_1']);
    // Walking and selecting are not edits.
    expect(editor.canUndo()).toBe(false);
  });

  it('starts from the last drawing on ArrowLeft, and Escape leaves the drawings', () => {
    const editor = threeDrawings();
    editor.key(onChart('ArrowLeft'), vp);
    expect(editor.getState().keyboard.focus).toBe('rect_1');
    expect(editor.key(onChart('Escape'), vp)).toBe(true);
    expect(editor.getState().keyboard.focus).toBeNull();
    expect(editor.getState().hover).toBeNull();
    expect(editor.key(onChart('Escape'), vp)).toBe(false);
  });

  it('nudges the selected drawing with the arrows, Delete deletes it, undo brings it back', () => {
    const editor = threeDrawings();
    editor.key(onChart('ArrowRight'), vp);
    editor.key(onChart('Enter'), vp);
    // 1 px right = 0.1 bar; 1 px up = 0.2 in price (20 ticks of 0.01).
    editor.key(onChart('ArrowUp'), vp);
    expect(editor.getState().byId.line_2!.points).toEqual([pt(5, 110.2), pt(8, 111.2)]);
    editor.key(onChart('Escape'), vp);
    expect(editor.getState().selection).toEqual([]);
    // The walk resumes at the drawing that was selected.
    editor.key(onChart('ArrowRight'), vp);
    expect(editor.getState().keyboard.focus).toBe('hline_1');
    editor.key(onChart('Enter'), vp);
    expect(editor.key(onChart('Delete'), vp)).toBe(true);
    expect(editor.getState().byId.hline_1).toBeUndefined();
    editor.undo();
    expect(editor.getState().byId.hline_1!.points).toEqual([pt(10, 170)]);
  });

  it('nudges by at least one price tick when a pixel is less than a tick', () => {
    // Whole-number prices: one tick (1.00) is 5 px, so a 1 px nudge would round back to the same price.
    const editor = createEditor(
      { drawings: [createDrawing('HORIZONTAL_LINE', 'hline_1', [pt(10, 150)])] },
      { pricePrecision: 0 },
    );
    editor.select(['hline_1']);
    editor.key(onChart('ArrowUp'), vp);
    expect(editor.getState().byId.hline_1!.points[0].price).toBe(151);
    editor.key(onChart('ArrowDown', { shiftKey: true }), vp);
    // Shift: 10 px = 2 ticks.
    expect(editor.getState().byId.hline_1!.points[0].price).toBe(149);
  });

  it('leaves arrows and Enter alone when the key was not pressed on the chart', () => {
    const editor = threeDrawings();
    expect(editor.key(key('ArrowRight'), vp)).toBe(false);
    expect(editor.getState().keyboard.focus).toBeNull();
    editor.setTool('LINE');
    expect(editor.key(key('Enter'), vp)).toBe(false);
    expect(editor.getState().drawings).toHaveLength(4);
  });
});

describe('keyboard drawing with a drawing tool', () => {
  it('shows the crosshair on the middle bar at its close, moves it by one bar and one tick (ten with Shift)', () => {
    const editor = createEditor(undefined, { pricePrecision: 2 });
    editor.key(onChart('h', { code: 'KeyH', altKey: true }), vp);
    expect(editor.getState().tool).toBe('HORIZONTAL_LINE');
    // Bars 0–100 in view: bar 50 in the middle, close 150 + 50 + 1.
    editor.key(onChart('ArrowRight'), vp, bars);
    expect(editor.getState().keyboard.cursor).toEqual(pt(50, 201));
    editor.key(onChart('ArrowRight'), vp, bars);
    expect(editor.getState().keyboard.cursor).toEqual(pt(51, 201));
    editor.key(onChart('ArrowLeft', { shiftKey: true }), vp, bars);
    expect(editor.getState().keyboard.cursor).toEqual(pt(41, 201));
    editor.key(onChart('ArrowDown'), vp, bars);
    expect(editor.getState().keyboard.cursor).toEqual(pt(41, 200.99));
    editor.key(onChart('ArrowDown', { shiftKey: true }), vp, bars);
    expect(editor.getState().keyboard.cursor).toEqual(pt(41, 200.89));
    editor.key(onChart('Enter'), vp, bars);
    expect(editor.exportDrawings()).toHaveLength(1);
    expect(editor.getState().drawings[0]!.points).toEqual([pt(41, 200.89)]);
    expect(editor.getState().tool).toBe('select');
    expect(editor.getState().keyboard.cursor).toBeNull();
  });

  it('places a line with two Enters, the second point previewed at the crosshair, as one undo step', () => {
    const editor = createEditor(undefined, { pricePrecision: 2 });
    editor.setTool('LINE');
    editor.key(onChart('Enter'), vp, bars);
    expect(editor.getState().toolState).toMatchObject({ type: 'placing', index: 1 });
    for (let i = 0; i < 3; i++) editor.key(onChart('ArrowRight'), vp, bars);
    editor.key(onChart('ArrowUp', { shiftKey: true }), vp, bars);
    expect(editor.getState().drawings[0]!.points).toEqual([pt(50, 201), pt(53, 201.1)]);
    editor.key(onChart('Enter'), vp, bars);
    expect(editor.getState().toolState).toEqual({ type: 'idle' });
    expect(editor.getState().selection).toEqual(['line_1']);
    expect(editor.getState().drawings[0]!.points).toEqual([pt(50, 201), pt(53, 201.1)]);
    editor.undo();
    expect(editor.getState().drawings).toEqual([]);
  });

  it('takes a parallel channel three points in turn, and Escape abandons a placement', () => {
    const editor = createEditor(undefined, { pricePrecision: 2 });
    editor.setTool('PARALLEL');
    editor.key(onChart('Enter'), vp, bars);
    editor.key(onChart('ArrowRight'), vp, bars);
    editor.key(onChart('ArrowRight'), vp, bars);
    editor.key(onChart('Enter'), vp, bars);
    expect(editor.getState().toolState).toMatchObject({ type: 'placing', index: 2 });
    editor.key(onChart('ArrowDown', { shiftKey: true }), vp, bars);
    editor.key(onChart('Enter'), vp, bars);
    expect(editor.getState().drawings[0]!.points).toEqual([pt(50, 201), pt(52, 201), pt(52, 200.9)]);

    editor.setTool('RECTANGLE');
    editor.key(onChart('Enter'), vp, bars);
    expect(editor.getState().drawings).toHaveLength(2);
    editor.key(onChart('Escape'), vp, bars);
    expect(editor.getState().drawings).toHaveLength(1);
    expect(editor.getState().tool).toBe('select');
  });
});
