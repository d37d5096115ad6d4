// Scripted placements of the five kinds: click-click and press-drag-release, the channel's
// third point, Shift constraint, magnet, stay-in-drawing-mode and Esc, with exact state after each.
import { describe, expect, it } from 'vitest';
import type { Px } from '../../../../src/core/units';
import { createEditor } from '../../../../src/editor/editor';
import type { Editor } from '../../../../src/editor/editor-api';
import { bars, ev, pt, t, vp } from '../fixtures';

function click(editor: Editor, x: number, y: number, extra = {}) {
  editor.pointer(ev('down', x, y, extra), vp, bars);
  editor.pointer(ev('up', x, y, extra), vp, bars);
}

function drag(editor: Editor, from: [number, number], to: [number, number], steps = 5) {
  editor.pointer(ev('down', from[0], from[1]), vp, bars);
  for (let i = 1; i <= steps; i++) {
    const k = i / steps;
    editor.pointer(ev('move', from[0] + (to[0] - from[0]) * k, from[1] + (to[1] - from[1]) * k), vp, bars);
  }
  editor.pointer(ev('up', to[0], to[1]), vp, bars);
}

function only(editor: Editor) {
  const s = editor.getState();
  expect(s.drawings).toHaveLength(1);
  return s.drawings[0]!;
}

describe('placement by click-click', () => {
  it('places a LINE: the second point follows the pointer, the second click fixes it', () => {
    const editor = createEditor();
    editor.setTool('LINE');
    click(editor, 100, 250);
    expect(editor.getState().toolState).toMatchObject({
      type: 'placing',
      id: 'line_1',
      index: 1,
      pressed: false,
    });
    editor.pointer(ev('move', 150, 200), vp, bars);
    expect(only(editor).points).toEqual([pt(10, 150), pt(15, 160)]);
    click(editor, 200, 150);
    const s = editor.getState();
    expect(only(editor)).toEqual({
      kind: 'LINE',
      id: 'line_1',
      points: [pt(10, 150), pt(20, 170)],
      style: {},
      startHead: 'NONE',
      endHead: 'NONE',
      extendLeft: false,
      extendRight: false,
    });
    expect([s.tool, s.toolState, s.selection]).toEqual(['select', { type: 'idle' }, ['line_1']]);
    expect(editor.undo()).toBe(true);
    expect(editor.getState().drawings).toEqual([]);
    expect(editor.canUndo()).toBe(false);
  });

  it('places a RECTANGLE and a FIBONACCI_RETRACEMENT', () => {
    const editor = createEditor();
    editor.setTool('RECTANGLE');
    click(editor, 100, 250);
    click(editor, 300, 300);
    editor.setTool('FIBONACCI_RETRACEMENT');
    click(editor, 400, 100);
    click(editor, 500, 400);
    const [rect, fib] = editor.getState().drawings;
    expect(rect).toMatchObject({ kind: 'RECTANGLE', id: 'rect_1', points: [pt(10, 150), pt(30, 140)] });
    expect(fib).toMatchObject({
      kind: 'FIBONACCI_RETRACEMENT',
      id: 'fib_1',
      points: [pt(40, 180), pt(50, 120)],
      levels: [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1],
      extendRight: false,
    });
    editor.undo();
    expect(editor.getState().drawings.map((d) => d.id)).toEqual(['rect_1']);
  });

  it('places a HORIZONTAL_LINE with one click', () => {
    const editor = createEditor();
    editor.setTool('HORIZONTAL_LINE');
    click(editor, 300, 200);
    expect(only(editor)).toEqual({
      kind: 'HORIZONTAL_LINE',
      id: 'hline_1',
      points: [pt(30, 160)],
      style: {},
    });
    expect(editor.getState().tool).toBe('select');
  });

  it('places a PARALLEL channel: p0, p1, then the offset point', () => {
    const editor = createEditor();
    editor.setTool('PARALLEL');
    click(editor, 100, 250);
    click(editor, 300, 250);
    editor.pointer(ev('move', 200, 210), vp, bars);
    expect(only(editor).points).toEqual([pt(10, 150), pt(30, 150), pt(20, 158)]);
    editor.pointer(ev('move', 200, 200), vp, bars);
    click(editor, 200, 200);
    expect(only(editor)).toMatchObject({
      kind: 'PARALLEL',
      id: 'channel_1',
      points: [pt(10, 150), pt(30, 150), pt(20, 160)],
      showMidline: true,
    });
    expect(editor.getState().toolState).toEqual({ type: 'idle' });
    editor.undo();
    expect(editor.getState().drawings).toEqual([]);
  });
});

