// The live region's wording (issue 17 item 9). Expected sentences are the issue's own examples
// ("Line added from 1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00", "Horizontal line at
// 1.34310 moved to 1.34410", "Rectangle deleted", "Fibonacci 1 selected") and the same pattern
// for the other changes, prices with 5 decimals (the series' precision here), times in UTC.
import { describe, expect, it } from 'vitest';
import { createViewport } from '../../../src/core/create-viewport';
import { formatDayTime, formatPrice } from '../../../src/core/format';
import { createDrawing } from '../../../src/core/kinds/registry';
import type { Price, UtcSeconds } from '../../../src/core/units';
import { createEditor } from '../../../src/editor/editor';
import type { Editor } from '../../../src/editor/editor-api';
import { createAnnouncer } from '../../../src/embed/announce';
import { DEFAULT_STRINGS } from '../../../src/embed/strings';

/** 2026-01-08T00:00:00Z. */
const T0 = 1767830400;
const at = (hours: number) => (T0 + hours * 3600) as UtcSeconds;
const p = (hours: number, price: number) => ({ time: at(hours), price: price as Price });
/** 8 Jan 10:00 and 9 Jan 14:00. */
const JAN8_10 = 10;
const JAN9_14 = 38;

// 100 hourly bars on a 1000 × 500 pane showing 1.33–1.36.
const vp = createViewport({
  times: Array.from({ length: 100 }, (_, i) => at(i)),
  width: 1000,
  height: 500,
  logicalRange: { from: 0, to: 100 },
  priceRange: { min: 1.33, max: 1.36 },
});

function listen(editor: Editor): string[] {
  const said: string[] = [];
  const announce = createAnnouncer(editor.getState(), () => ({
    strings: DEFAULT_STRINGS,
    format: { price: (x) => formatPrice(x, 5), time: formatDayTime },
  }));
  editor.subscribe((state, change) => {
    const text = announce(state, change);
    if (text) said.push(text);
  });
  return said;
}

const onChart = (key: string, shiftKey = false) => ({
  key,
  shiftKey,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  targetIsEditable: false,
  onChart: true,
});

describe('announcements', () => {
  it('says a line was added with both points', () => {
    const editor = createEditor(undefined, { pricePrecision: 5 });
    const said = listen(editor);
    editor.create('LINE', [p(JAN8_10, 1.341), p(JAN9_14, 1.352)]);
    expect(said).toEqual(['Line added from 1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00']);
  });

  it('says where a horizontal line was and where it moved to', () => {
    const editor = createEditor(
      { drawings: [createDrawing('HORIZONTAL_LINE', 'hline_1', [p(JAN8_10, 1.3431)])] },
      { pricePrecision: 5 },
    );
    const said = listen(editor);
    editor.moveHandle('hline_1', 0, p(JAN8_10, 1.3441), vp);
    expect(said).toEqual(['Horizontal line at 1.34310 moved to 1.34410']);
  });

  it('reads a drag once, when the gesture ends, from where it began', () => {
    const editor = createEditor(
      { drawings: [createDrawing('HORIZONTAL_LINE', 'hline_1', [p(JAN8_10, 1.3431)])] },
      { pricePrecision: 5 },
    );
    const said = listen(editor);
    editor.beginGesture();
    editor.moveHandle('hline_1', 0, p(JAN8_10, 1.3436), vp);
    editor.moveHandle('hline_1', 0, p(JAN8_10, 1.3441), vp);
    expect(said).toEqual([]);
    editor.endGesture();
    expect(said).toEqual(['Horizontal line at 1.34310 moved to 1.34410']);
  });

  it('says a rectangle was deleted (not that the selection was cleared), and undo and redo say what they did', () => {
    const editor = createEditor(
      { drawings: [createDrawing('RECTANGLE', 'rect_1', [p(JAN8_10, 1.341), p(JAN9_14, 1.352)])] },
      { pricePrecision: 5 },
    );
    editor.select(['rect_1']);
    const said = listen(editor);
    editor.delete();
    editor.undo();
    editor.redo();
    expect(said).toEqual([
      'Rectangle deleted',
      'Undo: Rectangle added from 1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00',
      'Redo: Rectangle deleted',
    ]);
  });

  it('says what is selected by its name', () => {
    const editor = createEditor({
      drawings: [
        createDrawing('FIBONACCI_RETRACEMENT', 'fib_1', [p(JAN8_10, 1.352), p(JAN9_14, 1.341)]),
        createDrawing('PARALLEL', 'channel_2', [p(1, 1.34), p(2, 1.35), p(3, 1.345)]),
      ],
    });
    const said = listen(editor);
    editor.select(['fib_1']);
    editor.selectAll();
    editor.clearSelection();
    editor.select(['channel_2']);
    expect(said).toEqual([
      'Fibonacci 1 selected',
      '2 drawings selected',
      'Selection cleared',
      'Channel 2 selected',
    ]);
  });

  it('says a level was set, moved and removed', () => {
    const editor = createEditor(undefined, { pricePrecision: 5 });
    const said = listen(editor);
    editor.setLevel('support', { id: 'support', price: 1.341 as Price, time: at(JAN8_10) });
    editor.dragLevel('support', 1.3415);
    editor.setLevel('support', null);
    expect(said).toEqual(['Support at 1.34100', 'Support at 1.34100 moved to 1.34150', 'Support removed']);
  });

  it('says nothing of changes from the server', () => {
    const editor = createEditor();
    const said = listen(editor);
    editor.applyRemote((d) => {
      d.drawings = [createDrawing('HORIZONTAL_LINE', 'hline_9', [p(JAN8_10, 1.3431)])] as never;
    });
    expect(said).toEqual([]);
  });

  it('reads out the walk, the keyboard crosshair and each placed point', () => {
    const editor = createEditor(
      { drawings: [createDrawing('LINE', 'line_1', [p(JAN8_10, 1.341), p(JAN9_14, 1.352)])] },
      { pricePrecision: 5 },
    );
    const said = listen(editor);
    editor.key(onChart('ArrowRight'), vp);
    editor.key(onChart('Enter'), vp);
    expect(said).toEqual([
      'Line 1, Line from 1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00',
      'Line 1 selected',
    ]);
    said.length = 0;
    editor.key(onChart('Escape'), vp);
    editor.setTool('LINE');
    // No bars: the crosshair starts on the middle bar (50, 10 Jan 02:00) at mid-pane, 1.34500.
    editor.key(onChart('ArrowUp'), vp);
    editor.key(onChart('ArrowUp'), vp);
    editor.key(onChart('Enter'), vp);
    editor.key(onChart('ArrowRight', true), vp);
    editor.key(onChart('Enter'), vp);
    expect(said).toEqual([
      'Selection cleared',
      'Crosshair at 1.34500 on 10 Jan 02:00',
      'Crosshair at 1.34501 on 10 Jan 02:00',
      'Point 1 of 2 at 1.34501 on 10 Jan 02:00',
      'Crosshair at 1.34501 on 10 Jan 12:00',
      'Line added from 1.34501 on 10 Jan 02:00 to 1.34501 on 10 Jan 12:00',
    ]);
  });
});
