import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paintScenes } from '../../../src/render/scene-painter';
import { FONT_FAMILY, fontOf, LabelSpace, TextWidthCache, textBox } from '../../../src/render/text-painter';
import type { TextPrimitive } from '../../../src/core/scene';

const label = (x: number, y: number, align: TextPrimitive['align'], baseline: TextPrimitive['baseline']) =>
  ({ type: 'text', x, y, text: 'x', color: '#000', fontSize: 11, align, baseline }) as const;

describe('LabelSpace.taken', () => {
  it('is true exactly inside the 8 × 4 px cells a claimed box covers', () => {
    const space = new LabelSpace();
    expect(space.claim({ minX: 10, minY: 10, maxX: 20, maxY: 13 })).toBe(true);
    // Cells x 1..2 (8..23 px), y 2..3 (8..15 px).
    expect(space.taken(8, 8)).toBe(true);
    expect(space.taken(23.9, 15.9)).toBe(true);
    expect(space.taken(24, 12)).toBe(false);
    expect(space.taken(12, 16)).toBe(false);
    expect(space.taken(7.9, 12)).toBe(false);
  });

  it('a taken anchor means the label claim fails: skipping the measuring changes nothing', () => {
    const aligns = fc.constantFrom('left' as const, 'center' as const, 'right' as const);
    const baselines = fc.constantFrom('top' as const, 'middle' as const, 'bottom' as const);
    const coord = fc.integer({ min: 0, max: 4000 }).map((v) => v / 8);
    const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
    fc.assert(
      fc.property(
        coord,
        coord,
        fraction,
        fraction,
        aligns,
        baselines,
        fc.integer({ min: 1, max: 120 }),
        (ax, ay, fx, fy, al, bl, w) => {
          const space = new LabelSpace();
          const claimed = textBox(label(ax, ay, 'left', 'top'), 30);
          space.claim(claimed);
          // The anchor lies inside the claimed box, so it is taken in every case.
          const bx = claimed.minX + fx * (claimed.maxX - claimed.minX);
          const by = claimed.minY + fy * (claimed.maxY - claimed.minY);
          expect(space.taken(bx, by)).toBe(true);
          expect(space.claim(textBox(label(bx, by, al, bl), w))).toBe(false);
        },
      ),
    );
  });
});

describe('LabelSpace bounds', () => {
  it('only counts the area it covers: parts outside neither take nor block', () => {
    const space = new LabelSpace(80, 40);
    // Half outside on the left: takes cells x 0..1 only.
    expect(space.claim({ minX: -20, minY: 0, maxX: 10, maxY: 3 })).toBe(true);
    expect(space.taken(-4, 1)).toBe(false);
    expect(space.taken(15, 1)).toBe(true);
    expect(space.taken(16, 1)).toBe(false);
    // Wholly outside (right of x = 80, below y = 40): always claimable, takes nothing.
    expect(space.claim({ minX: 90, minY: 0, maxX: 120, maxY: 3 })).toBe(true);
    expect(space.claim({ minX: 90, minY: 0, maxX: 120, maxY: 3 })).toBe(true);
    expect(space.claim({ minX: 0, minY: 50, maxX: 10, maxY: 53 })).toBe(true);
    // Overlapping the first claim inside the area fails.
    expect(space.claim({ minX: 8, minY: 2, maxX: 30, maxY: 5 })).toBe(false);
  });
});

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

  it('paints every label in its own font and colour, also after a skipped label measured another font', () => {
    const { ctx, painted } = recorder();
    const scene = {
      id: 's',
      bbox: { minX: 0, minY: 0, maxX: 400, maxY: 400 },
      primitives: [
        text('first', 10, 10, 11, '#111111'),
        // Overlaps "first" but not its anchor: measured in 14 px, then dropped by the declutter.
        text('dropped', 2, 12, 14, '#222222'),
        // Same text as the first: its width is cached, so nothing measures (and sets the font) again.
        text('first', 10, 100, 11, '#333333'),
        text('fourth', 10, 200, 13, '#333333'),
      ],
    };
    paintScenes(ctx, [scene], { minX: 0, minY: 0, maxX: 400, maxY: 400 }, 1, new TextWidthCache(), true);
    expect(painted).toEqual([
      { text: 'first', font: fontOf(11), fill: '#111111' },
      { text: 'first', font: fontOf(11), fill: '#333333' },
      { text: 'fourth', font: fontOf(13), fill: '#333333' },
    ]);
  });
});
