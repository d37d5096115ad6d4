// What the editor stores is what the instrument can quote: prices rounded to its precision (the
// series' price format) and times to whole seconds. Applied to the drawings and levels a local
// change touched, inside the same history step, so undo restores the unrounded-free state and
// sync sends rounded values; remote data and loads are kept as the server has them.
import type { Draft } from 'immer';
import { LEVEL_NAMES } from '../core/analysis';
import type { EditorState } from './types';

/** How stored values are rounded. */
export interface Quantize {
  /** Decimals of a price (0–15), e.g. 5 for 1.34512; absent: prices are kept as they are. */
  readonly pricePrecision?: number;
}

/** `price` rounded to `precision` decimals (half away from zero, as a quote is read). */
export function roundPrice(price: number, precision: number): number {
  if (!Number.isInteger(precision) || precision < 0 || precision > 15) {
    throw new RangeError(`pricePrecision: must be an integer in 0..15, got ${precision}`);
  }
  const f = 10 ** precision;
  const r = (Math.sign(price) * Math.round(Math.abs(price) * f + Number.EPSILON * f)) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** A recipe rounding the points of drawings `ids` and every level (when `levels`); only values that differ are written. */
export function quantizeRecipe(q: Quantize, ids: readonly string[], levels: boolean) {
  const price = (p: number) => (q.pricePrecision === undefined ? p : roundPrice(p, q.pricePrecision));
  return (draft: Draft<EditorState>): void => {
    for (const id of ids) {
      const d = draft.byId[id];
      if (!d) continue;
      d.points.forEach((p, i) => {
        const time = Math.round(p.time);
        const value = price(p.price);
        if (time !== p.time || value !== p.price)
          (d.points as { time: number; price: number }[])[i] = { time, price: value };
      });
    }
    if (!levels) return;
    for (const name of LEVEL_NAMES) {
      const l = draft.levels[name];
      if (!l) continue;
      const time = Math.round(l.time);
      const value = price(l.price);
      if (time !== l.time || value !== l.price) draft.levels[name] = { ...l, time, price: value } as never;
    }
  };
}
