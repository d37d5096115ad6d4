// Keeps pane labels readable: every text label of a set of scenes gets a place where it overlaps
// no other label, no handle and no box already taken, wholly inside the pane (so never on an
// axis). Core decides, painters only paint: the editor overlay, the read-only view and the SVG
// renderer call this with their own text measure and get the same kind of answer.
import type { Box, Primitive, Scene, TextPlacement, TextPrimitive } from './scene';

/** Width in px of `text` at `fontSize` px; canvas painters pass measureText, SVG the estimate. */
export type MeasureText = (text: string, fontSize: number) => number;

/** Rough glyph advance as a share of the font size, the SVG painter's own estimate. */
export const GLYPH_WIDTH = 0.6;

/** Deterministic width estimate for places without a DOM: 0.6 × font size per character. */
export const estimateTextWidth: MeasureText = (text, fontSize) => {
  // Code points, as Array.from counts them, without building the array: every label placed is
  // measured (1,600 in a 1,000-drawing SVG).
  let n = 0;
  for (const _ of text) n++;
  return n * fontSize * GLYPH_WIDTH;
};

/** Room kept around a label on each side: painters draw a label background 3 px wider and 2 px taller. */
export const LABEL_PAD = { x: 3, y: 2 } as const;

/** Options of declutterScenes. */
export interface DeclutterOptions {
  /** The pane: a placed label lies wholly inside it. */
  readonly area: Box;
  /** Text measure (default estimateTextWidth). */
  readonly measure?: MeasureText;
  /** Boxes already taken (labels placed by another pass). */
  readonly taken?: readonly Box[];
}

/** What declutterScenes decided. */
export interface DeclutterResult {
  /** The scenes in input order; a scene whose labels all stay put is the same object. */
  readonly scenes: Scene[];
  /** The padded box of every label placed, for a later pass to avoid. */
  readonly placed: Box[];
  /** Labels dropped because no place fitted (anchors off the pane are not counted). */
  readonly hidden: number;
}

/** The box a text covers at `placement` when it is `width` px wide (no padding). */
export function labelBox(placement: TextPlacement, fontSize: number, width: number): Box {
  const { x, y, align, baseline } = placement;
  const minX = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
  const minY = baseline === 'top' ? y : baseline === 'bottom' ? y - fontSize : y - fontSize / 2;
  return { minX, minY, maxX: minX + width, maxY: minY + fontSize };
}

/** Vertical nudges tried, in label heights: near first, up before down. */
const NUDGES = [0, -1, 1, -2, 2, -3, 3, -4, 4];
/** Size in px of the grid cells taken boxes are bucketed in, so a check looks at neighbours only. */
const CELL = { x: 64, y: 16 } as const;
/** Most cells along one side of the grid; a larger area gets larger cells. */
const MAX_CELLS = 256;

/** Cell index of `v` along one side: clamped into the grid, so every box lands in some cell. */
function cellOf(v: number, lo: number, size: number, n: number): number {
  return n > 1 ? Math.min(n - 1, Math.max(0, Math.floor((v - lo) / size))) : 0;
}

/** Places labels scene by scene; what declutterScenes does, for callers that build scenes one at a time. */
export interface LabelPlacer {
  /** Marks `box` as taken. */
  take(box: Box): void;
  /** The scene with its labels placed (the same object when none moves or goes). */
  scene(scene: Scene): Scene;
  /**
   * One label placed, as `scene` places each: the same object when it stays, a moved copy, or null
   * when dropped or off the pane. Keeps no reference to `text` (the SVG writer reuses one object).
   */
  label(text: TextPrimitive): TextPrimitive | null;
  /** The padded box of every label placed so far. */
  readonly placed: Box[];
  /** Labels dropped so far because no place fitted. */
  hidden(): number;
}

/**
 * A placer over `options.area`: each scene handed to it places its text labels, in order
 * (earlier scenes win a contested spot): its own place if free, else its alternative (the other
 * side of its line), then both nudged up or down, nearest first, by up to four label steps; then
 * the same slid sideways into the pane. A label with no free place is dropped — the only way a
 * label disappears. Labels anchored off the pane are left out (unseen).
 */
