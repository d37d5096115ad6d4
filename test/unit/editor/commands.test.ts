// Commands with exact state after each: delete and locks, copy/paste/duplicate ids and offsets,
// paint order, options, Fibonacci ratios, levels, expiry, metadata, style, visibility.
import { describe, expect, it } from 'vitest';
import type { Level } from '../../../src/core/analysis';
import { createDrawing } from '../../../src/core/kinds/registry';
import { CLIENT_OBJECT_ID_PATTERN } from '../../../src/core/references';
import type { Price } from '../../../src/core/units';
import { createEditor } from '../../../src/editor/editor';
import { pt, t, vp } from './fixtures';

const a = () => createDrawing('LINE', 'a', [pt(10, 150), pt(20, 170)]);
const b = () => createDrawing('HORIZONTAL_LINE', 'b', [pt(30, 120)]);
const c = () => createDrawing('RECTANGLE', 'c', [pt(40, 180), pt(50, 160)]);
const fib = () => createDrawing('FIBONACCI_RETRACEMENT', 'f', [pt(60, 110), pt(70, 190)]);
const ch = () => createDrawing('PARALLEL', 'p', [pt(10, 110), pt(20, 115), pt(15, 130)]);
const fixture = () => createEditor({ drawings: [a(), b(), c()] });
const level = (id: string, price: number): Level => ({ id, price: price as Price, time: t(5) });

describe('delete', () => {
  it('deletes the selection except locked drawings and returns those', () => {
    const editor = fixture();
    editor.lock(['b']);
    editor.selectAll();
    expect(editor.delete()).toEqual(['b']);
    expect(editor.getState().order).toEqual(['b']);
    expect(editor.getState().selection).toEqual(['b']);
    editor.undo();
    expect(editor.getState().order).toEqual(['a', 'b', 'c']);
    editor.unlock(['b']);
    expect(editor.delete(['b'])).toEqual([]);
    expect(editor.getState().order).toEqual(['a', 'c']);
  });
});

describe('copy and paste', () => {
  it('pastes new valid ids one bar right at the same prices, further on each paste', () => {
    const editor = fixture();
    editor.select(['c', 'a']);
    expect(editor.copy()).toBe(2);
    expect(editor.paste(vp)).toEqual(['line_1', 'rect_1']);
    let s = editor.getState();
    expect(s.byId.line_1).toEqual({ ...a(), id: 'line_1', points: [pt(11, 150), pt(21, 170)] });
    expect(s.byId.rect_1).toEqual({ ...c(), id: 'rect_1', points: [pt(41, 180), pt(51, 160)] });
    expect(s.selection).toEqual(['line_1', 'rect_1']);
    expect(editor.paste(vp)).toEqual(['line_2', 'rect_2']);
    s = editor.getState();
    expect(s.byId.line_2!.points).toEqual([pt(12, 150), pt(22, 170)]);
    expect(s.order).toEqual(['a', 'b', 'c', 'line_1', 'rect_1', 'line_2', 'rect_2']);
    for (const id of s.order) expect(id).toMatch(CLIENT_OBJECT_ID_PATTERN);
    editor.undo();
    expect(editor.getState().order).toEqual(['a', 'b', 'c', 'line_1', 'rect_1']);
  });

  it('never reuses an id, not even one freed by undo', () => {
    const editor = fixture();
    editor.select(['a']);
    editor.copy();
    editor.paste(vp);
    editor.undo();
    expect(editor.paste(vp)).toEqual(['line_2']);
  });

  it('pastes past the last bar into the future and drops the persisted id', () => {
    const editor = createEditor({
      drawings: [{ ...b(), points: [pt(99, 150)], persistedId: '6502c9e514a3e564c5c09c0a' }],
    });
    editor.selectAll();
    editor.copy();
    editor.paste(vp);
    expect(editor.getState().byId.hline_1).toEqual({
      kind: 'HORIZONTAL_LINE',
      id: 'hline_1',
      points: [pt(100, 150)],
      style: {},
    });
  });

  it('duplicates without touching the clipboard; nothing to paste without a copy', () => {
    const editor = fixture();
    expect(editor.paste(vp)).toEqual([]);
    editor.select(['b']);
    expect(editor.duplicate(vp)).toEqual(['hline_1']);
    expect(editor.getState().byId.hline_1!.points).toEqual([pt(31, 120)]);
    expect(editor.getState().clipboard).toBeNull();
  });

  it('asks for a viewport when none is known', () => {
    const editor = fixture();
    editor.select(['a']);
    editor.copy();
    expect(() => editor.paste()).toThrow('paste: needs a viewport (pass one, or send a pointer event first)');
  });
});

