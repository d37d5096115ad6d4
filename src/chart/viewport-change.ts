// Overlay repaint trigger. lightweight-charts' coordinates are stale right after setData or
// fitContent, so callbacks run on the next animation frame, coalesced to one per frame. A tiny
// series primitive catches what no event reports (price-scale drags, autoscale changes):
// lightweight-charts calls updateAllViews() before every repaint.
import type { IChartApi, ISeriesApi, ISeriesPrimitive, SeriesType, Time } from 'lightweight-charts';

/** Calls `callback` once on the next animation frame after any data, scroll, zoom, size or scale change; returns an unsubscribe. */
export function onViewportChange(
  chart: IChartApi,
  series: ISeriesApi<SeriesType>,
  callback: () => void,
): () => void {
  let frame = 0;
  let active = true;
  const schedule = (): void => {
    if (!active || frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (active) callback();
    });
  };
  const timeScale = chart.timeScale();
  const probe: ISeriesPrimitive<Time> = { updateAllViews: schedule };
  series.subscribeDataChanged(schedule);
  timeScale.subscribeVisibleLogicalRangeChange(schedule);
  timeScale.subscribeSizeChange(schedule);
  series.attachPrimitive(probe);
  schedule();
  return () => {
    if (!active) return;
    active = false;
    if (frame !== 0) cancelAnimationFrame(frame);
    series.unsubscribeDataChanged(schedule);
    timeScale.unsubscribeVisibleLogicalRangeChange(schedule);
    timeScale.unsubscribeSizeChange(schedule);
    series.detachPrimitive(probe);
  };
}
