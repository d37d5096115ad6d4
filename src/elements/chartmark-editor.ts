// <chartmark-editor>: mountAnalysisEditor as a custom element. Properties `candles`, `analysis`
// and `token` (a string or an async function) take data; attributes `api-base`, `analysis-id`,
// `community-id`, `channel-id`, `sender` and `theme` configure it. It mounts when connected
// with candles set, and re-mounts when what it loads changes. Events bubble as CustomEvents:
// `chartmark-ready`, `chartmark-change` (the analysis), `chartmark-status`, `chartmark-selection`
// and `chartmark-error`.
import {
  type AnalysisEditorHandle,
  type AnalysisEditorOptions,
  type AnalysisInput,
  type EmbedStrings,
  mountAnalysisEditor,
  type OhlcBar,
  type ThemeName,
  type TokenSource,
} from '../embed/index';
import { define, ElementBase, fire } from './base';

const RELOAD = ['api-base', 'analysis-id', 'community-id', 'channel-id', 'sender'] as const;

/** The `<chartmark-editor>` element. */
export class ChartmarkEditorElement extends ElementBase {
  static readonly observedAttributes = [...RELOAD, 'theme'];
  private handle: AnalysisEditorHandle | null = null;
  private data: {
    candles: readonly OhlcBar[] | null;
    analysis: AnalysisInput | null;
    token: TokenSource | null;
  } = {
    candles: null,
    analysis: null,
    token: null,
  };
  /** Replacement UI strings (set before the element connects). */
  strings: Partial<EmbedStrings> | undefined;

  /** The mounted editor's handle (null until mounted). */
  get editor(): AnalysisEditorHandle | null {
    return this.handle;
  }

  /** OHLC bars, `time` in UTC seconds. */
  get candles(): readonly OhlcBar[] | null {
    return this.data.candles;
  }
  set candles(value: readonly OhlcBar[] | null) {
    this.data.candles = value;
    if (this.handle && value) this.handle.setCandles(value);
    else this.refresh();
  }

  /** The analysis to start from when there is no API (wire form). */
  get analysis(): AnalysisInput | null {
    return this.data.analysis;
  }
  set analysis(value: AnalysisInput | null) {
    this.data.analysis = value;
    this.refresh(true);
  }

  /** The API token, or an async function returning a fresh one; read at each request, so it can change. */
  get token(): TokenSource | null {
    return this.data.token;
  }
  set token(value: TokenSource | null) {
    const had = this.data.token !== null;
    this.data.token = value;
    if (!had) this.refresh(true);
  }

  /** 'light' or 'dark', reflected to the `theme` attribute (frameworks may set either). */
  get theme(): ThemeName {
    return this.getAttribute('theme') === 'dark' ? 'dark' : 'light';
  }
  set theme(value: ThemeName) {
    this.setAttribute('theme', value);
  }

  /** Mounts the editor when the element enters the document (custom element lifecycle). */
  connectedCallback(): void {
    if (!this.style.display) this.style.display = 'block';
    this.refresh();
  }

  /** Destroys the editor when the element leaves the document. */
  disconnectedCallback(): void {
    this.unmount();
  }

  /** Applies a changed observed attribute. */
  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    if (name === 'theme') this.handle?.setTheme(value === 'dark' ? 'dark' : 'light');
    else this.refresh(true);
  }

  private options(): AnalysisEditorOptions | null {
    const candles = this.data.candles;
    if (!candles) return null;
    const base = this.getAttribute('api-base');
    const theme = this.theme;
    const common = { candles, theme, ...(this.strings ? { strings: this.strings } : {}) };
    if (base === null || this.data.token === null) {
      return { ...common, ...(this.data.analysis ? { analysis: this.data.analysis } : {}) };
    }
    const analysisId = this.getAttribute('analysis-id');
    const communityId = this.getAttribute('community-id');
    const channelId = this.getAttribute('channel-id');
    // The element's token may change at any time (a property set later): read it per request.
    const token = async (): Promise<string> => {
      const t = this.data.token;
      return typeof t === 'function' ? t() : (t ?? '');
    };
    return {
      ...common,
      api: { baseUrl: base, token },
      sender: this.getAttribute('sender') ?? '',
      ...(analysisId ? { analysisId } : {}),
      ...(communityId && channelId ? { channel: { communityId, channelId } } : {}),
    };
  }

  private refresh(remount = false): void {
    if (!this.isConnected) return;
    if (this.handle && !remount) return;
    this.unmount();
    const options = this.options();
    if (!options) return;
    try {
      const h = mountAnalysisEditor(this, options);
      this.handle = h;
      h.on('change', () => fire(this, 'chartmark-change', h.getAnalysis()));
      h.on('status', (status) => fire(this, 'chartmark-status', status));
      h.on('selection', (ids) => fire(this, 'chartmark-selection', ids));
      h.ready.then(
        () => this.handle === h && fire(this, 'chartmark-ready', h),
        (err: unknown) => this.handle === h && fire(this, 'chartmark-error', err),
      );
    } catch (err) {
      fire(this, 'chartmark-error', err);
    }
  }

  private unmount(): void {
    this.handle?.destroy();
    this.handle = null;
  }
}

define('chartmark-editor', ChartmarkEditorElement);