describe('paint order', () => {
  it('steps forward/backward past unselected drawings and jumps to front/back', () => {
    const editor = createEditor({ drawings: [a(), b(), c(), fib()] });
    editor.select(['a']);
    editor.bringForward();
    expect(editor.getState().order).toEqual(['b', 'a', 'c', 'f']);
    editor.bringToFront();
    expect(editor.getState().order).toEqual(['b', 'c', 'f', 'a']);
    editor.select(['f', 'a']);
    editor.sendToBack();
    expect(editor.getState().order).toEqual(['f', 'a', 'b', 'c']);
    editor.select(['c']);
    editor.sendBackward();
    expect(editor.getState().order).toEqual(['f', 'a', 'c', 'b']);
    expect(editor.getState().drawings.map((d) => d.id)).toEqual(['f', 'a', 'c', 'b']);
    editor.undo();
    editor.undo();
    expect(editor.getState().order).toEqual(['b', 'c', 'f', 'a']);
  });
});

describe('options and Fibonacci ratios', () => {
  it('toggles extensions, heads and midline only on kinds that have them', () => {
    const editor = createEditor({ drawings: [a(), c(), ch(), fib()] });
    editor.selectAll();
    editor.toggle('extendRight');
    editor.toggle('endHead');
    editor.toggle('showMidline');
    editor.setOption('extendLeft', true);
    const s = editor.getState();
    expect(s.byId.a).toMatchObject({
      extendLeft: true,
      extendRight: true,
      endHead: 'ARROW',
      startHead: 'NONE',
    });
    expect(s.byId.p).toMatchObject({ extendLeft: true, extendRight: true, showMidline: false });
    expect(s.byId.f).toMatchObject({ extendRight: true });
    expect(s.byId.c).toEqual(c());
  });

  it('shows or hides Fibonacci bands and puts labels on a side, one undo step each, other kinds untouched', () => {
    const editor = createEditor({ drawings: [fib(), a()] });
    editor.selectAll();
    editor.toggle('showBands');
    expect(editor.getState().byId.f).toMatchObject({ showBands: false });
    editor.setOption('showBands', true);
    expect(editor.getState().byId.f).toMatchObject({ showBands: true });
    editor.setFibLabelSide('right');
    expect(editor.getState().byId.f).toMatchObject({ labelSide: 'right' });
    expect(editor.getState().byId.a).toEqual(a());
    editor.undo();
    expect(editor.getState().byId.f!).not.toHaveProperty('labelSide');
    editor.undo();
    expect(editor.getState().byId.f).toMatchObject({ showBands: false });
    expect(() => editor.setFibLabelSide('top' as 'left')).toThrow(
      'setFibLabelSide: side must be "left" or "right", got "top"',
    );
  });

  it('sets valid ratios and rejects bad ones with the field and rule', () => {
    const editor = createEditor({ drawings: [fib(), a()] });
    editor.setFibLevels('f', [0, 0.5, 1, 1.618]);
    expect(editor.getState().byId.f).toMatchObject({ levels: [0, 0.5, 1, 1.618] });
    expect(() => editor.setFibLevels('f', [])).toThrow(
      'levels: FIBONACCI_RETRACEMENT needs 1–24 ratios, got 0',
    );
    expect(() =>
      editor.setFibLevels(
        'f',
        Array.from({ length: 25 }, (_, i) => i / 10),
      ),
    ).toThrow('levels: FIBONACCI_RETRACEMENT needs 1–24 ratios, got 25');
    expect(() => editor.setFibLevels('f', [0, Number.NaN])).toThrow(
      'levels[1]: ratio must be a finite number, got NaN',
    );
    expect(() => editor.setFibLevels('f', [0, 5.5])).toThrow(
      'levels[1]: ratio must be within [-5, 5], got 5.5',
    );
    expect(() => editor.setFibLevels('f', [0, 0.5, 0.5])).toThrow('levels[2]: ratio 0.5 repeats levels[1]');
    expect(() => editor.setFibLevels('a', [0])).toThrow(
      'setFibLevels: drawing "a" is a LINE, not a FIBONACCI_RETRACEMENT',
    );
    expect(editor.getState().byId.f).toMatchObject({ levels: [0, 0.5, 1, 1.618] });
    editor.setFibLevels('f', [-5, 5]);
    editor.undo();
    expect(editor.getState().byId.f).toMatchObject({ levels: [0, 0.5, 1, 1.618] });
  });
});

