// The user's preferences (issue 17 item 8): magnet and drawing defaults kept per user in
// localStorage, applied to a new editor, saved on change; hostile stored data is dropped field by
// field against the wire schema (spec §3.8, §3.9), never passed to the editor.
import { describe, expect, it } from 'vitest';
import { createEditor } from '../../../src/editor/index';
import { Scope } from '../../../src/embed/dom';
import {
  bindPreferences,
  localPreferences,
  PREFERENCES_STORAGE_PREFIX,
  parsePreferences,
} from '../../../src/embed/preferences';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('preferences', () => {
  it('a magnet mode and defaults set in one editor are what the next editor of the same user starts with', () => {
    const storage = memoryStorage();
    const first = createEditor();
    const scope = new Scope();
    bindPreferences(first, localPreferences('ann@example.com', storage), scope);
    first.setMagnet('strong');
    first.setDrawingDefaults('LINE', {
      style: { color: '#FF9800', lineWidth: 3 },
      options: { endHead: 'ARROW' },
    });
    scope.close();
    expect(JSON.parse(storage.items.get(`${PREFERENCES_STORAGE_PREFIX}ann@example.com`)!)).toEqual({
      magnet: 'strong',
      drawingDefaults: { LINE: { style: { color: '#FF9800', lineWidth: 3 }, options: { endHead: 'ARROW' } } },
    });

    const second = createEditor();
    bindPreferences(second, localPreferences('ann@example.com', storage), new Scope());
    expect(second.getState().magnet).toBe('strong');
    const id = second.create('LINE', [
      { time: 100 as never, price: 1 as never },
      { time: 200 as never, price: 2 as never },
    ]);
    expect(second.exportDrawings().find((d) => d.clientObjectId === id)).toMatchObject({
      style: { color: '#FF9800', lineWidth: 3 },
      endHead: 'ARROW',
    });
    // Another user on the same browser has their own.
    const other = createEditor();
    bindPreferences(other, localPreferences('bob@example.com', storage), new Scope());
    expect(other.getState().magnet).toBe('off');
    expect(other.getState().drawingDefaults).toEqual({});
  });

  it('drops what the wire schema refuses, kind by kind, and keeps the rest', () => {
    expect(
      parsePreferences({
        magnet: 'sticky',
        drawingDefaults: {
          LINE: { style: { color: 'red' } },
          RECTANGLE: { style: { lineWidth: 11 } },
          PARALLEL: { style: { fillColor: '#00FF0033' }, options: { showMidline: false } },
          FIBONACCI_RETRACEMENT: { options: { levels: [0, 0.5, 0.5] } },
          HORIZONTAL_LINE: { style: { lineStyle: 'DOTTED' }, options: { endHead: 'ARROW' } },
          NOT_A_KIND: { style: {} },
        },
      }),
    ).toEqual({
      drawingDefaults: { PARALLEL: { style: { fillColor: '#00FF0033' }, options: { showMidline: false } } },
    });
    expect(parsePreferences('nonsense')).toEqual({});
    expect(parsePreferences({ magnet: 'weak' })).toEqual({ magnet: 'weak', drawingDefaults: {} });
  });

  it('unreadable or refusing storage leaves the editor at its defaults and throws nothing', () => {
    const broken = {
      getItem: () => '{not json',
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const editor = createEditor();
    bindPreferences(editor, localPreferences('', broken), new Scope());
    expect(editor.getState().magnet).toBe('off');
    expect(() => editor.setMagnet('weak')).not.toThrow();
    expect(localPreferences('', null).load()).toEqual({});
  });
});
