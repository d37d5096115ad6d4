import { describe, expect, it } from 'vitest';
import { declutterScenes } from '../../../src/core/declutter';
import type { Box, Scene, TextPrimitive } from '../../../src/core/scene';

const area: Box = { minX: 0, minY: 0, maxX: 400, maxY: 300 };
// Every character 10 px wide, so boxes are easy to write down by hand.
const measure = (text: string) => text.length * 10;
const text = (x: number, y: number, extra: Partial<TextPrimitive> = {}): TextPrimitive => ({
  type: 'text',
  x,
  y,
  text: 'abcd',
  color: '#000000',
  fontSize: 10,
  align: 'left',
  baseline: 'middle',
  ...extra,
});
const scene = (id: string, ...primitives: Scene['primitives']): Scene => ({
  id,
  primitives,
  bbox: { minX: 0, minY: 0, maxX: 400, maxY: 300 },
});
const texts = (scenes: readonly Scene[]) =>
  scenes.flatMap((s) => s.primitives.filter((p): p is TextPrimitive => p.type === 'text'));

describe('declutterScenes', () => {
  it('leaves labels that do not collide where they are, and their scenes the same objects', () => {
    const a = scene('a', text(10, 50));
    const b = scene('b', text(10, 100));
    const out = declutterScenes([a, b], { area, measure });
    expect(out.scenes[0]).toBe(a);
    expect(out.scenes[1]).toBe(b);
    // Padded boxes: 3 px each side across, 2 px each side down.
    expect(out.placed).toEqual([
      { minX: 7, minY: 43, maxX: 53, maxY: 57 },
      { minX: 7, minY: 93, maxX: 53, maxY: 107 },
    ]);
    expect(out.hidden).toBe(0);
  });

  it('moves a label that collides to its alternative (the other side of its line) first', () => {
    const alt = { x: 200, y: 50, align: 'right' as const, baseline: 'middle' as const };
    const out = declutterScenes([scene('a', text(10, 50)), scene('b', text(20, 52, { alternative: alt }))], {
      area,
      measure,
    });
    expect(texts(out.scenes)[1]).toEqual(text(200, 50, { align: 'right' }));
  });

  it('nudges a label without an alternative up by one label step (font + 5 px), then down', () => {
    const out = declutterScenes([scene('a', text(10, 50)), scene('b', text(20, 50))], { area, measure });
    expect(texts(out.scenes)[1]).toMatchObject({ x: 20, y: 35 });
    const blocked = declutterScenes(
      [scene('a', text(10, 50)), scene('c', text(10, 35)), scene('b', text(20, 50))],
      { area, measure },
    );
    expect(texts(blocked.scenes)[2]).toMatchObject({ x: 20, y: 65 });
  });

  it('keeps labels wholly inside the pane: one cut by the right edge slides in', () => {
    const out = declutterScenes([scene('a', text(380, 100))], { area, measure });
    // 40 px of text + 3 px padding must end at 400.
    expect(texts(out.scenes)[0]).toMatchObject({ x: 357, y: 100 });
  });

  it('treats handles as taken, so a label never sits under one', () => {
    const handle = { type: 'handle' as const, x: 30, y: 50, index: 0, radius: 5 };
    const out = declutterScenes([scene('a', text(10, 50), handle)], { area, measure });
    expect(texts(out.scenes)[0]).toMatchObject({ x: 10, y: 35 });
  });

  it('avoids boxes taken by another pass', () => {
    const out = declutterScenes([scene('a', text(10, 50))], {
      area,
      measure,
      taken: [{ minX: 0, minY: 45, maxX: 100, maxY: 60 }],
    });
    expect(texts(out.scenes)[0]).toMatchObject({ y: 35 });
  });

  it('drops a label only when no place fits, and counts it; labels anchored off the pane are left out uncounted', () => {
    const full = { minX: 0, minY: 0, maxX: 400, maxY: 300 };
    const out = declutterScenes([scene('a', text(10, 50), text(-50, 20))], { area, measure, taken: [full] });
    expect(texts(out.scenes)).toEqual([]);
    expect(out.hidden).toBe(1);
  });
});
