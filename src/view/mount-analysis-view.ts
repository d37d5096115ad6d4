// The read-only chart of a post: candles plus the analysis painted by one series primitive, no
// editing handles. Pan and zoom are optional; repaints follow scroll, zoom, size and data changes.
import type { IChartApi, ISeriesApi, UTCTimestamp } from 'lightweight-charts';
import { createChartViewport } from '../chart/chart-viewport';
import {
  addCandleSeries,
  candleColourOptions,
  chartColourOptions,
  createCandleChart,
} from '../chart/create-chart';
import type { UtcSeconds } from '../core/units';
import { analysisExtent, TIMEFRAME_SECONDS } from '../core/analysis-fit';
import {
  type AnalysisDetailWire,
  analysisFromDetail,
  type Candle,
  detailExpiresAt,
  describeSummary,
  describeContents,
  SVG_THEMES,
  type ThemeName,
} from '../svg/index';
import type { Outcome } from '../core/outcomes';
import { type AnalysisPrimitive, createAnalysisPrimitive } from './analysis-primitive';
import type { AlertStore, CrossEvent } from './crossing-alerts';
import type { MountedCrossings, ViewCrossings } from './crossing-part';
import type { MountedOutcome, ViewOutcomes } from './outcome-part';
import type { OutcomePrimitive } from './outcome-primitive';
import type { ViewPartContext } from './view-part';

/** Options of `mountAnalysisView`. */
export interface AnalysisViewOptions {
  readonly theme: ThemeName;
  /** Allow pan and zoom (default false: a static post). */
  readonly interactive?: boolean;
  /** The clock in UTC seconds, for the accessible summary. */
  readonly now?: number;
  /** The outcome part (`viewOutcomes`): the idea's outcome badge, entry and exit markers, and its words in the summary. Without it, none of them. */
  readonly outcomes?: ViewOutcomes;
  /** The crossing-alerts part (`viewCrossings`): "alert me" toggles, notices, and `cross` events for live bars. Without it, none of them. */
  readonly crossings?: ViewCrossings;
  /** With the crossings part: the reader's "alert me" marks (default: localStorage); false hides the toggles and notices. */
  readonly alerts?: AlertStore | false;
}

/** A mounted read-only view. */
export interface AnalysisView {
  /** Emphasises the drawing or level with this clientObjectId; null clears. */
  highlight(key: string | null): void;
  /** A new or updated last bar (live data): repaints, and with the crossings part emits `cross` for each new crossing. */
  updateCandle(bar: Candle): void;
  /** Listens to crossings of live bars (with the crossings part); `alert` says whether the reader marked the drawing. Returns the unsubscribe. */
  on(type: 'cross', listener: (event: CrossEvent) => void): () => void;
  /** Marks or unmarks a drawing "alert me" (kept in the browser only; with the crossings part). */
  setAlert(drawingId: string, on: boolean): void;
  /** Removes the chart and every listener. */
  destroy(): void;
  /** The chart, series and primitive, for tests and embedding. */
  readonly chart: IChartApi;
  readonly series: ISeriesApi<'Candlestick'>;
  readonly primitive: AnalysisPrimitive;
  /** Paints the idea's outcome (badge, entry and exit markers) when the view has candles; null without the outcome part. */
  readonly outcomePrimitive: OutcomePrimitive | null;
  /** The idea's outcome against the view's candles (null without candles or without the outcome part). */
  outcome(): Outcome | null;
}

/** Most placeholder bars generated to give an analysis without candles a time axis. */
const MAX_SPAN_BARS = 2000;
const HIGHLIGHT = '#FFB300AA';
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

// Bar times at the timeframe's interval over the analysis' own extent, two bars of room each side.
function spanTimes(times: readonly number[], interval: number, fallback: number): UtcSeconds[] {
  const lo = times.length ? Math.min(...times) : fallback;
  const hi = times.length ? Math.max(...times) : fallback;
  const step = Math.max(interval, Math.ceil((hi - lo) / MAX_SPAN_BARS / interval) * interval);
  const start = Math.floor(lo / step) * step - 2 * step;
  const out: UtcSeconds[] = [];
  for (let t = start; t <= hi + 2 * step; t += step) out.push(t as UtcSeconds);
  return out;
}