describe('placement by press-drag-release', () => {
  it('places a LINE, RECTANGLE and FIBONACCI_RETRACEMENT in one drag each', () => {
    const editor = createEditor();
    editor.setTool('LINE');
    drag(editor, [100, 250], [200, 150]);
    editor.setTool('RECTANGLE');
    drag(editor, [300, 100], [400, 200]);
    editor.setTool('FIBONACCI_RETRACEMENT');
    drag(editor, [500, 300], [600, 100]);
    expect(editor.getState().drawings.map((d) => [d.id, d.points])).toEqual([
      ['line_1', [pt(10, 150), pt(20, 170)]],
      ['rect_1', [pt(30, 180), pt(40, 160)]],
      ['fib_1', [pt(50, 140), pt(60, 180)]],
    ]);
    expect(editor.getState().toolState).toEqual({ type: 'idle' });
    editor.undo();
    editor.undo();
    expect(editor.getState().drawings.map((d) => d.id)).toEqual(['line_1']);
  });

  it('places a HORIZONTAL_LINE where the press is released', () => {
    const editor = createEditor();
    editor.setTool('HORIZONTAL_LINE');
    drag(editor, [300, 200], [320, 250]);
    expect(only(editor).points).toEqual([pt(32, 150)]);
  });

  it('places a PARALLEL: drag the base line, then move and click the offset', () => {
    const editor = createEditor();
    editor.setTool('PARALLEL');
    drag(editor, [100, 250], [300, 250]);
    expect(editor.getState().toolState).toMatchObject({ type: 'placing', index: 2, pressed: false });
    editor.pointer(ev('move', 200, 300), vp, bars);
    click(editor, 200, 300);
    expect(only(editor).points).toEqual([pt(10, 150), pt(30, 150), pt(20, 140)]);
    expect(editor.canUndo()).toBe(true);
    editor.undo();
    expect(editor.canUndo()).toBe(false);
  });

  it('places a LINE by touch with press-drag-release', () => {
    const editor = createEditor();
    editor.setTool('LINE');
    const touch = { pointerType: 'touch' as const };
    editor.pointer(ev('down', 100, 250, touch), vp);
    editor.pointer(ev('move', 150, 200, touch), vp);
    editor.pointer(ev('up', 200, 150, touch), vp);
    expect(only(editor).points).toEqual([pt(10, 150), pt(20, 170)]);
  });
});

describe('placement options', () => {
  it('stays in the tool when stayInDrawingMode is on', () => {
    const editor = createEditor();
    editor.setStayInDrawingMode(true);
    editor.setTool('LINE');
    drag(editor, [100, 250], [200, 150]);
    drag(editor, [300, 250], [400, 150]);
    const s = editor.getState();
    expect(s.tool).toBe('LINE');
    expect(s.drawings.map((d) => d.id)).toEqual(['line_1', 'line_2']);
    expect(s.selection).toEqual(['line_2']);
  });

  it('Esc cancels the placement, leaves the tool, then clears the selection', () => {
    const editor = createEditor();
    editor.setTool('LINE');
    drag(editor, [100, 250], [200, 150]);
    editor.setTool('LINE');
    click(editor, 300, 250);
    editor.pointer(ev('move', 350, 200), vp, bars);
    expect(editor.getState().drawings).toHaveLength(2);
    expect(editor.cancel()).toBe(true);
    let s = editor.getState();
    expect([s.drawings.map((d) => d.id), s.tool, s.toolState, s.selection]).toEqual([
      ['line_1'],
      'select',
      { type: 'idle' },
      ['line_1'],
    ]);
    expect(editor.cancel()).toBe(true);
    s = editor.getState();
    expect(s.selection).toEqual([]);
    expect(editor.cancel()).toBe(false);
    editor.undo();
    expect(editor.getState().drawings).toEqual([]);
  });

  it('undo in the middle of a placement abandons it without undoing the previous drawing', () => {
    const editor = createEditor();
    editor.setTool('LINE');
    drag(editor, [100, 250], [200, 150]);
    editor.setTool('RECTANGLE');
    click(editor, 300, 250);
    expect(editor.undo()).toBe(true);
    const s = editor.getState();
    expect([s.drawings.map((d) => d.id), s.tool, s.toolState]).toEqual([
      ['line_1'],
      'select',
      { type: 'idle' },
    ]);
    expect(editor.canUndo()).toBe(true);
  });

  it('Shift keeps the second point of a LINE at exactly 45° in pixels, magnet off', () => {
    const editor = createEditor();
    editor.setMagnet('strong');
    editor.setTool('LINE');
    editor.pointer(ev('down', 100, 250, { shiftKey: true }), vp, bars);
    editor.pointer(ev('move', 200, 160, { shiftKey: true }), vp, bars);
    editor.pointer(ev('up', 200, 160, { shiftKey: true }), vp, bars);
    const points = only(editor).points;
    const p0 = points[0];
    const p1 = points[1]!;
    expect(p0).toEqual(pt(10, 150));
    expect(vp.timeToX(p1.time)).toBeCloseTo(195, 9);
    expect(vp.priceToY(p1.price)).toBeCloseTo(155, 9);
    expect(Math.abs(vp.timeToX(p1.time) - 100)).toBeCloseTo(Math.abs(vp.priceToY(p1.price) - 250), 9);
  });

  it('Shift makes a LINE horizontal or vertical near those angles', () => {
    const editor = createEditor();
    editor.setTool('LINE');
    click(editor, 100, 250);
    click(editor, 300, 262, { shiftKey: true });
    editor.setTool('LINE');
    click(editor, 500, 250);
    click(editor, 510, 100, { shiftKey: true });
    expect(editor.getState().drawings.map((d) => d.points[1])).toEqual([pt(30, 150), pt(50, 180)]);
    expect(vp.xToTime(510 as Px)).toBe(t(51));
  });

  it('snaps placed points with the weak and strong magnet', () => {
    const editor = createEditor();
    editor.setMagnet('weak');
    editor.setTool('HORIZONTAL_LINE');
    // Bar 10: open 160, high 164, low 156, close 161; y of 163.5 is 2.5 px from the high.
    click(editor, 103, 182.5);
    editor.setTool('HORIZONTAL_LINE');
    click(editor, 100, 500);
    editor.setMagnet('strong');
    editor.setTool('HORIZONTAL_LINE');
    click(editor, 100, 500);
    expect(editor.getState().drawings.map((d) => d.points[0])).toEqual([
      pt(10, 164),
      pt(10, 100),
      pt(10, 156),
    ]);
  });
});
