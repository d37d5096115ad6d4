// Boxes that hug what a drawing's hit() can reach, for the spatial index. One bounding box of a
// slanted line (or an extended one, clipped to the pane) is mostly empty, and every drawing whose box
// holds the pointer is hit-tested on every move; so a slanted segment or channel is split along its
// length into pieces whose boxes follow the line.
import { clipParametric } from './geometry-clip';
import type { Box, PxPoint } from './scene';

/** Pieces of a slanted segment are split until their box is at most this many px on its short side. */
export const HIT_PIECE_PX = 32;

/** Beyond this margin around the pane a piece is not split further: pointers live on the pane. */
const SPLIT_MARGIN_PX = 64;

// Each box is grown by this much so a point of the line that round-off puts a hair outside the
// box of its piece (lerp at the piece's ends vs the hit's own projection) is still inside it.
const PAD = 1e-6;

const NO_OFFSET: PxPoint = { x: 0, y: 0 };

/** Appends the box of the points p + s·offset (s in [0, 1]) for p from `from` to `to`. */
function pushSwept(out: Box[], fx: number, fy: number, tx: number, ty: number, offset: PxPoint): void {
  const minX = Math.min(fx, tx, fx + offset.x, tx + offset.x);
  const maxX = Math.max(fx, tx, fx + offset.x, tx + offset.x);
  const minY = Math.min(fy, ty, fy + offset.y, ty + offset.y);
  const maxY = Math.max(fy, ty, fy + offset.y, ty + offset.y);
  // A drawing the viewport cannot place (NaN) is never hit, so it needs no box. Each coordinate on
  // its own: a sum would read a box from −∞ to +∞ (a ray's far piece) as NaN too.
  if (Number.isNaN(minX) || Number.isNaN(maxX) || Number.isNaN(minY) || Number.isNaN(maxY)) return;
  out.push({ minX: minX - PAD, minY: minY - PAD, maxX: maxX + PAD, maxY: maxY + PAD });
}

/**
 * Appends boxes covering the points a + t·(b − a) + s·offset for t in [t0, t1] and s in [0, 1]: a
 * segment (offset 0) or a parallelogram swept along it (a channel). Within a margin around `pane`
 * the span is cut into pieces no more than HIT_PIECE_PX across on their short side; the parts
 * beyond it get one box each, so a segment reaching far off the pane costs at most two more boxes.
 */
export function sweptBoxes(
  a: PxPoint,
  b: PxPoint,
  t0: number,
  t1: number,
  pane: Box,
  out: Box[],
  offset: PxPoint = NO_OFFSET,
): void {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const at = (t: number, k: 0 | 1): number => (k === 0 ? a.x + dx * t : a.y + dy * t);
  const piece = (u: number, v: number): void =>
    pushSwept(out, at(u, 0), at(u, 1), at(v, 0), at(v, 1), offset);
  const mx = SPLIT_MARGIN_PX + Math.abs(offset.x);
  const my = SPLIT_MARGIN_PX + Math.abs(offset.y);
  const near = clipParametric(a, b, t0, t1, {
    minX: pane.minX - mx,
    minY: pane.minY - my,
    maxX: pane.maxX + mx,
    maxY: pane.maxY + my,
  });
  if (!near) {
    piece(t0, t1);
    return;
  }
  const [c0, c1] = near;
  if (c0 > t0) piece(t0, c0);
  const short = Math.min(Math.abs(dx), Math.abs(dy)) * (c1 - c0);
  // Not finite (a point the viewport puts at infinity): one piece rather than an endless loop.
  const n = Number.isFinite(short) ? Math.max(1, Math.ceil(short / HIT_PIECE_PX)) : 1;
  for (let i = 0; i < n; i++)
    piece(c0 + ((c1 - c0) * i) / n, i === n - 1 ? c1 : c0 + ((c1 - c0) * (i + 1)) / n);
  if (c1 < t1) piece(c1, t1);
}
