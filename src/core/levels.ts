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
  // Far from zero a small epsilon can vanish in rounding (1e8 + 1e-9 === 1e8); then take the
  // next representable number, so the result stays strictly inside.
  const lo = Math.max(lower + epsilon, nextAfter(lower, 1));
  const hi = Math.min(upper - epsilon, nextAfter(upper, -1));
  // Neighbours closer than 2·epsilon leave no room: settle halfway rather than cross one.
  if (lo > hi) return ((lower + upper) / 2) as Price;
  return Math.min(Math.max(price, lo), hi) as Price;
}

const scratch = new Float64Array(1);
const bits = new BigInt64Array(scratch.buffer);

// The neighbouring double of x towards +∞ (dir 1) or −∞ (dir −1); infinities stay put.
function nextAfter(x: number, dir: 1 | -1): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return dir * Number.MIN_VALUE;
  scratch[0] = x;
  bits[0] += x > 0 === dir > 0 ? 1n : -1n;
  return scratch[0]!;
}
