// The chart, its candlestick series and their colours, made here so that chart/ stays the only
// layer that imports lightweight-charts' runtime (design.md §1): the view, the embed and the
// overlay hold the chart through these and through lightweight-charts' types only.
import {
  CandlestickSeries,
  type CandlestickSeriesPartialOptions,
  type ChartOptions,
  ColorType,
  CrosshairMode,
  createChart,
  type DeepPartial,
  type IChartApi,
  type ISeriesApi,
} from 'lightweight-charts';

/** The colours a chart and its candles are painted in. */
export interface CandleChartColours {
  readonly background: string;
  readonly text: string;
  readonly grid: string;
  /** The price and time scales' borders; the chart's own default when absent. */
  readonly border?: string;
  readonly up: string;
  readonly down: string;
}

/** Creates a chart in `container`. */
export function createCandleChart(container: HTMLElement, options: DeepPartial<ChartOptions>): IChartApi {
  return createChart(container, options);
}

/** Adds a candlestick series to `chart`. */
export function addCandleSeries(
  chart: IChartApi,
  options?: CandlestickSeriesPartialOptions,
): ISeriesApi<'Candlestick'> {
  return chart.addSeries(CandlestickSeries, options);
}

/** Chart options that paint the chart in `c`. */
export function chartColourOptions(c: CandleChartColours): DeepPartial<ChartOptions> {
  const options: DeepPartial<ChartOptions> = {
    layout: { background: { type: ColorType.Solid, color: c.background }, textColor: c.text },
    grid: { vertLines: { color: c.grid }, horzLines: { color: c.grid } },
  };
  if (c.border === undefined) return options;
  return { ...options, rightPriceScale: { borderColor: c.border }, timeScale: { borderColor: c.border } };
}

/** Candlestick options in `c`. */
export function candleColourOptions(c: CandleChartColours): CandlestickSeriesPartialOptions {
  return { upColor: c.up, downColor: c.down, wickUpColor: c.up, wickDownColor: c.down, borderVisible: false };
}

/**
 * Sets the chart's crosshair free (it follows the pointer, not the close) until the returned
 * function restores the mode it had.
 */
export function freeCrosshair(chart: IChartApi): () => void {
  const before = chart.options().crosshair.mode;
  chart.applyOptions({ crosshair: { mode: CrosshairMode.Normal } });
  return () => chart.applyOptions({ crosshair: { mode: before } });
}
