// History: one step per command or gesture, redo cleared by a new edit, the cap, and remote
// changes that neither enter history nor derail the local undo stack.
import { castDraft } from 'immer';
import { describe, expect, it } from 'vitest';
import { createDrawing } from '../../../src/core/kinds/registry';
import { createEditor } from '../../../src/editor/editor';
import type { ChangeRecord } from '../../../src/editor/types';
import { pt, t, vp } from './fixtures';

const lineA = () => createDrawing('LINE', 'a', [pt(10, 150), pt(20, 160)]);
const hlineB = () => createDrawing('HORIZONTAL_LINE', 'b', [pt(30, 140)]);
const rectC = () => createDrawing('RECTANGLE', 'c', [pt(40, 120), pt(50, 130)]);

function twoDrawings() {
  return createEditor({ drawings: [lineA(), hlineB()] });
}

describe('history', () => {
  it('undoes and redoes one command at a time', () => {
    const editor = twoDrawings();
    editor.move(10, -5, vp, ['a']);
    expect(editor.getState().byId.a!.points).toEqual([pt(11, 151), pt(21, 161)]);
    editor.restyle({ color: '#FF0000' }, ['a']);
    expect(editor.undo()).toBe(true);
    expect(editor.getState().byId.a!.style).toEqual({});
    expect(editor.getState().byId.a!.points).toEqual([pt(11, 151), pt(21, 161)]);
    expect(editor.undo()).toBe(true);
    expect(editor.getState().byId.a!.points).toEqual([pt(10, 150), pt(20, 160)]);
    expect(editor.undo()).toBe(false);
    expect(editor.redo()).toBe(true);
    expect(editor.redo()).toBe(true);
    expect(editor.getState().byId.a!).toMatchObject({
      points: [pt(11, 151), pt(21, 161)],
      style: { color: '#FF0000' },
    });
    expect(editor.canRedo()).toBe(false);
  });

  it('merges every change of a gesture into one step', () => {
    const editor = twoDrawings();
    editor.beginGesture();
    for (let i = 1; i <= 60; i++) editor.move(1, 0, vp, ['a']);
    editor.endGesture();
    expect(editor.getState().byId.a!.points).toEqual([pt(16, 150), pt(26, 160)]);
    editor.undo();
    expect(editor.getState().byId.a!.points).toEqual([pt(10, 150), pt(20, 160)]);
    expect(editor.canUndo()).toBe(false);
    editor.redo();
    expect(editor.getState().byId.a!.points).toEqual([pt(16, 150), pt(26, 160)]);
  });

  it('clears redo on a new edit', () => {
    const editor = twoDrawings();
    editor.move(10, 0, vp, ['a']);
    editor.undo();
    expect(editor.canRedo()).toBe(true);
    editor.move(0, 5, vp, ['b']);
    expect(editor.canRedo()).toBe(false);
    expect(editor.redo()).toBe(false);
  });

  it('keeps selection changes out of history but restores the selection of the step', () => {
    const editor = twoDrawings();
    editor.select(['a']);
    editor.move(10, 0, vp);
    editor.select(['b']);
    expect(editor.canUndo()).toBe(true);
    editor.undo();
    expect(editor.getState().selection).toEqual(['a']);
    expect(editor.canUndo()).toBe(false);
  });

  it('keeps at most historyLimit steps', () => {
    const editor = createEditor({ drawings: [lineA()] }, { historyLimit: 5 });
    for (let i = 0; i < 8; i++) editor.move(10, 0, vp, ['a']);
    let undone = 0;
    while (editor.undo()) undone++;
    expect(undone).toBe(5);
    expect(editor.getState().byId.a!.points[0]).toEqual(pt(13, 150));
  });

  it('undoes a delete back to the same paint position, with its flags', () => {
    const editor = createEditor({ drawings: [lineA(), hlineB(), rectC()], flags: { b: { hidden: true } } });
    editor.delete(['b']);
    expect(editor.getState().order).toEqual(['a', 'c']);
    expect(editor.getState().flags).toEqual({});
    editor.undo();
    expect(editor.getState().order).toEqual(['a', 'b', 'c']);
    expect(editor.getState().drawings.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(editor.getState().flags).toEqual({ b: { hidden: true } });
  });

  it('cancelGesture reverts the open gesture without a step', () => {
    const editor = twoDrawings();
    editor.beginGesture();
    editor.move(30, 0, vp, ['a']);
    editor.delete(['b']);
    expect(editor.cancelGesture()).toBe(true);
    expect(editor.getState().drawings).toEqual([lineA(), hlineB()]);
    expect(editor.canUndo()).toBe(false);
  });
});

describe('applyRemote', () => {
  it('does not enter history', () => {
    const editor = twoDrawings();
    editor.applyRemote((d) => {
      d.drawings.push(castDraft(rectC()));
    });
    expect(editor.getState().order).toEqual(['a', 'b', 'c']);
    expect(editor.canUndo()).toBe(false);
    expect(editor.undo()).toBe(false);
  });

  it('after a remote insert at the bottom, undo still undoes only the local move', () => {
    const editor = twoDrawings();
    editor.move(0, 50, vp, ['b']);
    expect(editor.getState().byId.b!.points).toEqual([pt(30, 130)]);
    editor.applyRemote((d) => {
      d.drawings.unshift(castDraft(rectC()));
    });
    editor.undo();
    const s = editor.getState();
    expect(s.drawings.map((x) => x.id)).toEqual(['c', 'a', 'b']);
    expect(s.byId.b!.points).toEqual([pt(30, 140)]);
    expect(s.byId.a).toEqual(lineA());
    expect(s.byId.c).toEqual(rectC());
    editor.redo();
    expect(editor.getState().byId.b!.points).toEqual([pt(30, 130)]);
    expect(editor.getState().order).toEqual(['c', 'a', 'b']);
  });

  it('after a remote edit of another drawing, undo keeps the remote edit', () => {
    const editor = twoDrawings();
    editor.move(10, 0, vp, ['a']);
    editor.applyRemote((d) => {
      const b = d.drawings[1]!;
      b.points[0].price = 111 as never;
      b.persistedId = '6502c9e514a3e564c5c09c0a';
    });
    editor.undo();
    expect(editor.getState().byId.a).toEqual(lineA());
    expect(editor.getState().byId.b).toEqual({
      ...hlineB(),
      points: [pt(30, 111)],
      persistedId: '6502c9e514a3e564c5c09c0a',
    });
  });

  it('undo of a local delete after a remote insert restores the drawing after its old neighbour', () => {
    const editor = createEditor({ drawings: [lineA(), hlineB()] });
    editor.delete(['b']);
    editor.applyRemote((d) => {
      d.drawings.unshift(castDraft(rectC()));
    });
    editor.undo();
    expect(editor.getState().order).toEqual(['c', 'a', 'b']);
  });

  it('undo does not resurrect a drawing the server deleted', () => {
    const editor = twoDrawings();
    editor.move(10, 0, vp, ['a']);
    editor.applyRemote((d) => {
      d.drawings.splice(0, 1);
    });
    expect(editor.undo()).toBe(true);
    expect(editor.getState().order).toEqual(['b']);
    expect(editor.getState().byId.a).toBeUndefined();
  });

  it('undo of a local level edit keeps a remote edit of another level', () => {
    const editor = twoDrawings();
    editor.setLevel('support', { id: 'sup_1', price: 120 as never, time: t(5) });
    editor.applyRemote((d) => {
      d.levels.resistance = { id: 'res_1', price: 180 as never, time: t(6) };
    });
    editor.undo();
    expect(editor.getState().levels).toEqual({ resistance: { id: 'res_1', price: 180, time: t(6) } });
  });

  it('reports remote changes with origin remote and the touched ids', () => {
    const editor = twoDrawings();
    const changes: ChangeRecord[] = [];
    editor.subscribe((_, c) => changes.push(c));
    editor.applyRemote((d) => {
      d.drawings[0]!.persistedId = '6502c9e514a3e564c5c09c0a';
      d.levels.pivot = { id: 'pivot_main', price: 145 as never, time: t(5) };
    });
    expect(changes).toEqual([
      {
        source: 'remote',
        origin: 'remote',
        ids: ['a'],
        levels: true,
        metadata: false,
        document: true,
        inGesture: false,
      },
    ]);
  });

  it('drops selection and flags of drawings removed remotely', () => {
    const editor = createEditor({ drawings: [lineA(), hlineB()], flags: { a: { locked: true } } });
    editor.select(['a', 'b']);
    editor.applyRemote((d) => {
      d.drawings = d.drawings.filter((x) => x.id !== 'a');
    });
    expect(editor.getState().selection).toEqual(['b']);
    expect(editor.getState().flags).toEqual({});
  });
});

describe('change records', () => {
  it('marks gesture changes inGesture and announces the whole gesture at its end', () => {
    const editor = twoDrawings();
    const changes: ChangeRecord[] = [];
    editor.subscribe((_, c) => changes.push(c));
    editor.beginGesture();
    editor.move(10, 0, vp, ['a']);
    editor.move(10, 0, vp, ['b']);
    editor.endGesture();
    expect(changes.map((c) => [c.inGesture, c.ids])).toEqual([
      [true, ['a']],
      [true, ['b']],
      [false, ['a', 'b']],
    ]);
    expect(changes[2]).toMatchObject({ source: 'local', origin: 'local', document: true });
  });

  it('load replaces the document and clears history', () => {
    const editor = twoDrawings();
    editor.move(10, 0, vp, ['a']);
    editor.load({ drawings: [rectC()] });
    expect(editor.getState().order).toEqual(['c']);
    expect(editor.canUndo()).toBe(false);
    expect(() => editor.load({ drawings: [rectC(), rectC()] })).toThrow(
      'drawings[1].id: "c" is used by another drawing',
    );
  });
});