export function labelPlacer(options: DeclutterOptions): LabelPlacer {
  const { area, measure = estimateTextWidth } = options;
  // A grid over the area. Every candidate lies inside the area, so a taken box that reaches out of
  // it is kept in the edge cells it is clamped to: any overlap with a candidate still shares a cell.
  // A non-finite area is one cell.
  const w = area.maxX - area.minX;
  const h = area.maxY - area.minY;
  const finite = Number.isFinite(w + h);
  const cols = finite ? Math.max(1, Math.min(MAX_CELLS, Math.ceil(w / CELL.x))) : 1;
  const rows = finite ? Math.max(1, Math.min(MAX_CELLS, Math.ceil(h / CELL.y))) : 1;
  const cw = Math.max(CELL.x, w / MAX_CELLS);
  const ch = Math.max(CELL.y, h / MAX_CELLS);
  const cells: Box[][] = [];
  const col = (x: number): number => cellOf(x, area.minX, cw, cols);
  const row = (y: number): number => cellOf(y, area.minY, ch, rows);
  const take = (b: Box): void => {
    const c0 = col(b.minX);
    const c1 = col(b.maxX);
    const r1 = row(b.maxY);
    for (let r = row(b.minY); r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const list = cells[r * cols + c];
        if (list) list.push(b);
        else cells[r * cols + c] = [b];
      }
  };
  for (const b of options.taken ?? []) take(b);
  const placed: Box[] = [];
  let hidden = 0;
  const place = (t: TextPrimitive): TextPrimitive | null => {
    if (t.x < area.minX || t.x > area.maxX || t.y < area.minY || t.y > area.maxY) return null;
    const alt = t.alternative;
    const width = measure(t.text, t.fontSize);
    const step = t.fontSize + 2 * LABEL_PAD.y + 1;
    // The label's own place, then its alternative: both boxes worked out once per label, and the
    // grid checked inline — no box per try, no doubles passed to a closure (boxed when V8 does not
    // inline it), no reads of the label's own fields per try (megamorphic: labels of every kind).
    // Most labels of a crowded pane try all 36 places, each failing at the first box it meets.
    const b0 = labelBox(t, t.fontSize, width);
    const b1 = alt ? labelBox(alt, t.fontSize, width) : b0;
    for (let slide = 0; slide < 2; slide++)
      for (const k of NUDGES)
        tries: for (let i = 0; i < (alt ? 2 : 1); i++) {
          const b = i ? b1 : b0;
          let dx = 0;
          if (slide) {
            dx =
              Math.max(0, area.minX + LABEL_PAD.x - b.minX) || Math.min(0, area.maxX - LABEL_PAD.x - b.maxX);
            // Not slid: the very box the first pass tried, which failed (nothing was taken since).
            if (dx === 0) continue;
          }
          const dy = k * step;
          const x0 = b.minX + dx - LABEL_PAD.x;
          const y0 = b.minY + dy - LABEL_PAD.y;
          const x1 = b.maxX + dx + LABEL_PAD.x;
          const y1 = b.maxY + dy + LABEL_PAD.y;
          if (x0 < area.minX || x1 > area.maxX || y0 < area.minY || y1 > area.maxY) continue;
          // Taken when a box in a cell it covers overlaps it (a NaN bound checks no cell: free).
          const c0 = col(x0);
          const c1 = col(x1);
          const r1 = row(y1);
          for (let r = row(y0); r <= r1; r++)
            for (let c = c0; c <= c1; c++) {
              const list = cells[r * cols + c];
              if (list)
                for (const o of list)
                  if (x0 < o.maxX && x1 > o.minX && y0 < o.maxY && y1 > o.minY) continue tries;
            }
          const box = { minX: x0, minY: y0, maxX: x1, maxY: y1 };
          take(box);
          placed.push(box);
          const base = i ? alt! : t;
          if (base === t && dx === 0 && dy === 0) return t;
          const { alternative: _, ...rest } = t;
          return { ...rest, x: base.x + dx, y: base.y + dy, align: base.align, baseline: base.baseline };
        }
    hidden++;
    return null;
  };
  return {
    take,
    placed,
    hidden: () => hidden,
    label: place,
    scene(scene) {
      // Copied only from the first label that moves or goes: most scenes stay as they are.
      let primitives: Primitive[] | null = null;
      scene.primitives.forEach((p, i) => {
        const q = p.type === 'text' ? place(p) : p;
        if (q !== p && !primitives) primitives = scene.primitives.slice(0, i);
        if (q && primitives) primitives.push(q);
      });
      // Unchanged scenes stay the same objects, so caches keyed on them keep working.
      return primitives ? { ...scene, primitives } : scene;
    },
  };
}

/**
 * Places every text label of `scenes` in order with one labelPlacer. Handles count as taken: no
 * label sits under one, whichever scene it belongs to.
 */
export function declutterScenes(scenes: readonly Scene[], options: DeclutterOptions): DeclutterResult {
  const placer = labelPlacer(options);
  for (const s of scenes)
    for (const p of s.primitives)
      if (p.type === 'handle') {
        const r = p.radius + 1;
        placer.take({ minX: p.x - r, minY: p.y - r, maxX: p.x + r, maxY: p.y + r });
      }
  return { scenes: scenes.map(placer.scene), placed: placer.placed, hidden: placer.hidden() };
}
