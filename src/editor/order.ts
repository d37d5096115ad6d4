// Paint-order bookkeeping for history. Immer's array patches address positions, which a remote
// insert or delete would shift under a stored undo step; so history keeps the order before and
// after each step and re-applies only the ids that step moved onto whatever the order is now.

/** Ids whose presence or relative position differs between two orders (a minimal set). */
export function movedIds(from: readonly string[], to: readonly string[]): Set<string> {
  const fromIndex = new Map<string, number>();
  for (const [i, id] of from.entries()) fromIndex.set(id, i);
  const toSet = new Set(to);
  const moved = new Set<string>();
  for (const id of from) if (!toSet.has(id)) moved.add(id);
  const common: string[] = [];
  for (const id of to) {
    if (fromIndex.has(id)) common.push(id);
    else moved.add(id);
  }
  const keep = longestIncreasing(common.map((id) => fromIndex.get(id)!));
  common.forEach((id, i) => {
    if (!keep.has(i)) moved.add(id);
  });
  return moved;
}

/** Indexes (into `values`) of one longest strictly increasing subsequence, O(n log n). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.add(i);
  return out;
}

/**
 * Re-applies a step onto `current`: the ids the step moved (`moved`, e.g. from movedIds) are taken
 * out and put back after their nearest predecessor in the step's result `to`; ids that no longer
 * exist are dropped; existing ids missing from both are appended, so no drawing is ever lost.
 */
export function rebaseOrder(
  current: readonly string[],
  to: readonly string[],
  moved: ReadonlySet<string>,
  exists: (id: string) => boolean,
): string[] {
  const result = current.filter((id) => !moved.has(id) && exists(id));
  const placed = new Set(result);
  to.forEach((id, i) => {
    if (!moved.has(id) || !exists(id) || placed.has(id)) return;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const before = to[j]!;
      if (placed.has(before)) {
        at = result.indexOf(before) + 1;
        break;
      }
    }
    result.splice(at, 0, id);
    placed.add(id);
  });
  for (const id of current) if (!placed.has(id) && exists(id)) result.push(id);
  return result;
}
