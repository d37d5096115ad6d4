// Scripted select-tool sequences: drags as one undo step, handles, multi-select, marquee,
// Ctrl-drag clone, locks, Esc, touch long-press, hover cursors and level drags.
import { describe, expect, it } from 'vitest';
import type { Level } from '../../../../src/core/analysis';
import { createDrawing } from '../../../../src/core/kinds/registry';
import type { Price } from '../../../../src/core/units';
import { createEditor } from '../../../../src/editor/editor';
import type { Editor } from '../../../../src/editor/editor-api';
import type { EditorPointerEvent } from '../../../../src/editor/types';
import { bars, ev, pt, t, vp } from '../fixtures';

// Line a: (100,250)–(200,150); hline b at y 400; rectangle c: x 400–500, y 100–200.
const a = () => createDrawing('LINE', 'a', [pt(10, 150), pt(20, 170)]);
const b = () => createDrawing('HORIZONTAL_LINE', 'b', [pt(30, 120)]);
const c = () => createDrawing('RECTANGLE', 'c', [pt(40, 180), pt(50, 160)]);
const fixture = () => createEditor({ drawings: [a(), b(), c()] });

type Extra = Partial<EditorPointerEvent>;

function send(editor: Editor, type: EditorPointerEvent['type'], x: number, y: number, extra: Extra = {}) {
  return editor.pointer(ev(type, x, y, extra), vp);
}

function click(editor: Editor, x: number, y: number, extra: Extra = {}) {
  send(editor, 'down', x, y, extra);
  return send(editor, 'up', x, y, extra);
}

function drag(editor: Editor, from: [number, number], to: [number, number], extra: Extra = {}, steps = 4) {
  send(editor, 'down', from[0], from[1], extra);
  for (let i = 1; i <= steps; i++) {
    const k = i / steps;
    send(editor, 'move', from[0] + (to[0] - from[0]) * k, from[1] + (to[1] - from[1]) * k, extra);
  }
  return send(editor, 'up', to[0], to[1], extra);
}

