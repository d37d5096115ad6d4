// Paint-order commands for the selection, TradingView style: forward/backward step past the next
// unselected drawing; front/back move the whole selection, keeping its inner order.
import type { Store } from './store';

/** Where to move the drawings in paint order. */
export type OrderMove = 'forward' | 'backward' | 'front' | 'back';

/** The order after moving `chosen` one step or to an end. */
export function reorder(order: readonly string[], chosen: ReadonlySet<string>, move: OrderMove): string[] {
  const out = [...order];
  const swap = (i: number, j: number) => {
    [out[i], out[j]] = [out[j]!, out[i]!];
  };
  switch (move) {
    case 'forward':
      for (let i = out.length - 2; i >= 0; i--)
        if (chosen.has(out[i]!) && !chosen.has(out[i + 1]!)) swap(i, i + 1);
      return out;
    case 'backward':
      for (let i = 1; i < out.length; i++)
        if (chosen.has(out[i]!) && !chosen.has(out[i - 1]!)) swap(i, i - 1);
      return out;
    case 'front':
      return [...out.filter((id) => !chosen.has(id)), ...out.filter((id) => chosen.has(id))];
    case 'back':
      return [...out.filter((id) => chosen.has(id)), ...out.filter((id) => !chosen.has(id))];
  }
}

/** Moves the given drawings (default: the selection) in paint order. */
export function reorderCommand(store: Store, move: OrderMove, which?: readonly string[]): void {
  const state = store.get();
  const chosen = new Set((which ?? state.selection).filter((id) => id in state.byId));
  if (chosen.size === 0) return;
  const next = reorder(state.order, chosen, move);
  if (next.every((id, i) => id === state.order[i])) return;
  store.update(
    (d) => {
      d.order = next;
    },
    [...chosen],
  );
}
