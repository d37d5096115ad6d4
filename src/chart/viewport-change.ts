// Overlay repaint trigger. lightweight-charts' coordinates (its price scale above all) are only
// settled once it has painted, so the callback runs right after the chart's own paint, in the
// same frame: a tiny series primitive is told by updateAllViews() that a paint is under way and
// queues a microtask, which runs when that paint is done. Data, scroll/zoom and size events
// mark a change as pending; should no chart paint follow within two frames, a fallback fires.
// Either way the callback runs at most once per chart paint.
import type { IChartApi, ISeriesApi, ISeriesPrimitive, SeriesType, Time } from 'lightweight-charts';

/** Calls `callback` once after the chart has painted any data, scroll, zoom, size or scale change; returns an unsubscribe. */
export function onViewportChange(
  chart: IChartApi,
  series: ISeriesApi<SeriesType>,
  callback: () => void,
): () => void {
  let active = true;
  let queued = false;
  let pending = false;
  let fallback = 0;
  const run = (): void => {
    queued = false;
    pending = false;
    // The chart painted: the fallback is not needed, and a frame callback less is work saved.
    if (fallback !== 0) {
      cancelAnimationFrame(fallback);
      fallback = 0;
    }
    if (active) callback();
  };
  const afterPaint = (): void => {
    if (!active || queued) return;
    queued = true;
    queueMicrotask(run);
  };
  const changed = (): void => {
    if (!active) return;
    pending = true;
    if (fallback !== 0) return;
    fallback = requestAnimationFrame(() => {
      fallback = requestAnimationFrame(() => {
        fallback = 0;
        if (pending) run();
      });
    });
  };
  const timeScale = chart.timeScale();
  const probe: ISeriesPrimitive<Time> = { updateAllViews: afterPaint };
  series.subscribeDataChanged(changed);
  timeScale.subscribeVisibleLogicalRangeChange(changed);
  timeScale.subscribeSizeChange(changed);
  series.attachPrimitive(probe);
  changed();
  return () => {
    if (!active) return;
    active = false;
    if (fallback !== 0) cancelAnimationFrame(fallback);
    series.unsubscribeDataChanged(changed);
    timeScale.unsubscribeVisibleLogicalRangeChange(changed);
    timeScale.unsubscribeSizeChange(changed);
    series.detachPrimitive(probe);
  };
}
