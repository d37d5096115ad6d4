// applyDocToEditor on a real editor: the editor ends up holding the wire document; objects that
// say the same are kept (the server's first, with their persisted ids, then the editor's own), so
// the change record announces only what really changed — and nothing at all for an equal document.
import { describe, expect, it } from 'vitest';
import type { Editor } from '../../../src/editor/editor-api';
import type { ChangeRecord } from '../../../src/editor/types';
import { docOfState } from '../../../src/sync/edit-tracker';
import { applyDocToEditor } from '../../../src/sync/editor-bridge';
import { type DomainDoc, docFromDomain, type SyncDoc } from '../../../src/sync/sync-doc';
import { pt } from '../editor/fixtures';
import { newEditor } from './harness';

/** An editor with two lines and a pivot level, and the records of what it announces from now on. */
function setup() {
  const editor = newEditor();
  const a = editor.create('LINE', [pt(1, 150), pt(5, 160)]);
  const b = editor.create('LINE', [pt(2, 140), pt(6, 145)]);
  editor.setLevel('pivot', { id: 'lvl-pivot', ...pt(3, 150) });
  const changes: ChangeRecord[] = [];
  editor.subscribe((_s, c) => changes.push(c));
  return { editor, a, b, changes };
}

const wireOf = (editor: Editor): SyncDoc => docFromDomain(docOfState(editor.getState()));

/** The document after `edit`, with the editor put back as it was. */
function docAfter(editor: Editor, edit: () => void): SyncDoc {
  edit();
  const doc = wireOf(editor);
  editor.undo();
  return doc;
}

describe('applyDocToEditor', () => {
  it('an equal document changes nothing and announces nothing', () => {
    const { editor, changes } = setup();
    const before = editor.getState();
    applyDocToEditor(editor, wireOf(editor), null);
    expect(changes).toEqual([]);
    expect(editor.getState()).toBe(before);
  });

  it('one drawing changed remotely: only it is announced, the other object is kept', () => {
    const { editor, a, b, changes } = setup();
    const extended = docAfter(editor, () => editor.setOption('extendRight', true, [b]));
    changes.length = 0;
    const keptA = editor.getState().byId[a];
    applyDocToEditor(editor, extended, null);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ origin: 'remote', ids: [b], levels: false, metadata: false });
    expect(editor.getState().byId[b]).toMatchObject({ extendRight: true });
    expect(editor.getState().byId[a]).toBe(keptA);
    expect(wireOf(editor)).toEqual(extended);
  });

  it('a drawing deleted remotely (the last one) is gone', () => {
    const { editor, a, b } = setup();
    const doc = wireOf(editor);
    applyDocToEditor(editor, { ...doc, drawings: doc.drawings.filter((d) => d.clientObjectId !== b) }, null);
    expect(editor.getState().drawings.map((d) => d.id)).toEqual([a]);
  });

  it('the server drawings and levels are preferred: their persisted ids come in', () => {
    const { editor, a, b, changes } = setup();
    const s = editor.getState();
    const server: DomainDoc = {
      ...docOfState(s),
      drawings: s.drawings.map((d) => ({ ...d, persistedId: `p-${d.id}` })),
      levels: { pivot: { ...s.levels.pivot!, persistedId: 'p-pivot' } },
    };
    applyDocToEditor(editor, wireOf(editor), server);
    const after = editor.getState();
    expect(after.drawings.map((d) => [d.id, d.persistedId])).toEqual([
      [a, `p-${a}`],
      [b, `p-${b}`],
    ]);
    expect(after.levels.pivot!.persistedId).toBe('p-pivot');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ ids: [a, b], levels: true, metadata: false });
  });

  it('a level moved remotely is announced as a level change with the new price', () => {
    const { editor, changes } = setup();
    const moved = docAfter(editor, () => editor.setLevel('pivot', { id: 'lvl-pivot', ...pt(3, 155) }));
    const added = docAfter(editor, () => editor.setLevel('support', { id: 'lvl-support', ...pt(3, 120) }));
    changes.length = 0;
    applyDocToEditor(editor, moved, null);
    expect(editor.getState().levels.pivot!.price).toBe(155);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ ids: [], levels: true, metadata: false });
    applyDocToEditor(editor, added, null);
    expect(editor.getState().levels.support!.price).toBe(120);
    expect(editor.getState().levels.pivot!.price).toBe(150);
  });

  it('a level removed remotely is no longer a key of the levels', () => {
    const { editor } = setup();
    const removed = docAfter(editor, () => editor.setLevel('pivot', null));
    applyDocToEditor(editor, removed, null);
    expect(Object.keys(editor.getState().levels)).toEqual([]);
    expect(wireOf(editor)).toEqual(removed);
  });

  it('metadata changed remotely is announced as metadata only', () => {
    const { editor, changes } = setup();
    const retitled = docAfter(editor, () => editor.setMetadata({ title: 'From the server' }));
    changes.length = 0;
    applyDocToEditor(editor, retitled, null);
    expect(editor.getState().metadata.title).toBe('From the server');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ ids: [], levels: false, metadata: true });
  });

  it('load: the editor holds the document with no undo history', () => {
    const { editor, b } = setup();
    const extended = docAfter(editor, () => editor.setOption('extendRight', true, [b]));
    applyDocToEditor(editor, extended, null, true);
    expect(wireOf(editor)).toEqual(extended);
    expect(editor.canUndo()).toBe(false);
  });
});
