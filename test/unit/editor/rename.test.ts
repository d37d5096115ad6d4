import { describe, expect, it } from 'vitest';
import type { Drawing } from '../../../src/core/drawing';
import { createEditor } from '../../../src/editor/editor';
import { pt } from './fixtures';

const foreignLine = {
  kind: 'LINE',
  id: 'line_1',
  points: [pt(5, 3), pt(6, 4)],
  style: {},
} as unknown as Drawing;

describe('renameDrawings: sync gave a local drawing a new id because another client took it', () => {
  it('undo and redo act on the renamed drawing, never on the other client’s one that now has the old id', () => {
    const editor = createEditor();
    const ours = editor.create('LINE', [pt(0, 1), pt(1, 2)]);
    editor.renameDrawings(new Map([[ours, 'line_2']]));
    editor.applyRemote((draft) => {
      draft.drawings = [foreignLine as never, ...draft.drawings];
    });
    expect(editor.getState().order).toEqual(['line_1', 'line_2']);
    expect(editor.getState().byId.line_2!.points).toEqual([pt(0, 1), pt(1, 2)]);

    editor.undo();
    expect(editor.getState().order).toEqual(['line_1']);
    expect(editor.getState().byId.line_1).toBe(foreignLine);
    editor.redo();
    // Paint order after a redo follows the step's own order; what matters is which drawings.
    expect([...editor.getState().order].sort()).toEqual(['line_1', 'line_2']);
    expect(editor.getState().byId.line_2!.points).toEqual([pt(0, 1), pt(1, 2)]);
  });

  it('is outside undo and keeps the selection on the renamed drawing', () => {
    const editor = createEditor();
    const ours = editor.create('LINE', [pt(0, 1), pt(1, 2)]);
    editor.select([ours]);
    editor.renameDrawings(new Map([[ours, 'line_7']]));
    expect(editor.getState().selection).toEqual(['line_7']);
    expect(editor.getState().byId.line_7!.id).toBe('line_7');
    editor.undo(); // undoes the create, not the rename
    expect(editor.getState().order).toEqual([]);
  });
});
