import { describe, expect, it } from 'vitest';
import { paintScenes } from '../../../src/render/scene-painter';
import { FONT_FAMILY, fontOf, TextWidthCache } from '../../../src/render/text-painter';
import type { TextPrimitive } from '../../../src/core/scene';

describe('fontOf', () => {
  it('gives the CSS font of a size, also when asked again (cached)', () => {
    expect(fontOf(11)).toBe(`11px ${FONT_FAMILY}`);
    expect(fontOf(11)).toBe(`11px ${FONT_FAMILY}`);
    expect(fontOf(13)).toBe(`13px ${FONT_FAMILY}`);
  });
});

describe('paintScenes text state', () => {
  /** A context that records, for every fillText, the font and fill set at that moment. */
  function recorder() {
    const painted: { text: string; font: string; fill: string }[] = [];
    const state = { font: '', fillStyle: '', textAlign: '', textBaseline: '' };
    const noop = () => {};
    const ctx = {
      ...Object.fromEntries(
        [
          'save',
          'restore',
          'beginPath',
          'rect',
          'clip',
          'moveTo',
          'lineTo',
          'closePath',
          'fill',
          'stroke',
        ].map((k) => [k, noop]),
      ),
      setLineDash: noop,
      fillRect: noop,
      measureText: (t: string) => ({ width: t.length * 6 }),
      fillText: (text: string) => painted.push({ text, font: state.font, fill: state.fillStyle }),
    };
    for (const key of Object.keys(state) as (keyof typeof state)[])
      Object.defineProperty(ctx, key, { get: () => state[key], set: (v: string) => (state[key] = v) });
    return { ctx: ctx as unknown as CanvasRenderingContext2D, painted };
  }
  const text = (t: string, x: number, y: number, fontSize: number, color: string): TextPrimitive => ({
    type: 'text',
    x,
    y,
    text: t,
    color,
    fontSize,
    align: 'left',
    baseline: 'top',
  });

  it('paints every label in its own font and colour, also after a moved label measured another font', () => {
    const { ctx, painted } = recorder();
    const scene = {
      id: 's',
      bbox: { minX: 0, minY: 0, maxX: 400, maxY: 400 },
      primitives: [
        text('first', 10, 10, 11, '#111111'),
        // Overlaps "first": measured in 14 px, then moved down by the declutter and painted in 14 px.
        text('moved', 2, 12, 14, '#222222'),
        // Same text as the first: its width is cached, so nothing measures (and sets the font) again.
        text('first', 10, 100, 11, '#333333'),
        text('fourth', 10, 200, 13, '#333333'),
      ],
    };
    paintScenes(ctx, [scene], { minX: 0, minY: 0, maxX: 400, maxY: 400 }, 1, new TextWidthCache(), true);
    expect(painted).toEqual([
      { text: 'first', font: fontOf(11), fill: '#111111' },
      { text: 'moved', font: fontOf(14), fill: '#222222' },
      { text: 'first', font: fontOf(11), fill: '#333333' },
      { text: 'fourth', font: fontOf(13), fill: '#333333' },
    ]);
  });
});
