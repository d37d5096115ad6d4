// What mountAnalysisView hands its optional parts (the outcome, the crossing alerts): each part is
// a value the caller passes in, so a post that does not show it does not ship it.
import type { ISeriesApi } from 'lightweight-charts';
import type { Analysis } from '../core/analysis';
import type { Viewport } from '../core/viewport';
import type { AnalysisDetailWire, Candle } from '../svg/index';

/** What a view part sees of the view it is mounted on. */
export interface ViewPartContext {
  /** The chart's element (role=img); parts place their own elements after it. */
  readonly container: HTMLElement;
  /** The analysis as given (AnalysisDetail wire shape). */
  readonly analysis: AnalysisDetailWire;
  /** The same analysis read into the domain model. */
  readonly model: Analysis;
  /** The candlestick series the view's primitives are attached to. */
  readonly series: ISeriesApi<'Candlestick'>;
  /** The chart's live viewport (time and price to pane pixels). */
  readonly viewport: Viewport;
  /** The view's candles at mount, in time order (live bars arrive through `update`). */
  readonly candles: readonly Candle[];
  /** The view's clock in UTC seconds (undefined: the page's). */
  readonly now: number | undefined;
  /** The theme's colour for anything whose colour is not a `#hex`. */
  readonly fallbackColor: string;
}
