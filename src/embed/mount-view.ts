// mountAnalysisView: the read-only chart of a post, in the embed's theme, with a price format
// derived from the candles or the symbol, and setAnalysis() to follow an editor's current
// analysis (a preview without a server: `view.setAnalysis(editor.getAnalysis())`).
import type { ChartOptions, DeepPartial, IChartApi, ISeriesApi } from 'lightweight-charts';
import {
  type AnalysisView as CoreView,
  mountAnalysisView as mountCoreView,
  renderAnalysisText,
  viewCrossings,
  viewOutcomes,
} from '../view/index';
import type { ViewAnalysis } from './analysis-snapshot';
import { checkCandles, type EngineBar, type OhlcBar } from './candles';
import { el, Scope } from './dom';
import { type PriceFormat, priceFormatFor } from './price-format';
import { adoptEmbedStyles } from './styles';
import { readChartColours, type ThemeName } from './theme';
import { candleColourOptions, chartColourOptions } from '../chart/index';

/** Options of mountAnalysisView. */
export interface AnalysisViewOptions {
  /** The analysis in AnalysisDetail shape (from the API, or an editor's getAnalysis()). */
  readonly analysis: ViewAnalysis;
  /** lightweight-charts OHLC bars, `time` in UTC seconds; without them the analysis is shown on its own extent. */
  readonly candles?: readonly OhlcBar[];
  readonly theme?: ThemeName;
  /** Extra chart options, applied last. */
  readonly chartOptions?: DeepPartial<ChartOptions>;
  /** A fixed price format instead of the derived one. */
  readonly priceFormat?: PriceFormat;
  /** Allow pan and zoom (default false). */
  readonly interactive?: boolean;
  /** Show the preference/alternative/comments text under the chart, its references highlighting the chart (default false). */
  readonly text?: boolean;
  /** The clock in UTC seconds, for the accessible summary. */
  readonly now?: number;
  /** Adopt the embed's stylesheet (default true). */
  readonly styles?: boolean;
}

/** A mounted read-only view. */
export interface AnalysisViewHandle {
  readonly chart: IChartApi;
  readonly series: ISeriesApi<'Candlestick'>;
  readonly element: HTMLElement;
  /** The price format in use. */
  readonly priceFormat: PriceFormat;
  /** Shows another analysis (e.g. the editor's current one), keeping the candles. */
  setAnalysis(analysis: ViewAnalysis): void;
  /** Replaces the candles. */
  setCandles(candles: readonly OhlcBar[]): void;
  /** Switches between the light and dark theme. */
  setTheme(theme: ThemeName): void;
  /** Emphasises the drawing or level with this clientObjectId; null clears. */
  highlight(key: string | null): void;
  /** Removes the chart, text, listeners and styles. */
  destroy(): void;
}

function pricesOf(a: ViewAnalysis): number[] {
  const out: number[] = [];
  for (const l of Object.values(a.levels ?? {})) if (l) out.push(l.price);
  for (const d of a.drawings ?? []) for (const p of d.points) out.push(p.price);
  return out;
}

/** Mounts the read-only view of `options.analysis` into `container`. */
export function mountAnalysisView(container: HTMLElement, options: AnalysisViewOptions): AnalysisViewHandle {
  const doc = container.ownerDocument;
  const scope = new Scope();
  if (options.styles !== false) scope.add(adoptEmbedStyles(container));
  const root = el(doc, 'div', 'cm-embed cm-view');
  container.append(root);
  scope.add(() => root.remove());
  let theme: ThemeName = options.theme ?? 'light';
  let analysis = options.analysis;
  let candles: EngineBar[] = checkCandles(options.candles ?? []);
  let box: HTMLElement | null = null;
  let text: HTMLElement | null = null;
  let view: CoreView | null = null;
  let format: PriceFormat = options.priceFormat ?? priceFormatFor({ candles });
  const style = (): void => {
    if (!view) return;
    root.dataset.theme = theme;
    const colours = readChartColours(root, theme);
    // Two calls: lightweight-charts merges each deeply, so the page's options win field by field.
    view.chart.applyOptions(chartColourOptions(colours));
    if (options.chartOptions) view.chart.applyOptions(options.chartOptions);
    view.series.applyOptions({ ...candleColourOptions(colours), priceFormat: format });
  };
  // The core view takes its data at mount; a new analysis or new candles mount it again.
  const mount = (): void => {
    view?.destroy();
    box?.remove();
    text?.remove();
    root.dataset.theme = theme;
    box = el(doc, 'div', 'cm-chart');
    root.append(box);
    format =
      options.priceFormat ??
      priceFormatFor({ candles, symbol: analysis.metadata.symbol, prices: pricesOf(analysis) });
    // The embed shows a post whole: the outcome badge and the crossing alerts with it.
    const v = mountCoreView(box, analysis, candles, {
      theme,
      interactive: options.interactive ?? false,
      outcomes: viewOutcomes,
      crossings: viewCrossings,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    view = v;
    style();
    if (options.text) {
      text = renderAnalysisText(analysis, { onHighlight: (key) => v.highlight(key) });
      root.append(text);
    }
  };
  mount();
  scope.add(() => view?.destroy());
  const live = (): CoreView => {
    if (!view || scope.isClosed) throw new Error('mountAnalysisView: the view was destroyed');
    return view;
  };
  return {
    get chart() {
      return live().chart;
    },
    get series() {
      return live().series as ISeriesApi<'Candlestick'>;
    },
    element: root,
    get priceFormat() {
      return format;
    },
    setAnalysis(next) {
      live();
      analysis = next;
      mount();
    },
    setCandles(next) {
      live();
      candles = checkCandles(next);
      mount();
    },
    setTheme(next) {
      theme = next;
      style();
    },
    highlight: (key) => live().highlight(key),
    destroy: () => scope.close(),
  };
}