describe('select tool', () => {
  it('a 60-move body drag is one undo step', () => {
    const editor = fixture();
    send(editor, 'down', 150, 200);
    expect(editor.getState().selection).toEqual(['a']);
    for (let i = 1; i <= 60; i++) send(editor, 'move', 150 + i, 200);
    send(editor, 'up', 210, 200);
    expect(editor.getState().byId.a!.points).toEqual([pt(16, 150), pt(26, 170)]);
    expect(editor.getState().toolState).toEqual({ type: 'idle' });
    expect(editor.undo()).toBe(true);
    expect(editor.getState().byId.a).toEqual(a());
    expect(editor.canUndo()).toBe(false);
    expect(editor.redo()).toBe(true);
    expect(editor.getState().byId.a!.points).toEqual([pt(16, 150), pt(26, 170)]);
  });

  it('dragging a handle moves exactly that point', () => {
    const editor = fixture();
    drag(editor, [100, 250], [120, 300]);
    expect(editor.getState().byId.a!.points).toEqual([pt(12, 140), pt(20, 170)]);
    expect(editor.getState().selection).toEqual(['a']);
    editor.undo();
    expect(editor.getState().byId.a).toEqual(a());
  });

  it('snaps a dragged handle with the magnet and constrains it to 45° with Shift', () => {
    const editor = fixture();
    editor.setMagnet('strong');
    // Bar 12: open 162, high 166, low 158, close 163; y 300 is price 140, nearest the low.
    editor.pointer(ev('down', 100, 250), vp, bars);
    editor.pointer(ev('move', 110, 280), vp, bars);
    editor.pointer(ev('move', 121, 300), vp, bars);
    editor.pointer(ev('up', 121, 300), vp, bars);
    expect(editor.getState().byId.a!.points).toEqual([pt(12, 158), pt(20, 170)]);
    drag(editor, [200, 150], [260, 30], { shiftKey: true });
    const p1 = editor.getState().byId.a!.points[1]!;
    // From the other end (120, 210): dx 140, dy −180 → 45° at d = 160, i.e. (280, 50).
    expect(vp.timeToX(p1.time)).toBeCloseTo(280, 9);
    expect(vp.priceToY(p1.price)).toBeCloseTo(50, 9);
  });

  it('Shift-click adds, then a drag moves the whole selection together', () => {
    const editor = fixture();
    click(editor, 150, 200);
    click(editor, 600, 400, { shiftKey: true });
    expect(editor.getState().selection).toEqual(['a', 'b']);
    drag(editor, [150, 200], [170, 190]);
    const s = editor.getState();
    expect(s.selection).toEqual(['a', 'b']);
    expect(s.byId.a!.points).toEqual([pt(12, 152), pt(22, 172)]);
    expect(s.byId.b!.points).toEqual([pt(32, 122)]);
    expect(s.byId.c).toEqual(c());
    editor.undo();
    expect(editor.getState().drawings).toEqual([a(), b(), c()]);
  });

  it('Ctrl/Cmd-click toggles; a plain click selects only that drawing', () => {
    const editor = fixture();
    click(editor, 150, 200);
    click(editor, 450, 150, { ctrlKey: true });
    expect(editor.getState().selection).toEqual(['a', 'c']);
    click(editor, 150, 200, { metaKey: true });
    expect(editor.getState().selection).toEqual(['c']);
    click(editor, 600, 400, { shiftKey: true });
    click(editor, 600, 400);
    expect(editor.getState().selection).toEqual(['b']);
    click(editor, 700, 50);
    expect(editor.getState().selection).toEqual([]);
  });

  it('a marquee selects drawings whose bbox it intersects; Shift adds to the selection', () => {
    const editor = fixture();
    const result = drag(editor, [90, 90], [450, 260]);
    expect(result.handled).toBe(true);
    expect(editor.getState().selection).toEqual(['a', 'c']);
    expect(editor.getState().toolState).toEqual({ type: 'idle' });
    drag(editor, [10, 390], [20, 410], { shiftKey: true });
    expect(editor.getState().selection).toEqual(['a', 'c', 'b']);
    expect(editor.canUndo()).toBe(false);
  });

  it('shows the marquee box in the tool state while dragging', () => {
    const editor = fixture();
    send(editor, 'down', 90, 90);
    send(editor, 'move', 300, 160);
    expect(editor.getState().toolState).toEqual({
      type: 'marquee',
      x0: 90,
      y0: 90,
      x1: 300,
      y1: 160,
      base: [],
    });
    expect(editor.getState().selection).toEqual(['a']);
  });

  it('leaves an empty-space drag to the chart when emptyDrag is pan', () => {
    const editor = createEditor({ drawings: [a()] }, { emptyDrag: 'pan' });
    expect(send(editor, 'down', 700, 50).handled).toBe(false);
    expect(send(editor, 'move', 600, 60).handled).toBe(false);
    expect(editor.getState().toolState).toEqual({ type: 'idle' });
  });

  it('Ctrl/Cmd-drag clones the selection and moves the clone', () => {
    const editor = fixture();
    click(editor, 150, 200);
    drag(editor, [150, 200], [200, 200], { ctrlKey: true });
    const s = editor.getState();
    expect(s.order).toEqual(['a', 'b', 'c', 'line_1']);
    expect(s.byId.a).toEqual(a());
    expect(s.byId.line_1).toEqual({ ...a(), id: 'line_1', points: [pt(15, 150), pt(25, 170)] });
    expect(s.selection).toEqual(['line_1']);
    editor.undo();
    expect(editor.getState().order).toEqual(['a', 'b', 'c']);
  });

  it('a locked drawing is selected but not dragged', () => {
    const editor = fixture();
    editor.lock(['a']);
    drag(editor, [150, 200], [250, 200]);
    drag(editor, [100, 250], [50, 300]);
    expect(editor.getState().byId.a).toEqual(a());
    expect(editor.getState().selection).toEqual(['a']);
  });

  it('Esc during a drag puts the drawing back', () => {
    const editor = fixture();
    send(editor, 'down', 150, 200);
    send(editor, 'move', 190, 200);
    expect(editor.getState().byId.a!.points[0]).toEqual(pt(14, 150));
    expect(editor.cancel()).toBe(true);
    expect(editor.getState().byId.a).toEqual(a());
    expect(editor.getState().toolState).toEqual({ type: 'idle' });
    expect(editor.canUndo()).toBe(false);
    send(editor, 'move', 220, 200);
    expect(editor.getState().byId.a).toEqual(a());
  });

  it('hover reports the part under the pointer and a cursor for it', () => {
    const editor = fixture();
    expect(send(editor, 'move', 150, 200)).toEqual({ handled: false, cursor: 'move', capture: false });
    expect(editor.getState().hover).toEqual({ type: 'drawing', id: 'a', part: { type: 'body' } });
    expect(send(editor, 'move', 400, 100).cursor).toBe('nwse-resize');
    expect(editor.getState().hover).toEqual({ type: 'drawing', id: 'c', part: { type: 'handle', index: 0 } });
    expect(send(editor, 'move', 700, 50)).toEqual({ handled: false, cursor: 'default', capture: false });
    expect(editor.getState().hover).toBeNull();
  });
});

