// Hotkeys: the pure mapping (including editable targets and macOS Alt letters) and what
// editor.key does with them, each nudge being one undo step.
import { describe, expect, it } from 'vitest';
import { createDrawing } from '../../../src/core/kinds/registry';
import { createEditor } from '../../../src/editor/editor';
import { HOTKEYS, keyAction } from '../../../src/editor/keyboard';
import { ev, key, pt, vp } from './fixtures';

describe('keyAction', () => {
  it('maps the drawing-tool hotkeys by code, so macOS Alt letters work', () => {
    expect(keyAction(key('t', { code: 'KeyT', altKey: true }))).toEqual({ type: 'tool', tool: 'LINE' });
    expect(keyAction(key('†', { code: 'KeyT', altKey: true }))).toEqual({ type: 'tool', tool: 'LINE' });
    expect(keyAction(key('h', { code: 'KeyH', altKey: true }))).toEqual({
      type: 'tool',
      tool: 'HORIZONTAL_LINE',
    });
    expect(keyAction(key('R', { code: 'KeyR', altKey: true, shiftKey: true }))).toEqual({
      type: 'tool',
      tool: 'RECTANGLE',
    });
    expect(keyAction(key('r', { code: 'KeyR', altKey: true }))).toBeNull();
    expect(keyAction(key('f', { code: 'KeyF', altKey: true }))).toEqual({
      type: 'tool',
      tool: 'FIBONACCI_RETRACEMENT',
    });
    expect(keyAction(key('P', { code: 'KeyP', altKey: true, shiftKey: true }))).toEqual({
      type: 'tool',
      tool: 'PARALLEL',
    });
    expect(keyAction(key('p', { code: 'KeyP', altKey: true }))).toBeNull();
  });

  it('maps editing keys', () => {
    expect(keyAction(key('z', { ctrlKey: true }))).toEqual({ type: 'undo' });
    expect(keyAction(key('z', { metaKey: true }))).toEqual({ type: 'undo' });
    expect(keyAction(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'redo' });
    expect(keyAction(key('y', { ctrlKey: true }))).toEqual({ type: 'redo' });
    expect(keyAction(key('c', { metaKey: true }))).toEqual({ type: 'copy' });
    expect(keyAction(key('v', { ctrlKey: true }))).toEqual({ type: 'paste' });
    expect(keyAction(key('d', { ctrlKey: true }))).toEqual({ type: 'duplicate' });
    expect(keyAction(key('a', { ctrlKey: true }))).toEqual({ type: 'selectAll' });
    expect(keyAction(key('Escape'))).toEqual({ type: 'escape' });
    expect(keyAction(key('Delete'))).toEqual({ type: 'delete' });
    expect(keyAction(key('Backspace'))).toEqual({ type: 'delete' });
    expect(keyAction(key('ArrowLeft'))).toEqual({ type: 'nudge', dx: -1, dy: 0 });
    expect(keyAction(key('ArrowDown', { shiftKey: true }))).toEqual({ type: 'nudge', dx: 0, dy: 10 });
    expect(keyAction(key('x'))).toBeNull();
    expect(keyAction(key('t', { code: 'KeyT', altKey: true, ctrlKey: true }))).toBeNull();
  });

  it('handles nothing when the target is editable', () => {
    for (const e of [
      key('Delete'),
      key('Backspace'),
      key('z', { ctrlKey: true }),
      key('ArrowLeft'),
      key('t', { code: 'KeyT', altKey: true }),
    ]) {
      expect(keyAction({ ...e, targetIsEditable: true })).toBeNull();
    }
  });

  it('from a choice control (a select) only undo and redo reach the editor', () => {
    const choice = (k: string, o: Parameters<typeof key>[1] = {}) =>
      keyAction({ ...key(k, o), targetIsChoice: true });
    expect(choice('z', { ctrlKey: true, code: 'KeyZ' })).toEqual({ type: 'undo' });
    expect(choice('z', { metaKey: true, code: 'KeyZ' })).toEqual({ type: 'undo' });
    expect(choice('Z', { ctrlKey: true, shiftKey: true, code: 'KeyZ' })).toEqual({ type: 'redo' });
    expect(choice('y', { ctrlKey: true, code: 'KeyY' })).toEqual({ type: 'redo' });
    for (const [k, o] of [
      ['ArrowDown', {}],
      ['Delete', {}],
      ['a', { ctrlKey: true, code: 'KeyA' }],
      ['Y', { ctrlKey: true, shiftKey: true, code: 'KeyY' }],
      ['z', { ctrlKey: true, altKey: true, code: 'KeyZ' }],
      ['t', { code: 'KeyT', altKey: true }],
    ] as const) {
      expect(choice(k, o)).toBeNull();
    }
  });

  it('labels every tool hotkey for tooltips', () => {
    expect(HOTKEYS.filter((h) => h.id === h.id.toUpperCase()).map((h) => [h.name, h.label])).toEqual([
      ['Line', 'Alt+T'],
      ['Horizontal line', 'Alt+H'],
      ['Rectangle', 'Alt+Shift+R'],
      ['Fibonacci retracement', 'Alt+F'],
      ['Parallel channel', 'Alt+Shift+P'],
    ]);
  });
});

