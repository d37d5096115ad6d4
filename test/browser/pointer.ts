// A mouse pointer event at pane coordinates (x, y) of a lightweight-charts chart, dispatched where
// the browser would send it: on the element at that point (the chart's canvas, under the
// overlay's pointer-events:none layers), or on `fallback` when nothing is there.
import type { IChartApi } from 'lightweight-charts';

/** Fires `type` (pointerdown, pointermove, pointerup) at pane point (x, y) with `buttons` held. */
export function firePointer(
  chart: IChartApi,
  fallback: Element,
  type: string,
  x: number,
  y: number,
  buttons: number,
): void {
  const rect = chart.chartElement().getBoundingClientRect();
  const target = document.elementFromPoint(rect.left + x, rect.top + y) ?? fallback;
  target.dispatchEvent(
    new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      composed: true,
      clientX: rect.left + x,
      clientY: rect.top + y,
      pointerId: 1,
      pointerType: 'mouse',
      isPrimary: true,
      button: type === 'pointermove' ? -1 : 0,
      buttons,
    }),
  );
}