describe('select tool by touch', () => {
  const touch = { pointerType: 'touch' as const };

  it('a drag starting on an unselected drawing is left to the chart', () => {
    const editor = fixture();
    expect(send(editor, 'down', 150, 200, touch).handled).toBe(false);
    expect(send(editor, 'move', 200, 200, touch).handled).toBe(false);
    send(editor, 'up', 200, 200, touch);
    expect(editor.getState().byId.a).toEqual(a());
    expect(editor.getState().selection).toEqual([]);
  });

  it('a long press selects, after which the drag moves the drawing', () => {
    const editor = fixture();
    editor.pointer(ev('down', 150, 200, { ...touch, timeStamp: 10_000 }), vp);
    editor.pointer(ev('move', 152, 201, { ...touch, timeStamp: 10_300 }), vp);
    expect(editor.getState().selection).toEqual([]);
    const held = editor.pointer(ev('move', 153, 201, { ...touch, timeStamp: 10_520 }), vp);
    expect(held.handled).toBe(true);
    expect(editor.getState().selection).toEqual(['a']);
    editor.pointer(ev('move', 200, 200, { ...touch, timeStamp: 10_600 }), vp);
    editor.pointer(ev('up', 200, 200, { ...touch, timeStamp: 10_700 }), vp);
    expect(editor.getState().byId.a!.points).toEqual([pt(15, 150), pt(25, 170)]);
  });

  it('hits with the larger touch tolerance', () => {
    const editor = fixture();
    click(editor, 150, 210, touch);
    expect(editor.getState().selection).toEqual(['a']);
    click(editor, 700, 50);
    click(editor, 150, 210);
    expect(editor.getState().selection).toEqual([]);
  });
});

describe('level drags', () => {
  const level = (id: string, price: number): Level => ({ id, price: price as Price, time: t(5) });

  it('drags a level to a new price, stopped just below its upper neighbour, in one undo step', () => {
    const editor = createEditor({
      drawings: [],
      levels: { support: level('sup', 120), pivot: level('piv', 150), resistance: level('res', 180) },
    });
    expect(send(editor, 'move', 600, 251).cursor).toBe('ns-resize');
    drag(editor, [600, 250], [600, 200]);
    expect(editor.getState().levels.pivot!.price).toBe(160);
    drag(editor, [600, 200], [600, 50]);
    expect(editor.getState().levels.pivot!.price).toBe(180 - 1e-9);
    editor.undo();
    expect(editor.getState().levels.pivot!.price).toBe(160);
  });
});
