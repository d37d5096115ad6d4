// Commands that change what a drawing looks like or how it behaves, not where it is.
import { castDraft, type Draft } from 'immer';
import type { Drawing, DrawingStyle, FibLabelSide } from '../core/drawing';
import type { Store } from './store';
import type { DrawingKind } from '../core/drawing';
import type { DrawingDefaults, DrawingFlags, StylePatch, ToggleOption } from './types';

/** Allowed number of Fibonacci ratios and their range (spec §3.9). */
export const FIB_LEVEL_LIMITS = { minCount: 1, maxCount: 24, min: -5, max: 5 } as const;

function targets(store: Store, which?: readonly string[]): string[] {
  const state = store.get();
  return (which ?? state.selection).filter((id) => id in state.byId);
}

/** Merges a style patch into the given drawings (default: the selection); undefined removes a key. */
export function restyleCommand(store: Store, patch: StylePatch, which?: readonly string[]): void {
  const ids = targets(store, which);
  if (ids.length === 0) return;
  store.update((d) => {
    for (const id of ids) {
      const style: { -readonly [K in keyof DrawingStyle]?: DrawingStyle[K] } = { ...d.byId[id]!.style };
      for (const [key, value] of Object.entries(patch) as [keyof DrawingStyle, never][]) {
        if (value === undefined) delete style[key];
        else style[key] = value;
      }
      d.byId[id]!.style = style;
    }
  });
}

function setOptionOn(drawing: Draft<Drawing>, option: ToggleOption, value: boolean | 'toggle'): void {
  if (option === 'startHead' || option === 'endHead') {
    if (drawing.kind !== 'LINE') return;
    const on = value === 'toggle' ? drawing[option] !== 'ARROW' : value;
    drawing[option] = on ? 'ARROW' : 'NONE';
    return;
  }
  if (option === 'showMidline') {
    if (drawing.kind !== 'PARALLEL') return;
    drawing.showMidline = value === 'toggle' ? !drawing.showMidline : value;
    return;
  }
  if (option === 'showBands') {
    if (drawing.kind !== 'FIBONACCI_RETRACEMENT') return;
    // Absent means shown, so a toggle of a fresh drawing hides the bands.
    drawing.showBands = value === 'toggle' ? drawing.showBands === false : value;
    return;
  }
  if (option === 'extendLeft' && (drawing.kind === 'LINE' || drawing.kind === 'PARALLEL')) {
    drawing.extendLeft = value === 'toggle' ? !drawing.extendLeft : value;
  }
  if (option === 'extendRight' && drawing.kind !== 'HORIZONTAL_LINE' && drawing.kind !== 'RECTANGLE') {
    drawing.extendRight = value === 'toggle' ? !drawing.extendRight : value;
  }
}

/**
 * Sets (or flips, with 'toggle') an option on the given drawings (default: the selection);
 * drawings whose kind lacks the option are left alone. Heads: true = ARROW.
 */
export function setOptionCommand(
  store: Store,
  option: ToggleOption,
  value: boolean | 'toggle',
  which?: readonly string[],
): void {
  const ids = targets(store, which);
  if (ids.length === 0) return;
  store.update((d) => {
    for (const id of ids) setOptionOn(d.byId[id]!, option, value);
  });
}

/** Puts the level labels of the given Fibonacci retracements (default: the selection) on `side`; other kinds are left alone. */
export function setFibLabelSideCommand(store: Store, side: FibLabelSide, which?: readonly string[]): void {
  if (side !== 'left' && side !== 'right')
    throw new RangeError(`setFibLabelSide: side must be "left" or "right", got ${JSON.stringify(side)}`);
  const ids = targets(store, which).filter((id) => store.get().byId[id]!.kind === 'FIBONACCI_RETRACEMENT');
  if (ids.length === 0) return;
  store.update((d) => {
    for (const id of ids) {
      const fib = d.byId[id]!;
      if (fib.kind === 'FIBONACCI_RETRACEMENT') fib.labelSide = side;
    }
  });
}

/** Throws unless `levels` are 1–24 distinct finite ratios in [-5, 5]. */
export function validateFibLevels(levels: readonly number[]): void {
  const { minCount, maxCount, min, max } = FIB_LEVEL_LIMITS;
  if (levels.length < minCount || levels.length > maxCount) {
    throw new RangeError(
      `levels: FIBONACCI_RETRACEMENT needs ${minCount}–${maxCount} ratios, got ${levels.length}`,
    );
  }
  const seen = new Map<number, number>();
  levels.forEach((r, i) => {
    if (typeof r !== 'number' || !Number.isFinite(r)) {
      throw new RangeError(`levels[${i}]: ratio must be a finite number, got ${r}`);
    }
    if (r < min || r > max)
      throw new RangeError(`levels[${i}]: ratio must be within [${min}, ${max}], got ${r}`);
    const first = seen.get(r);
    if (first !== undefined) throw new RangeError(`levels[${i}]: ratio ${r} repeats levels[${first}]`);
    seen.set(r, i);
  });
}

/** Replaces a Fibonacci retracement's ratios after validating them. */
export function setFibLevelsCommand(store: Store, id: string, levels: readonly number[]): void {
  const drawing = store.get().byId[id];
  if (!drawing) throw new RangeError(`setFibLevels: no drawing "${id}"`);
  if (drawing.kind !== 'FIBONACCI_RETRACEMENT') {
    throw new RangeError(`setFibLevels: drawing "${id}" is a ${drawing.kind}, not a FIBONACCI_RETRACEMENT`);
  }
  validateFibLevels(levels);
  store.update((d) => {
    const fib = d.byId[id]!;
    if (fib.kind === 'FIBONACCI_RETRACEMENT') fib.levels = [...levels];
  });
}

/** Sets a UI flag (locked or hidden) on the given drawings (default: the selection). */
export function setFlagCommand(
  store: Store,
  flag: keyof DrawingFlags,
  value: boolean,
  which?: readonly string[],
): void {
  const ids = targets(store, which);
  if (ids.length === 0) return;
  store.update((d) => {
    for (const id of ids) {
      const next = { ...d.flags[id], [flag]: value };
      if (!next.locked && !next.hidden) delete d.flags[id];
      else d.flags[id] = next;
    }
  });
}

/** Sets (null: clears) the defaults the next drawings of `kind` start with; UI state, never an undo step. */
export function setDrawingDefaultsCommand(
  store: Store,
  kind: DrawingKind,
  defaults: DrawingDefaults | null,
): void {
  const levels = defaults?.options?.levels;
  if (levels !== undefined) validateFibLevels(levels);
  store.update((d) => {
    const next = { ...d.drawingDefaults };
    if (defaults) next[kind] = castDraft(defaults);
    else delete next[kind];
    d.drawingDefaults = next;
  });
}