/** Mounts a read-only chart of `analysis` (AnalysisDetail wire shape) on `candles` into `container`. */
export function mountAnalysisView(
  container: HTMLElement,
  analysis: AnalysisDetailWire,
  candles: readonly Candle[],
  options: AnalysisViewOptions,
): AnalysisView {
  const theme = SVG_THEMES[options.theme] ?? SVG_THEMES.light;
  const interactive = options.interactive ?? false;
  const model = analysisFromDetail(analysis);
  const expiresAt = detailExpiresAt(analysis);
  const colours = chartColourOptions(theme);
  const chart = createCandleChart(container, {
    ...colours,
    autoSize: true,
    layout: { ...colours.layout, attributionLogo: false },
    // fixLeftEdge keeps the first time label whole (lightweight-charts aligns it inside the axis).
    timeScale: { timeVisible: true, fixLeftEdge: true },
    handleScroll: interactive,
    handleScale: interactive,
  });
  const series = addCandleSeries(chart, {
    priceFormat: { type: 'price', precision: 5, minMove: 0.00001 },
    ...candleColourOptions(theme),
  });
  let times: UtcSeconds[];
  if (candles.length > 0) {
    times = candles.map((c) => c.time);
    series.setData(candles.map((c) => ({ ...c, time: c.time as number as UTCTimestamp })));
  } else {
    // Without candles lightweight-charts has neither a time axis nor a price scale, so
    // transparent flat bars span the analysis' own extent; the primitive's autoscaleInfo
    // then stretches the price scale over every level and drawing.
    const extent = analysisExtent(model, expiresAt);
    const interval = TIMEFRAME_SECONDS[model.metadata.timeframe] ?? 3600;
    times = spanTimes(extent.times, interval, model.createdAt ?? 0);
    const mid = extent.prices.length ? (Math.min(...extent.prices) + Math.max(...extent.prices)) / 2 : 0;
    series.applyOptions({ lastValueVisible: false, priceLineVisible: false });
    series.setData(
      times.map((t) => ({
        time: t as number as UTCTimestamp,
        open: mid,
        high: mid,
        low: mid,
        close: mid,
        color: TRANSPARENT,
        borderColor: TRANSPARENT,
        wickColor: TRANSPARENT,
      })),
    );
  }
  const viewport = createChartViewport(chart, series, times);
  const primitive = createAnalysisPrimitive(model, viewport, expiresAt, {
    fallback: theme.fallbackLine,
    highlight: HIGHLIGHT,
  });
  series.attachPrimitive(primitive);
  chart.timeScale().fitContent();
  // The chart repaints itself (and so this primitive) on scroll, zoom, size and data changes.
  // autoSize measures the container on a later frame, so fit again then; coordinates are stale
  // until the frame after setData/fitContent (toolchain.md), so repaint once more as well.
  const frame = requestAnimationFrame(() => {
    chart.timeScale().fitContent();
    primitive.requestRepaint();
  });
  const part: ViewPartContext = {
    container,
    analysis,
    model,
    series,
    viewport,
    candles,
    now: options.now,
    fallbackColor: theme.fallbackLine,
  };
  const outcome: MountedOutcome | null = options.outcomes?.mount(part) ?? null;
  container.setAttribute('role', 'img');
  const updateLabel = (): void => {
    // The outcome's words come from its part, so a post without it ships none of them.
    const words = outcome?.words() ?? null;
    container.setAttribute(
      'aria-label',
      describeSummary(analysis, options.now) + (words ? `; ${words}` : ''),
    );
  };
  updateLabel();
  // The long description: every level and drawing in words, in a visually hidden list the chart
  // points to (its role=img hides its own children). textContent only: no user text as markup.
  const description = describeList(container.ownerDocument, describeContents(analysis));
  container.after(description);
  container.setAttribute('aria-describedby', description.id);
  let destroyed = false;
  // Crossing alerts: the reader's marks stay in the browser (never part of the analysis).
  const crossings: MountedCrossings | null = options.crossings?.mount(part, options.alerts) ?? null;
  const listeners = new Set<(event: CrossEvent) => void>();
  const emit = (event: CrossEvent): void => {
    for (const l of listeners) l(event);
  };
  return {
    chart,
    series,
    primitive,
    outcomePrimitive: outcome?.primitive ?? null,
    outcome: (): Outcome | null => outcome?.primitive.outcome() ?? null,
    highlight: (key) => primitive.setHighlight(key),
    updateCandle(bar) {
      if (destroyed) return;
      series.update({ ...bar, time: bar.time as number as UTCTimestamp });
      outcome?.update(bar);
      updateLabel();
      crossings?.update(bar, emit);
    },
    on(_type, listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setAlert: (drawingId, on) => crossings?.setAlert(drawingId, on),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      cancelAnimationFrame(frame);
      listeners.clear();
      crossings?.destroy();
      description.remove();
      container.removeAttribute('aria-describedby');
      outcome?.destroy();
      series.detachPrimitive(primitive);
      chart.remove();
    },
  };
}

let describeCount = 0;

// Visually hidden with inline styles: a post page may carry none of the embed's CSS.
function describeList(doc: Document, items: readonly string[]): HTMLElement {
  const list = doc.createElement('ul');
  list.id = `cm-view-description-${++describeCount}`;
  list.className = 'cm-view-description';
  list.style.cssText =
    'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0';
  for (const text of items) {
    const li = doc.createElement('li');
    li.textContent = text;
    list.append(li);
  }
  return list;
}
