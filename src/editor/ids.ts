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

const PREFIXES = Object.values(ID_PREFIX);

/** The prefix and number of an id this allocator could hand out (`line_3` → ['line', 3]), else null. */
export function parseAllocatedId(id: string): readonly [string, number] | null {
  const m = /^([a-z]+)_(\d{1,15})$/.exec(id);
  return m && PREFIXES.includes(m[1]!) ? [m[1]!, Number(m[2])] : null;
}

/**
 * Hands out `<prefix>_<n>` ids, n counting up per prefix past every id already in use and every
 * id ever handed out or reserved, so a deleted drawing's id is never given to another one (a
 * `[[line_1:…]]` reference would silently point at it).
 */
export class IdAllocator {
  private readonly counters = new Map<string, number>();

  /** Ids that must never be handed out, nor any lower number of their prefix. */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) {
      const parsed = parseAllocatedId(id);
      if (parsed) this.counters.set(parsed[0], Math.max(this.counters.get(parsed[0]) ?? 0, parsed[1]));
    }
  }

  /** The highest id per prefix handed out or reserved so far (`['line_4', 'hline_2']`). */
  highWater(): string[] {
    return [...this.counters].map(([prefix, n]) => `${prefix}_${n}`);
  }

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
