// The chart's crosshair follows the editor's magnet: free when it is Off, on the bar's nearest
// O/H/L/C when weak (within the radius) or strong — the price a click would place, never
// lightweight-charts' own magnet to the close. Its vertical line sits on the
// bar nearest the point (the chart can only show bar times).
import type { IChartApi, ISeriesApi, SeriesType, Time } from 'lightweight-charts';
import type { BarLookup } from '../chart/bar-lookup';
import type { ChartViewport } from '../chart/chart-viewport';
import { freeCrosshair } from '../chart/create-chart';
import { snapPoint } from '../editor/magnet';
import type { EditorState, MagnetMode } from '../editor/types';

/** What the crosshair needs. */
export interface CrosshairWiring {
  readonly container: HTMLElement;
  readonly chart: IChartApi;
  readonly series: ISeriesApi<SeriesType>;
  readonly viewport: ChartViewport;
  readonly bars: BarLookup;
  /** The editor's magnet now. */
  readonly magnet: () => MagnetMode;
}

/** Keeps the crosshair on the point a click would place until the returned function is called. */
export function followMagnet({
  container,
  chart,
  series,
  viewport,
  bars,
  magnet,
}: CrosshairWiring): () => void {
  // Free: the chart's own position follows the pointer, so nothing flickers between its move and ours.
  const restore = freeCrosshair(chart);
  // Pointer events carry fractional coordinates (mouse events may be rounded): the editor places
  // from them, so the crosshair is placed from the same numbers.
  let last: { x: number; y: number; shift: boolean } | null = null;
  const place = (): void => {
    if (!last) return;
    const rect = chart.chartElement().getBoundingClientRect();
    const x = last.x - rect.left - chart.priceScale('left').width();
    const y = last.y - rect.top;
    if (x < 0 || y < 0 || x > viewport.width || y > viewport.height) return;
    // Shift suspends the magnet, as it does for placing (tools/common.ts eventPoint).
    const { point } = snapPoint(last.shift ? 'off' : magnet(), x, y, viewport, bars);
    const bar = bars.nearestBar(point.time);
    if (bar) chart.setCrosshairPosition(point.price, bar.time as number as Time, series);
  };
  const onPointer = (e: PointerEvent): void => {
    last = { x: e.clientX, y: e.clientY, shift: e.shiftKey };
    // While the editor holds a press the chart sees no mouse events: place it now.
    if (e.buttons !== 0) place();
  };
  container.addEventListener('pointermove', onPointer, true);
  // Bubble phase: after the chart's own mousemove handler (on an element inside), so ours wins.
  container.addEventListener('mousemove', place);
  return () => {
    container.removeEventListener('mousemove', place);
    container.removeEventListener('pointermove', onPointer, true);
    restore();
  };
}

/** What the keyboard crosshair needs. */
export interface KeyboardCrosshairWiring {
  readonly chart: IChartApi;
  readonly series: ISeriesApi<SeriesType>;
  readonly bars: BarLookup;
  readonly editor: {
    getState(): EditorState;
    subscribe(listener: (state: EditorState) => void): () => void;
  };
}

/**
 * Shows the keyboard crosshair on the chart while a drawing tool is active, so
 * its price and time read on the axes like the mouse's; hides it when the tool or cursor goes.
 */
export function followKeyboardCursor({ chart, series, bars, editor }: KeyboardCrosshairWiring): () => void {
  let shown: EditorState['keyboard']['cursor'] = null;
  const update = (state: EditorState): void => {
    const cursor = state.tool === 'select' ? null : state.keyboard.cursor;
    if (cursor === shown) return;
    shown = cursor;
    const bar = cursor && bars.nearestBar(cursor.time);
    if (cursor && bar) chart.setCrosshairPosition(cursor.price, bar.time as number as Time, series);
    else chart.clearCrosshairPosition();
  };
  return editor.subscribe(update);
}
