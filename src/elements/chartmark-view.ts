// <chartmark-view>: mountAnalysisView as a custom element. Properties `candles` and `analysis`
// (AnalysisDetail shape, e.g. from the API or an editor's `chartmark-change` event); attribute
// `theme`. Fires `chartmark-ready` after each mount and `chartmark-error` when the data is bad.
import {
  type AnalysisViewHandle,
  mountAnalysisView,
  type OhlcBar,
  type ThemeName,
  type ViewAnalysis,
} from '../embed/index';
import { define, ElementBase, fire } from './base';

/** The `<chartmark-view>` element. */
export class ChartmarkViewElement extends ElementBase {
  static readonly observedAttributes = ['theme', 'interactive'];
  private handle: AnalysisViewHandle | null = null;
  private data: { candles: readonly OhlcBar[]; analysis: ViewAnalysis | null } = {
    candles: [],
    analysis: null,
  };

  /** The mounted view's handle (null until mounted). */
  get view(): AnalysisViewHandle | null {
    return this.handle;
  }

  /** OHLC bars, `time` in UTC seconds (optional: without them the analysis shows on its own extent). */
  get candles(): readonly OhlcBar[] {
    return this.data.candles;
  }
  set candles(value: readonly OhlcBar[] | null) {
    this.data.candles = value ?? [];
    if (this.handle) this.guard(() => this.handle?.setCandles(this.data.candles));
    else this.refresh();
  }

  /** The analysis shown. */
  get analysis(): ViewAnalysis | null {
    return this.data.analysis;
  }
  set analysis(value: ViewAnalysis | null) {
    this.data.analysis = value;
    if (this.handle && value) this.guard(() => this.handle?.setAnalysis(value));
    else this.refresh(true);
  }

  /** 'light' or 'dark', reflected to the `theme` attribute (frameworks may set either). */
  get theme(): ThemeName {
    return this.themeName();
  }
  set theme(value: ThemeName) {
    this.setAttribute('theme', value);
  }

  /** Mounts the view when the element enters the document (custom element lifecycle). */
  connectedCallback(): void {
    if (!this.style.display) this.style.display = 'block';
    this.refresh();
  }

  /** Destroys the view when the element leaves the document. */
  disconnectedCallback(): void {
    this.handle?.destroy();
    this.handle = null;
  }

  /** Applies a changed observed attribute. */
  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    if (name === 'theme') this.handle?.setTheme(this.themeName());
    else this.refresh(true);
  }

  private themeName(): ThemeName {
    return this.getAttribute('theme') === 'dark' ? 'dark' : 'light';
  }

  private guard(run: () => void): void {
    try {
      run();
      fire(this, 'chartmark-ready', this.handle);
    } catch (err) {
      fire(this, 'chartmark-error', err);
    }
  }

  private refresh(remount = false): void {
    if (!this.isConnected || (this.handle && !remount)) return;
    this.handle?.destroy();
    this.handle = null;
    const analysis = this.data.analysis;
    if (!analysis) return;
    this.guard(() => {
      this.handle = mountAnalysisView(this, {
        analysis,
        candles: this.data.candles,
        theme: this.themeName(),
        interactive: this.hasAttribute('interactive'),
      });
    });
  }
}

define('chartmark-view', ChartmarkViewElement);
