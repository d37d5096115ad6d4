// Model-based check of history (fast-check): random local commands interleaved with remote edits
// of other drawings; undoing every local step restores the local drawings exactly and keeps every
// remote edit (paint order included), and redoing them all brings the local drawings back.
import fc from 'fast-check';
import { castDraft } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Drawing } from '../../../src/core/drawing';
import { createDrawing } from '../../../src/core/kinds/registry';
import { createEditor } from '../../../src/editor/editor';
import type { Editor } from '../../../src/editor/editor-api';
import type { EditorState } from '../../../src/editor/types';
import { pt, vp } from './fixtures';

type Op =
  | { kind: 'move'; pick: number; dx: number; dy: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'create'; bar: number; price: number }
  | { kind: 'restyle'; pick: number; width: number }
  | { kind: 'order'; pick: number; move: 'forward' | 'backward' | 'front' | 'back' }
  | { kind: 'lock'; pick: number }
  | { kind: 'remoteInsert'; at: number; bar: number }
  | { kind: 'remoteEdit'; pick: number; price: number }
  | { kind: 'remoteDelete'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('move'),
    pick: fc.nat(),
    dx: fc.integer({ min: -50, max: 50 }),
    dy: fc.integer({ min: -50, max: 50 }),
  }),
  fc.record({ kind: fc.constant('delete'), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('create'),
    bar: fc.integer({ min: 0, max: 99 }),
    price: fc.integer({ min: 100, max: 200 }),
  }),
  fc.record({ kind: fc.constant('restyle'), pick: fc.nat(), width: fc.integer({ min: 1, max: 10 }) }),
  fc.record({
    kind: fc.constant('order'),
    pick: fc.nat(),
    move: fc.constantFrom('forward', 'backward', 'front', 'back'),
  }),
  fc.record({ kind: fc.constant('lock'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('remoteInsert'), at: fc.nat(), bar: fc.integer({ min: 0, max: 99 }) }),
  fc.record({ kind: fc.constant('remoteEdit'), pick: fc.nat(), price: fc.integer({ min: 100, max: 200 }) }),
  fc.record({ kind: fc.constant('remoteDelete'), pick: fc.nat() }),
) as fc.Arbitrary<Op>;

const isRemote = (id: string) => id.startsWith('r');
let remoteSeq = 0;

function apply(editor: Editor, o: Op): boolean {
  const s = editor.getState();
  const local = s.order.filter((id) => !isRemote(id));
  const remote = s.order.filter(isRemote);
  const localPick = local.length
    ? [
        local[
          o.kind === 'create' || o.kind === 'remoteInsert' ? 0 : (o as { pick: number }).pick % local.length
        ]!,
      ]
    : [];
  switch (o.kind) {
    case 'move':
      if (!localPick.length) return false;
      editor.move(o.dx, o.dy, vp, localPick);
      return s !== editor.getState();
    case 'delete':
      if (!localPick.length) return false;
      editor.delete(localPick);
      return s !== editor.getState();
    case 'create':
      editor.create('LINE', [pt(o.bar, o.price), pt(o.bar + 1, o.price)]);
      return true;
    case 'restyle':
      if (!localPick.length) return false;
      editor.restyle({ lineWidth: o.width }, localPick);
      return s.byId[localPick[0]!]!.style.lineWidth !== o.width;
    case 'order':
      if (!localPick.length) return false;
      editor.reorder(o.move, localPick);
      return s.order !== editor.getState().order;
    case 'lock':
      if (!localPick.length) return false;
      editor.setFlag('locked', !s.flags[localPick[0]!]?.locked, localPick);
      return true;
    case 'remoteInsert': {
      const d = createDrawing('HORIZONTAL_LINE', `r${++remoteSeq}`, [pt(o.bar, 150)]);
      editor.applyRemote((draft) => {
        draft.drawings.splice(o.at % (draft.drawings.length + 1), 0, castDraft(d));
      });
      return false;
    }
    case 'remoteEdit':
      if (!remote.length) return false;
      editor.applyRemote((draft) => {
        const target = draft.drawings.find((x) => x.id === remote[o.pick % remote.length]);
        if (target) target.points[0].price = o.price as never;
      });
      return false;
    case 'remoteDelete':
      if (!remote.length) return false;
      editor.applyRemote((draft) => {
        draft.drawings = draft.drawings.filter((x) => x.id !== remote[o.pick % remote.length]);
      });
      return false;
  }
}

const localView = (s: EditorState) => {
  const ids = s.order.filter((id) => !isRemote(id));
  return {
    order: ids,
    drawings: ids.map((id) => s.byId[id]),
    flags: Object.fromEntries(Object.entries(s.flags).filter(([id]) => !isRemote(id))),
  };
};
const remoteView = (s: EditorState) => s.drawings.filter((d: Drawing) => isRemote(d.id));

describe('history model', () => {
  it('undo of every local step restores local drawings and keeps remote edits; redo restores them', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const editor = createEditor({
          drawings: [
            createDrawing('LINE', 'a', [pt(10, 150), pt(20, 170)]),
            createDrawing('HORIZONTAL_LINE', 'r0', [pt(5, 130)]),
            createDrawing('RECTANGLE', 'c', [pt(40, 180), pt(50, 160)]),
          ],
        });
        const initial = localView(editor.getState());
        for (const o of ops) apply(editor, o);
        const final = editor.getState();
        while (editor.undo()) {}
        const undone = editor.getState();
        expect(localView(undone)).toEqual(initial);
        expect(remoteView(undone)).toEqual(remoteView(final));
        while (editor.redo()) {}
        // Redo restores every local drawing's data; its paint position relative to a drawing the
        // server inserted meanwhile is a best guess (after its old predecessor), so compare by id.
        const byId = (st: EditorState) => Object.fromEntries(localView(st).drawings.map((d) => [d!.id, d]));
        expect(byId(editor.getState())).toEqual(byId(final));
        expect(remoteView(editor.getState())).toEqual(remoteView(final));
      }),
      { numRuns: 300 },
    );
  });
});
