import { describe, expect, it } from 'vitest';
import type { AnalysisMetadata } from '../../../src/core/analysis';
import type { Drawing } from '../../../src/core/drawing';
import { createEditor } from '../../../src/editor/editor';
import { DEFAULT_METADATA } from '../../../src/editor/state';
import { pt } from './fixtures';

const hline = (id: string): Drawing =>
  ({ kind: 'HORIZONTAL_LINE', id, points: [pt(0, 1.3)], style: {} }) as unknown as Drawing;

describe('a deleted drawing id is never handed out again (issue 17 item 7)', () => {
  it('after deleting the highest line, the next one gets the next number', () => {
    const editor = createEditor();
    const first = editor.create('LINE', [pt(0, 1), pt(1, 2)]);
    expect(first).toBe('line_1');
    editor.delete([first]);
    expect(editor.create('LINE', [pt(0, 1), pt(1, 2)])).toBe('line_2');
  });

  it('a loaded drawing deleted later keeps its id taken', () => {
    const editor = createEditor({ drawings: [hline('hline_3')] });
    editor.delete(['hline_3']);
    expect(editor.create('HORIZONTAL_LINE', [pt(0, 1.31)])).toBe('hline_4');
    // Also for drawings that arrive later (a load from the server), deleted before any create.
    editor.load({ drawings: [hline('hline_9')] });
    editor.delete(['hline_9']);
    expect(editor.create('HORIZONTAL_LINE', [pt(0, 1.31)])).toBe('hline_10');
  });

  it('ids the texts refer to stay taken (they are stored with the analysis, so this holds after reload)', () => {
    const metadata: AnalysisMetadata = {
      ...DEFAULT_METADATA,
      preferenceText: 'Entry above [[line_1:breakout level]]',
      comments: 'see [[line_2:old]]',
    };
    const editor = createEditor({ drawings: [], metadata });
    expect(editor.create('LINE', [pt(0, 1), pt(1, 2)])).toBe('line_3');
  });

  it('reserveIds carries a high-water mark over sessions; idHighWater reports it', () => {
    const before = createEditor();
    before.create('LINE', [pt(0, 1), pt(1, 2)]);
    before.create('LINE', [pt(0, 1), pt(1, 2)]);
    before.create('RECTANGLE', [pt(0, 1), pt(1, 2)]);
    before.delete(['line_2', 'rect_1']);
    expect(before.idHighWater().sort()).toEqual(['line_2', 'rect_1']);
    const after = createEditor({ drawings: [hline('hline_1')] });
    after.reserveIds(before.idHighWater());
    expect(after.create('LINE', [pt(0, 1), pt(1, 2)])).toBe('line_3');
    expect(after.create('RECTANGLE', [pt(0, 1), pt(1, 2)])).toBe('rect_2');
    expect(after.create('HORIZONTAL_LINE', [pt(0, 1)])).toBe('hline_2');
    // Ids of other shapes are not numbers of ours and change nothing.
    after.reserveIds(['support_zone', 'line_x', 'circle_5']);
    expect(after.create('LINE', [pt(0, 1), pt(1, 2)])).toBe('line_4');
  });

  it('setPricePrecision changes how later edits round and names a bad value', () => {
    const editor = createEditor();
    editor.setPricePrecision(5);
    const id = editor.create('HORIZONTAL_LINE', [pt(0, 1.3597961779752288)]);
    expect(editor.getState().byId[id]!.points[0]!.price).toBe(1.3598);
    editor.setPricePrecision(undefined);
    const raw = editor.create('HORIZONTAL_LINE', [pt(0, 1.3597961779752288)]);
    expect(editor.getState().byId[raw]!.points[0]!.price).toBe(1.3597961779752288);
    expect(() => editor.setPricePrecision(16)).toThrow('pricePrecision: must be an integer in 0..15, got 16');
  });
});
