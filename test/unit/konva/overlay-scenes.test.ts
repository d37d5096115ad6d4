import { describe, expect, it } from 'vitest';
import { createDrawing } from '../../../src/core/kinds/registry';
import type { Price, UtcSeconds } from '../../../src/core/units';
import { createEditor } from '../../../src/editor/editor';
import type { EditorState } from '../../../src/editor/types';
import { activeIds, sameDrawings, splitDrawings } from '../../../src/konva/overlay-scenes';

const pt = (time: number, price: number) => ({ time: time as UtcSeconds, price: price as Price });
const drawings = [
  createDrawing('LINE', 'a', [pt(0, 1), pt(3600, 2)]),
  createDrawing('HORIZONTAL_LINE', 'b', [pt(0, 1.5)]),
  createDrawing('RECTANGLE', 'c', [pt(0, 1), pt(7200, 2)]),
  createDrawing('FIBONACCI_RETRACEMENT', 'd', [pt(0, 1), pt(7200, 2)]),
];

describe('activeIds and splitDrawings', () => {
  it('puts nothing on the interactive layer when nothing is selected, hovered or placed', () => {
    const state = createEditor({ drawings }).getState();
    expect([...activeIds(state)]).toEqual([]);
    const split = splitDrawings(state, activeIds(state));
    expect(split.committed.map((d) => d.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(split.active).toEqual([]);
  });

  it('moves selected and hovered drawings to the interactive layer, keeping paint order', () => {
    const editor = createEditor({ drawings });
    editor.select(['c', 'a']);
    const state: EditorState = {
      ...editor.getState(),
      hover: { type: 'drawing', id: 'd', part: { type: 'body' } },
    };
    expect([...activeIds(state)].sort()).toEqual(['a', 'c', 'd']);
    const split = splitDrawings(state, activeIds(state));
    expect(split.committed.map((d) => d.id)).toEqual(['b']);
    expect(split.active.map((d) => d.id)).toEqual(['a', 'c', 'd']);
  });

  it('counts the drawing being placed and the originals of a body drag as active', () => {
    const state = createEditor({ drawings }).getState();
    const placing: EditorState = {
      ...state,
      toolState: {
        type: 'placing',
        id: 'b',
        kind: 'HORIZONTAL_LINE',
        index: 0,
        pressed: true,
        pressX: 0,
        pressY: 0,
      },
    };
    expect([...activeIds(placing)]).toEqual(['b']);
    const dragging: EditorState = {
      ...state,
      toolState: { type: 'dragging-body', x: 0, y: 0, originals: [drawings[0], drawings[3]] },
    };
    expect([...activeIds(dragging)].sort()).toEqual(['a', 'd']);
  });

  it('leaves hidden drawings out of both layers', () => {
    const editor = createEditor({ drawings });
    editor.hide(['b']);
    const state = editor.getState();
    const split = splitDrawings(state, activeIds(state));
    expect([...split.committed, ...split.active].map((d) => d.id)).toEqual(['a', 'c', 'd']);
  });
});

describe('sameDrawings', () => {
  it('is true only for the same objects in the same order', () => {
    expect(sameDrawings(drawings, [...drawings])).toBe(true);
    expect(sameDrawings(drawings, [drawings[1], drawings[0], drawings[2], drawings[3]])).toBe(false);
    expect(sameDrawings(drawings, drawings.slice(1))).toBe(false);
    expect(sameDrawings(drawings, [{ ...drawings[0] }, drawings[1], drawings[2], drawings[3]])).toBe(false);
  });
});
