// Shared fixtures for the editor tests: 100 hourly bars from 2026-01-08T00:00Z on a 1000 × 500
// pane showing bars 0–100 and prices 100–200, so x = 10·bar and y = (200 − price)·5 exactly.
import { createViewport } from '../../../src/core/create-viewport';
import type { ChartPoint } from '../../../src/core/drawing';
import type { Price, UtcSeconds } from '../../../src/core/units';
import type { BarSource, EditorPointerEvent, MagnetBar } from '../../../src/editor/types';

/** 2026-01-08T00:00:00Z. */
export const T0 = 1767830400;
/** One bar. */
export const HOUR = 3600;
/** Time of bar i. */
export const t = (i: number) => (T0 + i * HOUR) as UtcSeconds;
/** A chart point at bar i and a price. */
export const pt = (i: number, price: number): ChartPoint => ({ time: t(i), price: price as Price });

/** The fixture viewport. */
export const vp = createViewport({
  times: Array.from({ length: 100 }, (_, i) => t(i)),
  width: 1000,
  height: 500,
  logicalRange: { from: 0, to: 100 },
  priceRange: { min: 100, max: 200 },
});

/** x and y of bar i and a price. */
export const xOf = (i: number) => 10 * i;
export const yOf = (price: number) => (200 - price) * 5;

/** Bar i: open 150 + i, high open + 4, low open − 4, close open + 1. */
export function bar(i: number): MagnetBar {
  const open = 150 + i;
  return { time: t(i), open, high: open + 4, low: open - 4, close: open + 1 };
}

/** Bars 0–99 for the magnet. */
export const bars: BarSource = {
  nearestBar(time) {
    const i = Math.round((time - T0) / HOUR);
    return i < 0 || i > 99 ? null : bar(i);
  },
};

let clock = 1000;

/** A pointer event; timeStamp advances 16 ms per event unless given. */
export function ev(
  type: EditorPointerEvent['type'],
  x: number,
  y: number,
  extra: Partial<EditorPointerEvent> = {},
): EditorPointerEvent {
  clock += 16;
  return {
    type,
    x,
    y,
    button: 0,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    pointerType: 'mouse',
    timeStamp: clock,
    ...extra,
  };
}

/** A key event outside form fields. */
export function key(
  k: string,
  extra: Partial<{
    code: string;
    shiftKey: boolean;
    ctrlKey: boolean;
    metaKey: boolean;
    altKey: boolean;
    targetIsEditable: boolean;
  }> = {},
) {
  return {
    key: k,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    targetIsEditable: false,
    ...extra,
  };
}
