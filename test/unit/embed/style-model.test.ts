// The style panel's logic (issue 17 item 8): which controls each kind gets (spec §3.8/§3.9: fill
// only where a kind paints an area, extension where a kind extends, heads on a line, midline on a
// channel, ratios on a retracement), shared controls and mixed values over a selection, the
// patches a change writes, defaults read like a drawing, and the names users see.
import { describe, expect, it } from 'vitest';
import { createDrawing, createDrawingWithOptions } from '../../../src/core/kinds/registry';
import { createEditor } from '../../../src/editor/index';
import { DEFAULT_STRINGS } from '../../../src/embed/strings';
import {
  changeFor,
  controlValueOf,
  defaultsWith,
  drawingFromDefaults,
  fillAlphaOf,
  KIND_CONTROLS,
  ordinalOf,
  sharedControls,
  shownValue,
} from '../../../src/embed/style-model';
import { pt } from '../editor/fixtures';

const line = (id: string, style = {}) => createDrawing('LINE', id, [pt(1, 150), pt(2, 160)], style);
const rect = (id: string, style = {}) => createDrawing('RECTANGLE', id, [pt(1, 150), pt(2, 160)], style);
const fib = (id: string, levels: number[]) =>
  createDrawingWithOptions('FIBONACCI_RETRACEMENT', id, [pt(1, 150), pt(2, 160)], {}, { levels });

describe('controls per kind', () => {
  it('each kind gets exactly the controls its wire fields allow', () => {
    expect(KIND_CONTROLS).toEqual({
      HORIZONTAL_LINE: ['color', 'lineWidth', 'lineStyle'],
      LINE: ['color', 'lineWidth', 'lineStyle', 'extendLeft', 'extendRight', 'startHead', 'endHead'],
      RECTANGLE: ['color', 'lineWidth', 'lineStyle', 'fillColor'],
      PARALLEL: ['color', 'lineWidth', 'lineStyle', 'fillColor', 'extendLeft', 'extendRight', 'showMidline'],
      FIBONACCI_RETRACEMENT: [
        'color',
        'lineWidth',
        'lineStyle',
        'extendRight',
        'showBands',
        'labelSide',
        'levels',
      ],
    });
  });

  it('a mixed selection shows only what every selected kind has', () => {
    expect(sharedControls(['LINE', 'PARALLEL'])).toEqual([
      'color',
      'lineWidth',
      'lineStyle',
      'extendLeft',
      'extendRight',
    ]);
    expect(sharedControls(['RECTANGLE', 'PARALLEL'])).toEqual([
      'color',
      'lineWidth',
      'lineStyle',
      'fillColor',
    ]);
    expect(sharedControls(['RECTANGLE', 'FIBONACCI_RETRACEMENT'])).toEqual([
      'color',
      'lineWidth',
      'lineStyle',
    ]);
    expect(sharedControls(['HORIZONTAL_LINE', 'LINE'])).toEqual(['color', 'lineWidth', 'lineStyle']);
    expect(sharedControls([])).toEqual([]);
  });
});