describe('editor.key', () => {
  const a = () => createDrawing('LINE', 'a', [pt(10, 150), pt(20, 170)]);
  const b = () => createDrawing('HORIZONTAL_LINE', 'b', [pt(30, 120)]);

  it('nudges the selection 1 px (10 with Shift), each press one undo step', () => {
    const editor = createEditor({ drawings: [a(), b()] });
    editor.select(['a']);
    expect(editor.key(key('ArrowRight'), vp)).toBe(true);
    expect(editor.key(key('ArrowUp', { shiftKey: true }), vp)).toBe(true);
    expect(editor.getState().byId.a!.points).toEqual([pt(10.1, 152), pt(20.1, 172)]);
    editor.key(key('z', { ctrlKey: true }));
    expect(editor.getState().byId.a!.points).toEqual([pt(10.1, 150), pt(20.1, 170)]);
    editor.key(key('z', { ctrlKey: true }));
    expect(editor.getState().byId.a).toEqual(a());
    editor.key(key('y', { ctrlKey: true }));
    editor.key(key('Z', { metaKey: true, shiftKey: true }));
    expect(editor.getState().byId.a!.points).toEqual([pt(10.1, 152), pt(20.1, 172)]);
  });

  it('merges the auto-repeats of a held arrow key into one undo step', () => {
    const editor = createEditor({ drawings: [a(), b()] });
    editor.select(['a']);
    editor.key(key('ArrowRight'), vp);
    editor.key({ ...key('ArrowRight'), repeat: true }, vp);
    editor.key({ ...key('ArrowRight'), repeat: true }, vp);
    expect(editor.getState().byId.a!.points[0]).toEqual(pt(10.3, 150));
    editor.key(key('ArrowUp', { shiftKey: true }), vp);
    editor.undo();
    expect(editor.getState().byId.a!.points[0]).toEqual(pt(10.3, 150));
    editor.undo();
    expect(editor.getState().byId.a).toEqual(a());
    expect(editor.canUndo()).toBe(false);
  });

  it('does not merge a repeat into a step that is no longer the newest', () => {
    const editor = createEditor({ drawings: [a(), b()] });
    editor.select(['a']);
    editor.key(key('ArrowRight'), vp);
    editor.restyle({ color: '#FF0000' });
    editor.key({ ...key('ArrowRight'), repeat: true }, vp);
    editor.undo();
    expect(editor.getState().byId.a).toMatchObject({
      style: { color: '#FF0000' },
      points: [pt(10.1, 150), pt(20.1, 170)],
    });
    editor.undo();
    editor.undo();
    expect(editor.getState().byId.a).toEqual(a());
  });

  it('uses the last pointer viewport when none is passed; no selection means not handled', () => {
    const editor = createEditor({ drawings: [a(), b()] });
    expect(editor.key(key('ArrowRight'))).toBe(false);
    editor.pointer(ev('down', 150, 200), vp);
    editor.pointer(ev('up', 150, 200), vp);
    expect(editor.key(key('ArrowLeft', { shiftKey: true }))).toBe(true);
    expect(editor.getState().byId.a!.points).toEqual([pt(9, 150), pt(19, 170)]);
  });

  it('switches tools, copies, pastes, duplicates, deletes and cancels', () => {
    const editor = createEditor({ drawings: [a(), b()] });
    expect(editor.key(key('h', { code: 'KeyH', altKey: true }))).toBe(true);
    expect(editor.getState().tool).toBe('HORIZONTAL_LINE');
    expect(editor.key(key('Escape'))).toBe(true);
    expect(editor.getState().tool).toBe('select');
    expect(editor.key(key('c', { ctrlKey: true }))).toBe(false);
    editor.select(['b']);
    expect(editor.key(key('c', { ctrlKey: true }))).toBe(true);
    expect(editor.key(key('v', { ctrlKey: true }), vp)).toBe(true);
    expect(editor.key(key('d', { ctrlKey: true }), vp)).toBe(true);
    expect(editor.getState().order).toEqual(['a', 'b', 'hline_1', 'hline_2']);
    expect(editor.getState().byId.hline_2!.points).toEqual([pt(32, 120)]);
    expect(editor.key(key('Delete'))).toBe(true);
    expect(editor.getState().order).toEqual(['a', 'b', 'hline_1']);
    expect(editor.key(key('a', { ctrlKey: true }))).toBe(true);
    expect(editor.key(key('Escape'))).toBe(true);
    expect(editor.getState().selection).toEqual([]);
    expect(editor.key(key('Escape'))).toBe(false);
    expect(editor.key(key('Backspace'))).toBe(false);
  });

  it('changes nothing while typing in a form field', () => {
    const editor = createEditor({ drawings: [a(), b()] });
    editor.select(['a']);
    const before = editor.getState();
    for (const k of ['Delete', 'Backspace', 'ArrowLeft', 'Escape']) {
      expect(editor.key(key(k, { targetIsEditable: true }), vp)).toBe(false);
    }
    expect(editor.key(key('z', { ctrlKey: true, targetIsEditable: true }))).toBe(false);
    expect(editor.getState()).toBe(before);
  });
});
