// Axis labels of nearby levels would overlap; they are pushed apart as little as possible
// (least squares), keeping their order and staying inside the axis.
import type { AxisLabelPrimitive } from './scene';
import { AXIS_LABEL_TEXT_COLOR } from './style';

/** A tag on the `axis` at `at` (px along it): `text` in white on `background`, as every scene tags its prices and times. */
export function axisLabel(
  axis: 'price' | 'time',
  at: number,
  text: string,
  background: string,
): AxisLabelPrimitive {
  return { type: 'axis-label', axis, at, text, background, color: AXIS_LABEL_TEXT_COLOR };
}

/** A label on an axis: its centre `at` and its extent along the axis. */
export interface AxisLabelSlot {
  readonly id: string;
  readonly at: number;
  readonly height: number;
}

/** A label's centre after stacking. */
export interface StackedLabel {
  readonly id: string;
  readonly at: number;
}

/**
 * New centres, in input order, so that no two labels overlap and each lies within [min, max]:
 * the order along the axis is kept (ties by input order) and the sum of squared moves is the
 * least possible. When the labels cannot all fit, they are packed from `min` and overflow `max`.
 */
export function stackAxisLabels(labels: readonly AxisLabelSlot[], min: number, max: number): StackedLabel[] {
  const n = labels.length;
  if (n === 0) return [];
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.at - labels[b]!.at || a - b);
  // Shift each label by the room the labels before it need; the constraint "no overlap" becomes
  // "the shifted centres never decrease", an isotonic regression solved by pooling adjacent violators.
  const offset: number[] = [0];
  for (let k = 1; k < n; k++) {
    offset.push(offset[k - 1]! + (labels[order[k - 1]!]!.height + labels[order[k]!]!.height) / 2);
  }
  const blocks: { sum: number; count: number }[] = [];
  for (let k = 0; k < n; k++) {
    let block = { sum: labels[order[k]!]!.at - offset[k]!, count: 1 };
    while (
      blocks.length > 0 &&
      blocks[blocks.length - 1]!.sum / blocks[blocks.length - 1]!.count >= block.sum / block.count
    ) {
      const prev = blocks.pop()!;
      block = { sum: prev.sum + block.sum, count: prev.count + block.count };
    }
    blocks.push(block);
  }
  // With the same bounds for every shifted centre, clamping the isotonic fit stays optimal.
  const lower = min + labels[order[0]!]!.height / 2;
  const upper = max - labels[order[n - 1]!]!.height / 2 - offset[n - 1]!;
  const out: StackedLabel[] = new Array(n);
  let k = 0;
  for (const block of blocks) {
    const z = lower > upper ? lower : Math.min(Math.max(block.sum / block.count, lower), upper);
    for (let j = 0; j < block.count; j++, k++) {
      const i = order[k]!;
      out[i] = { id: labels[i]!.id, at: z + offset[k]! };
    }
  }
  return out;
}
