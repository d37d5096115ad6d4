// Level rules (spec §3.6): among the levels present, support < pivot < resistance, strictly.
import { LEVEL_NAMES, type Level, type LevelName, type Levels } from './analysis';
import type { Price } from './units';

/** A broken ordering: `level` (the later one, where the error path points) is not above `previous`. */
export interface LevelOrderViolation {
  readonly level: LevelName;
  readonly previous: LevelName;
  /** e.g. "levels.pivot.price: must be above support (1.341)". */
  readonly message: string;
}

/** Just the prices, so wire-shaped and engine-shaped levels can both be checked. */
export type LevelPrices = { readonly [N in LevelName]?: { readonly price: number } };

/** Per level: a Level replaces it, null removes it, undefined (or absent) keeps it. */
export type LevelsPatch = { readonly [N in LevelName]?: Level | null };

/** The first ordering violation among the present levels, or null when they are in order. */
export function checkLevelOrder(levels: LevelPrices): LevelOrderViolation | null {
  let previous: LevelName | null = null;
  for (const name of LEVEL_NAMES) {
    const level = levels[name];
    if (!level) continue;
    if (previous !== null) {
      const below = levels[previous]!.price;
      if (!(level.price > below)) {
        return {
          level: name,
          previous,
          message: `levels.${name}.price: must be above ${previous} (${below})`,
        };
      }
    }
    previous = name;
  }
  return null;
}

/** Applies a per-level patch (spec §2.4): given levels replace, null removes, absent keep. */
export function mergeLevels(current: Levels, patch: LevelsPatch): Levels {
  const out: { [N in LevelName]?: Level } = {};
  for (const name of LEVEL_NAMES) {
    const next = patch[name] === undefined ? current[name] : patch[name];
    if (next) out[name] = next;
  }
  return out;
}

/**
 * The price a dragged level may take: clamped to at least `epsilon` above its nearest present
 * lower neighbour and below its nearest present upper neighbour, so a drag cannot break the order.
 */
export function clampLevelPrice(levels: LevelPrices, name: LevelName, price: number, epsilon = 1e-9): Price {
  const at = LEVEL_NAMES.indexOf(name);
  let lower = Number.NEGATIVE_INFINITY;
  let upper = Number.POSITIVE_INFINITY;
  for (let i = at - 1; i >= 0; i--) {
    const l = levels[LEVEL_NAMES[i]!];
    if (l) {
      lower = l.price;
      break;
    }
  }
  for (let i = at + 1; i < LEVEL_NAMES.length; i++) {
    const l = levels[LEVEL_NAMES[i]!];
    if (l) {
      upper = l.price;
      break;
    }
  }
  const lo = lower + epsilon;
  const hi = upper - epsilon;
  // Neighbours closer than 2·epsilon leave no room: settle halfway rather than cross one.
  if (lo > hi) return ((lower + upper) / 2) as Price;
  return Math.min(Math.max(price, lo), hi) as Price;
}
