// The label placer against a plain restatement of its rule (every box checked against every taken
// box, no grid): on random crowded label sets both must place, move and drop the same labels.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { declutterScenes, estimateTextWidth } from '../../../src/core/declutter';
import type { Box, Scene, TextPlacement, TextPrimitive } from '../../../src/core/scene';

const area: Box = { minX: 0, minY: 0, maxX: 400, maxY: 300 };

/** Where `t` goes by the documented rule, or null; `taken` grows by the box it takes. */
function reference(t: TextPrimitive, taken: Box[]): TextPrimitive | null {
  const width = [...t.text].length * t.fontSize * 0.6;
  const bases: TextPlacement[] = t.alternative ? [t, t.alternative] : [t];
  for (const slide of [false, true])
    for (const k of [0, -1, 1, -2, 2, -3, 3, -4, 4])
      for (const base of bases) {
        const left =
          base.align === 'left' ? base.x : base.align === 'right' ? base.x - width : base.x - width / 2;
        const top =
          base.baseline === 'top'
            ? base.y
            : base.baseline === 'bottom'
              ? base.y - t.fontSize
              : base.y - t.fontSize / 2;
        let dx = 0;
        if (slide) {
          if (left - 3 < area.minX) dx = area.minX + 3 - left;
          else if (left + width + 3 > area.maxX) dx = area.maxX - 3 - (left + width);
          if (dx === 0) continue;
        }
        const dy = k * (t.fontSize + 5);
        const box = {
          minX: left + dx - 3,
          minY: top + dy - 2,
          maxX: left + width + dx + 3,
          maxY: top + t.fontSize + dy + 2,
        };
        const inside =
          box.minX >= area.minX && box.maxX <= area.maxX && box.minY >= area.minY && box.maxY <= area.maxY;
        const overlaps = (o: Box) =>
          box.minX < o.maxX && box.maxX > o.minX && box.minY < o.maxY && box.maxY > o.minY;
        if (!inside || taken.some(overlaps)) continue;
        taken.push(box);
        const { alternative: _, ...rest } = t;
        return dx === 0 && dy === 0 && base === t
          ? t
          : { ...rest, x: base.x + dx, y: base.y + dy, align: base.align, baseline: base.baseline };
      }
  return null;
}

const align = fc.constantFrom('left' as const, 'center' as const, 'right' as const);
const baseline = fc.constantFrom('top' as const, 'middle' as const, 'bottom' as const);
// Hundredths of a px spread evenly over the pane and a margin around it (fc.double would pile
// labels up on the bounds and 0), so labels crowd each other and the edges.
const coordinate = (max: number) =>
  fc.noBias(fc.integer({ min: -2000, max: (max + 20) * 100 })).map((v) => v / 100);
const placement = fc.record({ x: coordinate(400), y: coordinate(300), align, baseline });
const label: fc.Arbitrary<TextPrimitive> = fc
  .record({
    at: placement,
    alternative: fc.option(placement, { nil: undefined }),
    text: fc.string({
      unit: fc.constantFrom('a', '1', '.', ' ', '😀', '\uD800'),
      minLength: 1,
      maxLength: 14,
    }),
    fontSize: fc.constantFrom(10, 11, 12.5),
  })
  .map(({ at, alternative, text, fontSize }) => ({
    type: 'text' as const,
    ...at,
    text,
    color: '#000000',
    fontSize,
    ...(alternative ? { alternative } : {}),
  }));
const box = fc
  .record({
    x: coordinate(400),
    y: coordinate(300),
    w: fc.integer({ min: 1, max: 120 }),
    h: fc.integer({ min: 1, max: 40 }),
  })
  .map(({ x, y, w, h }) => ({ minX: x, minY: y, maxX: x + w, maxY: y + h }));

describe('labelPlacer (declutterScenes) against the rule it implements', () => {
  it('places, moves and drops the same labels as a check of every box against every taken box', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(label, { maxLength: 8 }), { minLength: 1, maxLength: 12 }),
        fc.array(box, { maxLength: 6 }),
        (groups, taken) => {
          const scenes: Scene[] = groups.map((primitives, i) => ({ id: `s${i}`, primitives, bbox: area }));
          const out = declutterScenes(scenes, { area, taken });
          const boxes = [...taken];
          let hidden = 0;
          const expected = groups.map((labels) =>
            labels.flatMap((t) => {
              if (t.x < area.minX || t.x > area.maxX || t.y < area.minY || t.y > area.maxY) return [];
              const placed = reference(t, boxes);
              if (!placed) hidden++;
              return placed ? [placed] : [];
            }),
          );
          expect(out.scenes.map((s) => s.primitives)).toEqual(expected);
          expect(out.placed).toEqual(boxes.slice(taken.length));
          expect(out.hidden).toBe(hidden);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('measures text by code points, as Array.from counts them (a surrogate pair is one, a lone surrogate one)', () => {
    expect(estimateTextWidth('abc', 10)).toBe(18);
    expect(estimateTextWidth('a😀b', 10)).toBe(18);
    expect(estimateTextWidth('\uD800x\uDC00', 10)).toBe(18);
    expect(estimateTextWidth('😀😀', 11)).toBe(2 * 11 * 0.6);
  });
});
