// New clientObjectIds for drawings the user creates, pastes or duplicates: readable (`line_3`),
// valid on the wire, and never reused within one editor so that an undo cannot collide with them.
import type { DrawingKind } from '../core/drawing';

/** Id prefix per kind. */
export const ID_PREFIX: { readonly [K in DrawingKind]: string } = {
  HORIZONTAL_LINE: 'hline',
  LINE: 'line',
  RECTANGLE: 'rect',
  PARALLEL: 'channel',
  FIBONACCI_RETRACEMENT: 'fib',
};

/** Hands out `<prefix>_<n>` ids, n counting up per prefix past every id already in use. */
export class IdAllocator {
  private readonly counters = new Map<string, number>();

  /** The next free id for `kind`, given the ids in use. */
  next(kind: DrawingKind, used: ReadonlySet<string>): string {
    const prefix = ID_PREFIX[kind];
    let n = this.counters.get(prefix) ?? 0;
    const pattern = new RegExp(`^${prefix}_(\\d+)$`);
    for (const id of used) {
      const m = pattern.exec(id);
      if (m) n = Math.max(n, Number(m[1]));
    }
    n++;
    this.counters.set(prefix, n);
    return `${prefix}_${n}`;
  }
}