describe('levels, expiry and metadata', () => {
  it('sets and removes levels, enforcing support < pivot < resistance', () => {
    const editor = fixture();
    editor.setLevel('support', level('sup_1', 120));
    editor.setLevel('resistance', level('res_1', 180));
    expect(() => editor.setLevel('pivot', level('pivot_main', 190))).toThrow(
      'levels.resistance.price: must be above pivot (190)',
    );
    expect(() => editor.setLevel('pivot', level('a', 150))).toThrow(
      'levels.pivot.clientObjectId: "a" is already used by a drawing',
    );
    expect(() => editor.setLevel('pivot', level('res_1', 150))).toThrow(
      'levels.pivot.clientObjectId: "res_1" is already used by levels.resistance',
    );
    expect(() => editor.setLevel('pivot', level('bad id', 150))).toThrow(
      'levels.pivot.clientObjectId: "bad id" must be 1–64 of A–Z a–z 0–9 _ -',
    );
    editor.setLevel('pivot', level('pivot_main', 150));
    expect(editor.getState().levels).toEqual({
      support: level('sup_1', 120),
      pivot: level('pivot_main', 150),
      resistance: level('res_1', 180),
    });
    editor.setLevel('support', null);
    expect(editor.getState().levels.support).toBeUndefined();
    editor.undo();
    expect(editor.getState().levels.support).toEqual(level('sup_1', 120));
  });

  it('clamps a dragged level at its neighbours', () => {
    const editor = createEditor({
      drawings: [],
      levels: { support: level('s', 120), pivot: level('p', 150) },
    });
    editor.dragLevel('pivot', 100);
    expect(editor.getState().levels.pivot!.price).toBe(120 + 1e-9);
    editor.dragLevel('pivot', 175);
    expect(editor.getState().levels.pivot!.price).toBe(175);
  });

  it('sets, validates and removes the expiry; merges metadata', () => {
    const editor = fixture();
    editor.setExpiry({ type: 'HOURS', hours: 24 });
    expect(editor.getState().metadata.expiry).toEqual({ type: 'HOURS', hours: 24 });
    expect(() => editor.setExpiry({ type: 'HOURS', hours: 0 })).toThrow(
      'metadata.expiry.hours: must be a whole number from 1 to 8760, got 0',
    );
    expect(() => editor.setExpiry({ type: 'HOURS', hours: 1.5 })).toThrow('got 1.5');
    editor.setMetadata({ title: 'GBPUSD bounce', comments: 'watch volume', symbol: 'GBP/USD' });
    editor.setMetadata({ comments: undefined });
    editor.setExpiry(undefined);
    expect(editor.getState().metadata).toEqual({
      direction: 'BULLISH',
      entryPlacement: 'BELOW_CURRENT',
      title: 'GBPUSD bounce',
      timeframe: 'H1',
      symbol: 'GBP/USD',
    });
    editor.undo();
    expect(editor.getState().metadata.expiry).toEqual({ type: 'HOURS', hours: 24 });
  });
});

describe('style and visibility', () => {
  it('merges style patches and removes keys set to undefined', () => {
    const editor = fixture();
    editor.restyle({ color: '#00FF00', lineWidth: 3 }, ['a']);
    editor.restyle({ lineWidth: undefined, lineStyle: 'DASHED' }, ['a']);
    expect(editor.getState().byId.a!.style).toEqual({ color: '#00FF00', lineStyle: 'DASHED' });
  });

  it('hiding deselects; hidden drawings cannot be selected; show brings them back', () => {
    const editor = fixture();
    editor.selectAll();
    editor.hide(['b']);
    expect(editor.getState().selection).toEqual(['a', 'c']);
    editor.select(['b']);
    expect(editor.getState().selection).toEqual([]);
    editor.selectAll();
    expect(editor.getState().selection).toEqual(['a', 'c']);
    editor.show(['b']);
    expect(editor.getState().flags).toEqual({});
    editor.toggleSelection('b');
    expect(editor.getState().selection).toEqual(['a', 'c', 'b']);
    editor.toggleSelection('a');
    expect(editor.getState().selection).toEqual(['c', 'b']);
  });

  it('creates drawings with kind-prefixed ids on top, selected', () => {
    const editor = fixture();
    expect(editor.create('PARALLEL', [pt(1, 150), pt(2, 150), pt(1, 160)])).toBe('channel_1');
    expect(editor.create('LINE', [pt(1, 150), pt(2, 150)], { color: '#FFFFFF' })).toBe('line_1');
    expect(editor.getState().order).toEqual(['a', 'b', 'c', 'channel_1', 'line_1']);
    expect(editor.getState().selection).toEqual(['line_1']);
    expect(() => editor.create('LINE', [pt(1, 150)])).toThrow();
  });
});
