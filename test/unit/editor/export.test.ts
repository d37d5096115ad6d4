// exportDrawings/exportLevels: the spec's wire JSON, exactly, for the documented example.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Level, LevelName, Levels } from '../../../src/core/analysis';
import type { Drawing, DrawingKind, DrawingStyle, LineHead } from '../../../src/core/drawing';
import { createDrawing } from '../../../src/core/kinds/registry';
import type { Price, UtcSeconds } from '../../../src/core/units';
import { createEditor } from '../../../src/editor/editor';
import { isoTime } from '../../../src/editor/export';
import { pt } from './fixtures';

interface WireIn {
  type: DrawingKind;
  clientObjectId: string;
  points: { time: string; price: number }[];
  style?: DrawingStyle;
  startHead?: LineHead;
  endHead?: LineHead;
}

const example = JSON.parse(
  readFileSync(new URL('../../fixtures/spec-examples/create-analysis.request.json', import.meta.url), 'utf8'),
) as {
  drawings: WireIn[];
  levels: Record<LevelName, { price: number; clientObjectId: string; time: string }>;
};

const seconds = (iso: string) => (Date.parse(iso) / 1000) as UtcSeconds;

// A minimal wire → domain reader for the test only (the real codecs live in src/schema).
function toDomain(w: WireIn): Drawing {
  const points = w.points.map((p) => ({ time: seconds(p.time), price: p.price as Price }));
  const d = createDrawing(w.type, w.clientObjectId, points, w.style);
  return d.kind === 'LINE' ? { ...d, startHead: w.startHead ?? 'NONE', endHead: w.endHead ?? 'NONE' } : d;
}

describe('exportDrawings', () => {
  it('writes the documented example drawings back exactly, LINE extensions made explicit', () => {
    const editor = createEditor({ drawings: example.drawings.map(toDomain) });
    const expected = example.drawings.map((w) => {
      if (w.type !== 'LINE') return w;
      const { style, ...rest } = w;
      return { ...rest, extendLeft: false, extendRight: false, style };
    });
    expect(JSON.stringify(editor.exportDrawings())).toBe(JSON.stringify(expected));
    expect(editor.exportDrawings()[1]).toEqual({
      type: 'LINE',
      clientObjectId: 'entry_line',
      points: [
        { time: '2026-01-08T00:00:00Z', price: 1.3485 },
        { time: '2026-01-09T00:00:00Z', price: 1.3505 },
      ],
      startHead: 'NONE',
      endHead: 'ARROW',
      extendLeft: false,
      extendRight: false,
      style: { color: '#0000FF', lineWidth: 2, lineStyle: 'DASHED' },
    });
  });

  it('writes every kind with its extras, without server ids, empty style left out', () => {
    const editor = createEditor({
      drawings: [
        {
          ...createDrawing('PARALLEL', 'ch_1', [pt(0, 150), pt(1, 151), pt(0, 155)]),
          persistedId: '6502c9e514a3e564c5c09c0a',
        },
        createDrawing('FIBONACCI_RETRACEMENT', 'fib_1', [pt(2, 140), pt(3.25, 160)], { color: '#787b86' }),
      ],
    });
    expect(editor.exportDrawings()).toEqual([
      {
        type: 'PARALLEL',
        clientObjectId: 'ch_1',
        points: [
          { time: '2026-01-08T00:00:00Z', price: 150 },
          { time: '2026-01-08T01:00:00Z', price: 151 },
          { time: '2026-01-08T00:00:00Z', price: 155 },
        ],
        extendLeft: false,
        extendRight: false,
        showMidline: true,
      },
      {
        type: 'FIBONACCI_RETRACEMENT',
        clientObjectId: 'fib_1',
        points: [
          { time: '2026-01-08T02:00:00Z', price: 140 },
          { time: '2026-01-08T03:15:00Z', price: 160 },
        ],
        levels: [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1],
        extendRight: false,
        style: { color: '#787b86' },
      },
    ]);
  });
});

describe('exportLevels', () => {
  it('writes the documented example levels back', () => {
    const levels: { [N in LevelName]?: Level } = {};
    for (const [name, l] of Object.entries(example.levels) as [
      LevelName,
      (typeof example.levels)[LevelName],
    ][]) {
      levels[name] = { id: l.clientObjectId, price: l.price as Price, time: seconds(l.time) };
    }
    const editor = createEditor({ drawings: [], levels: levels as Levels });
    expect(editor.exportLevels()).toEqual(example.levels);
    expect(Object.keys(editor.exportLevels())).toEqual(['support', 'pivot', 'resistance']);
  });
});

describe('isoTime', () => {
  it('writes whole seconds without a fraction, otherwise milliseconds, always with Z', () => {
    expect(isoTime(1767873600)).toBe('2026-01-08T12:00:00Z');
    expect(isoTime(1767873600.25)).toBe('2026-01-08T12:00:00.250Z');
    expect(isoTime(1767873600.0004)).toBe('2026-01-08T12:00:00Z');
    expect(isoTime(0)).toBe('1970-01-01T00:00:00Z');
  });
});
