import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIT_PIECE_PX, sweptBoxes } from '../../../src/core/hit-boxes';
import { drawingHandles, drawingHitArea, hitDrawing } from '../../../src/core/kinds/registry';
import type { Box } from '../../../src/core/scene';
import { drawingMaker, pointerNear, vp } from './drawing-arbitrary';

const pane: Box = { minX: 0, minY: 0, maxX: 800, maxY: 400 };
// + 0 turns a rounded −0 into 0.
const round = (b: Box) => ({
  minX: Math.round(b.minX) + 0,
  minY: Math.round(b.minY) + 0,
  maxX: Math.round(b.maxX) + 0,
  maxY: Math.round(b.maxY) + 0,
});

describe('sweptBoxes', () => {
  it('cuts a slanted segment into pieces at most HIT_PIECE_PX on their short side', () => {
    const out: Box[] = [];
    // 320 × 96 px: the short side 96 / 32 = 3 pieces of 106.7 × 32 px.
    sweptBoxes({ x: 100, y: 100 }, { x: 420, y: 196 }, 0, 1, pane, out);
    expect(HIT_PIECE_PX).toBe(32);
    expect(out.map(round)).toEqual([
      { minX: 100, minY: 100, maxX: 207, maxY: 132 },
      { minX: 207, minY: 132, maxX: 313, maxY: 164 },
      { minX: 313, minY: 164, maxX: 420, maxY: 196 },
    ]);
  });
  it('keeps an axis-parallel segment in one box, exact but for a hair of padding', () => {
    const out: Box[] = [];
    sweptBoxes({ x: 0, y: 50 }, { x: 800, y: 50 }, 0, 1, pane, out);
    expect(out).toHaveLength(1);
    expect(out[0]!.minY).toBeCloseTo(50, 5);
    expect(out[0]!.maxY).toBeCloseTo(50, 5);
    expect(out[0]!.minY).toBeLessThan(50);
  });
  it('sweeps a channel: each piece holds both lines', () => {
    const out: Box[] = [];
    sweptBoxes({ x: 0, y: 0 }, { x: 64, y: 64 }, 0, 1, pane, out, { x: 0, y: 40 });
    expect(out.map(round)).toEqual([
      { minX: 0, minY: 0, maxX: 32, maxY: 72 },
      { minX: 32, minY: 32, maxX: 64, maxY: 104 },
    ]);
  });
  it('keeps the box of a line extended both ways that runs wholly past the pane (−∞ to +∞ is not NaN)', () => {
    const out: Box[] = [];
    // Slope 1, far below the pane: never within the margin, so one box for all of it.
    sweptBoxes({ x: 0, y: 5000 }, { x: 10, y: 5010 }, -Infinity, Infinity, pane, out);
    expect(out).toHaveLength(1);
    expect(out[0]!.minX).toBe(-Infinity);
    expect(out[0]!.maxX).toBe(Infinity);
    expect(out[0]!.minY).toBe(-Infinity);
    expect(out[0]!.maxY).toBe(Infinity);
  });
  it('gives the parts beyond 64 px around the pane one box each', () => {
    const out: Box[] = [];
    // Slope 1/4: enters the margin at x = −64 (y = 284) and leaves it at y = 464 (x = 656).
    sweptBoxes({ x: -1000, y: 50 }, { x: 1800, y: 750 }, 0, 1, pane, out);
    expect(round(out[0]!)).toEqual({ minX: -1000, minY: 50, maxX: -64, maxY: 284 });
    expect(round(out[out.length - 1]!)).toEqual({ minX: 656, minY: 464, maxX: 1800, maxY: 750 });
    // In between: 720 × 180 px, cut at 32 px on the short side → 6 pieces.
    expect(out).toHaveLength(1 + 6 + 1);
  });
  it('skips a drawing the viewport cannot place (NaN)', () => {
    const out: Box[] = [];
    sweptBoxes({ x: Number.NaN, y: 0 }, { x: 10, y: 10 }, 0, 1, pane, out);
    expect(out).toEqual([]);
  });
});

describe('hitArea of every kind', () => {
  it('property: every hit lies within the tolerance (per axis) of one of its boxes', () => {
    let hits = 0;
    fc.assert(
      fc.property(
        drawingMaker.chain((make) => {
          const d = make('d');
          return fc.tuple(fc.constant(d), pointerNear([d]), fc.integer({ min: 0, max: 12 }));
        }),
        ([d, p, tolerance]) => {
          const hit = hitDrawing(d, vp, p, tolerance);
          if (hit) hits++;
          const boxes = drawingHitArea(d, vp).boxes;
          const near = boxes.some(
            (b) =>
              p.x >= b.minX - tolerance &&
              p.x <= b.maxX + tolerance &&
              p.y >= b.minY - tolerance &&
              p.y <= b.maxY + tolerance,
          );
          expect(hit === null || near).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    // Not vacuous: the pointers near a drawing's points hit it often.
    expect(hits).toBeGreaterThan(500);
  });
  it('property: its handles are the drag handles, in order', () => {
    fc.assert(
      fc.property(drawingMaker, (make) => {
        const d = make('d');
        expect(drawingHitArea(d, vp).handles).toEqual(drawingHandles(d, vp).flatMap((h) => [h.x, h.y]));
      }),
    );
  });
});