describe('values', () => {
  it('shows real colours from the kind defaults (spec §3.8 table in core/style.ts), never black', () => {
    // STYLE_DEFAULTS: LINE #2962FF width 2; RECTANGLE outline and fill #9C27B0 (fill at alpha 33).
    expect(controlValueOf(line('a'), 'color')).toBe('#2962FF');
    expect(controlValueOf(line('a'), 'lineWidth')).toBe(2);
    expect(controlValueOf(rect('r'), 'color')).toBe('#9C27B0');
    expect(controlValueOf(rect('r', { borderColor: '#00ff00', color: '#ff0000' }), 'color')).toBe('#00FF00');
    expect(controlValueOf(rect('r'), 'fillColor')).toBe('#9C27B0');
    expect(fillAlphaOf(rect('r'))).toBe('33');
    // A #RRGGBB fill is painted at alpha 0.25 (core FILL_DEFAULT_ALPHA): 0.25·255 = 63.75 → 0x40.
    expect(fillAlphaOf(rect('r', { fillColor: '#112233' }))).toBe('40');
  });

  it('a value that differs across the selection is mixed; one that agrees is shown', () => {
    expect(shownValue([line('a', { lineWidth: 3 }), line('b', { lineWidth: 3 })], 'lineWidth')).toEqual({
      mixed: false,
      value: 3,
    });
    expect(shownValue([line('a', { lineWidth: 3 }), line('b')], 'lineWidth')).toEqual({ mixed: true });
    expect(shownValue([fib('f', [0, 0.5, 1]), fib('g', [0, 0.5, 1])], 'levels')).toEqual({
      mixed: false,
      value: [0, 0.5, 1],
    });
    expect(shownValue([fib('f', [0, 0.5, 1]), fib('g', [0, 0.618, 1])], 'levels')).toEqual({ mixed: true });
  });

  it("a retracement's label side: left when absent (README), mixed when two sides differ", () => {
    const right = { ...fib('r', [0, 1]), labelSide: 'right' as const };
    expect(controlValueOf(fib('f', [0, 1]), 'labelSide')).toBe('left');
    expect(controlValueOf(right, 'labelSide')).toBe('right');
    expect(shownValue([fib('f', [0, 1]), { ...fib('g', [0, 1]), labelSide: 'left' }], 'labelSide')).toEqual({
      mixed: false,
      value: 'left',
    });
    expect(shownValue([fib('f', [0, 1]), right], 'labelSide')).toEqual({ mixed: true });
  });

  it('defaults are read like a drawing: absent keys are the kind defaults', () => {
    const d = drawingFromDefaults('PARALLEL', {
      style: { color: '#FF9800' },
      options: { showMidline: false },
    });
    expect(controlValueOf(d, 'color')).toBe('#FF9800');
    expect(controlValueOf(d, 'showMidline')).toBe(false);
    expect(controlValueOf(drawingFromDefaults('PARALLEL', undefined), 'showMidline')).toBe(true);
    expect(controlValueOf(drawingFromDefaults('FIBONACCI_RETRACEMENT', undefined), 'levels')).toEqual([
      0, 0.236, 0.382, 0.5, 0.618, 0.786, 1,
    ]);
  });
});

describe('changes', () => {
  it('colour writes borderColor on a rectangle (its outline, spec §3.8) and color elsewhere', () => {
    expect(changeFor('RECTANGLE', 'color', '#FF0000')).toEqual({
      type: 'style',
      patch: { borderColor: '#FF0000' },
    });
    expect(changeFor('LINE', 'color', '#FF0000')).toEqual({ type: 'style', patch: { color: '#FF0000' } });
    expect(changeFor('PARALLEL', 'fillColor', '#00ff00', '1F')).toEqual({
      type: 'style',
      patch: { fillColor: '#00FF001F' },
    });
    expect(changeFor('LINE', 'endHead', true)).toEqual({ type: 'option', option: 'endHead', value: true });
  });

  it('the label side is its own change, and only "left" or "right" are taken', () => {
    expect(changeFor('FIBONACCI_RETRACEMENT', 'labelSide', 'right')).toEqual({
      type: 'labelSide',
      side: 'right',
    });
    expect(changeFor('FIBONACCI_RETRACEMENT', 'labelSide', 'left')).toEqual({
      type: 'labelSide',
      side: 'left',
    });
    expect(() => changeFor('FIBONACCI_RETRACEMENT', 'labelSide', 'top')).toThrow(
      'labelSide: must be "left" or "right", got "top"',
    );
    // No wire field: the defaults of the next drawing do not keep it (like the bands).
    const d = { style: { color: '#FF9800' }, options: { levels: [0, 1] } };
    expect(defaultsWith(d, changeFor('FIBONACCI_RETRACEMENT', 'labelSide', 'right'))).toEqual(d);
  });

  it('defaults merge one change at a time; heads are stored as the wire spells them', () => {
    let d = defaultsWith(undefined, changeFor('LINE', 'color', '#FF9800'));
    d = defaultsWith(d, changeFor('LINE', 'endHead', true));
    d = defaultsWith(d, changeFor('LINE', 'lineWidth', 3));
    expect(d).toEqual({ style: { color: '#FF9800', lineWidth: 3 }, options: { endHead: 'ARROW' } });
  });
});

describe('names', () => {
  it('a drawing is named by its kind and its number among that kind, never by its id', () => {
    const editor = createEditor({
      drawings: [line('target'), rect('zone'), line('line_7'), fib('fib_1', [0, 1])],
    });
    const state = editor.getState();
    const name = (id: string) => DEFAULT_STRINGS.drawingName(state.byId[id]!.kind, ordinalOf(state, id));
    expect(name('target')).toBe('Trend line 1');
    expect(name('line_7')).toBe('Trend line 2');
    expect(name('zone')).toBe('Rectangle 1');
    expect(name('fib_1')).toBe('Fibonacci 1');
    // Paint order does not rename: bringing the first line to the front keeps its number.
    editor.bringToFront(['target']);
    expect(ordinalOf(editor.getState(), 'target')).toBe(1);
  });
});
