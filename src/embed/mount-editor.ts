// mountAnalysisEditor: the whole editor in one call — chart (created here or the embedder's),
// the Konva overlay, toolbar, style panel, analysis form and save status, local or synced
// through the API — returning one handle whose destroy() leaves nothing behind.
import type { ChartOptions, DeepPartial, IChartApi, ISeriesApi } from 'lightweight-charts';
import { addCandleSeries, candleColourOptions, chartColourOptions, createCandleChart } from '../chart/index';
import { expiresAt, formatDayTime, parseTime, type UtcSeconds } from '../core/index';
import { createEditor, type EditorState, type EmptyDrag, type WireDrawing } from '../editor/index';
import { type EditorOverlay, mountEditorOverlay, toEditorKey } from '../konva/index';
import type { SyncEngine } from '../sync/index';
import { type CrossEvent, type LiveCrossings, localAlertStore } from '../view/index';
import type { AnalysisInput } from './analysis-input';
import { snapshotOf, type ViewAnalysis } from './analysis-snapshot';
import { checkBar, checkCandles, type EngineBar, type OhlcBar } from './candles';
import { el, Scope } from './dom';
import type { ApiOptions, SyncOptions } from './editor-sync';
import { mountEditorUi, type EditorParts, type EditorUi } from './editor-ui';
import { Emitter, type On } from './events';
import { localIdMemory } from './id-memory';
import { mountLiveRegion } from './live-region';
import { loadPart, loadWhenIdle } from './load-part';
import { bindPreferences, freshLocalPreferences, type PreferenceStore } from './preference-store';
import { formatterOf, type PriceFormat, priceFormatFor } from './price-format';
import { type EmbedStatus, type EmbedStrings, resolveStrings } from './strings';
import { adoptEmbedStyles } from './styles';
import { readChartColours, type ThemeName } from './theme';

/** Options of mountAnalysisEditor. Only `candles` is needed for a local editor. */
export interface AnalysisEditorOptions {
  /** lightweight-charts OHLC bars, `time` in UTC seconds, oldest first. */
  readonly candles?: readonly OhlcBar[];
  /** The embedder's own chart and candlestick series (then `candles` are set on it here, and the chart is left in place on destroy). */
  readonly chart?: IChartApi;
  readonly series?: ISeriesApi<'Candlestick'>;
  /** Options for the chart created here. */
  readonly chartOptions?: DeepPartial<ChartOptions>;
  /** The analysis to start from when editing locally (a Create body or a detail). */
  readonly analysis?: AnalysisInput;
  /** The API to load from and save to; with it, `sender` and `analysisId` or `channel` are required. */
  readonly api?: ApiOptions;
  readonly analysisId?: string;
  readonly channel?: { readonly communityId: string; readonly channelId: string };
  /** E-mail of the acting user (spec §3.1), the sender the token was issued for. */
  readonly sender?: string;
  readonly sync?: SyncOptions;
  /** When the analysis was created (HOURS expiry counts from it); default: the last candle, else now. */
  readonly createdAt?: number;
  readonly theme?: ThemeName;
  readonly strings?: Partial<EmbedStrings>;
  /** Which UI parts to build (all by default); false for a headless or custom UI. */
  readonly parts?: Partial<EditorParts>;
  /** Adopt the embed's stylesheet (default true); false when the page links the CSS file. */
  readonly styles?: boolean;
  /**
   * Where hotkeys are heard besides the focused chart: the embed's own element (default), or
   * `document` for a page that is this editor alone. Never page-wide unless asked.
   */
  readonly keyboardTarget?: HTMLElement | Document;
  /** Drag on empty chart space: 'pan' (default) pans, Shift/Ctrl-drag selects; 'marquee' selects. */
  readonly emptyDrag?: EmptyDrag;
  /** Where the user's magnet mode and drawing defaults are kept (default: localStorage, per `sender`); false keeps none. */
  readonly preferences?: PreferenceStore | false;
}

/** Events of the editor handle. An interface, so that later events extend it. */
export interface AnalysisEditorEvents {
  /** The document (drawings, levels, metadata) changed, locally or from the server. */
  readonly change: EditorState;
  /** The save status changed. */
  readonly status: EmbedStatus;
  /** The selected drawing ids changed. */
  readonly selection: readonly string[];
  /** A live bar (updateCandle) crossed a drawing; `alert` says whether it is marked "alert me". */
  readonly cross: CrossEvent;
}

/** A mounted editor. */
export interface AnalysisEditorHandle {
  readonly editor: ReturnType<typeof createEditor>;
  readonly chart: IChartApi;
  readonly series: ISeriesApi<'Candlestick'>;
  /** The overlay (replaced when the candles are replaced). */
  readonly overlay: EditorOverlay;
  /** The sync engine once loaded; null for a local editor. */
  readonly sync: SyncEngine | null;
  /** The embed's elements, for page layout and tests. */
  readonly elements: EditorUi;
  /**
   * Resolves when the analysis is loaded (from the API, or at once for a local editor) and the
   * panel's parts and the overlay's Konva layer, loaded after the chart is up, are in place (or
   * show that their code could not be fetched); rejects when the analysis cannot be loaded.
   */
  readonly ready: Promise<void>;
  readonly status: EmbedStatus;
  /** The current analysis in AnalysisDetail shape (for mountAnalysisView's preview). */
  getAnalysis(): ViewAnalysis;
  /** The drawings in wire form. */
  exportDrawings(): WireDrawing[];
  /** Replaces every candle. */
  setCandles(candles: readonly OhlcBar[]): void;
  /** Updates the last candle or appends a newer one (a live feed). */
  updateCandle(candle: OhlcBar): void;
  /** Marks or unmarks a drawing "alert me" (kept in this browser per analysis, never sent). */
  setAlert(drawingId: string, on: boolean): void;
  /** The drawing ids marked "alert me" in this analysis. */
  alerts(): string[];
  /** Switches between the light and dark theme. */
  setTheme(theme: ThemeName): void;
  on: On<AnalysisEditorEvents>;
  /** Sends pending edits now and resolves when the server has them (or sending stopped on an error or offline). */
  flush(): Promise<void>;
  /** Removes the chart (if created here), overlay, UI, listeners, timers, locks and styles. */
  destroy(): void;
}

// The decimals of a series' price format (0–15), or undefined when it has none usable.
function seriesPrecision(series: ISeriesApi<'Candlestick'>): number | undefined {
  const p = (series.options().priceFormat as { readonly precision?: unknown }).precision;
  return typeof p === 'number' && Number.isInteger(p) && p >= 0 && p <= 15 ? p : undefined;
}

// The createdAt of an AnalysisDetail handed in (a Create body has none).
function detailCreatedAt(input: AnalysisInput | undefined): UtcSeconds | undefined {
  const c = (input as { readonly createdAt?: unknown } | undefined)?.createdAt;
  return typeof c === 'string' ? (parseTime(c) ?? undefined) : undefined;
}

// The ids the input's drawings claim, read without validating it: reserved at mount, so that a
// drawing made before the input is validated and loaded never takes one of them.
function inputIds(input: AnalysisInput): string[] {
  const drawings: readonly unknown[] = Array.isArray(input.drawings) ? input.drawings : [];
  return drawings.flatMap((d) => {
    const id = (d as { readonly id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

const nowSeconds = () => Math.floor(Date.now() / 1000) as UtcSeconds;

/** Mounts the analysis editor into `container`. */
export function mountAnalysisEditor(
  container: HTMLElement,
  options: AnalysisEditorOptions = {},
): AnalysisEditorHandle {
  if (options.api && !options.sender)
    throw new TypeError('sender: required with api (the e-mail the token was issued for)');
  if ((options.chart === undefined) !== (options.series === undefined))
    throw new TypeError('chart and series: pass both (your chart and its candlestick series) or neither');
  let candles: EngineBar[] = checkCandles(options.candles ?? []);
  // The sync engine once loaded (read by the alert and expiry closures below, so declared first).
  let engine: SyncEngine | null = null;
  // Crossing alerts of live bars; marks are the viewer's, per analysis (a local one is 'local').
  const alertStore = localAlertStore();
  const alertKey = (): string => engine?.analysisId ?? options.analysisId ?? 'local';
  // Ids this analysis used before in this browser stay taken: a deleted drawing's id is never handed out again.
  const idMemory = localIdMemory();
  const doc = container.ownerDocument;
  const scope = new Scope();
  const abort = new AbortController();
  scope.add(() => abort.abort());
  const events = new Emitter<AnalysisEditorEvents>();
  const strings = resolveStrings(options.strings);
  let theme: ThemeName = options.theme ?? 'light';
  if (options.styles !== false) scope.add(adoptEmbedStyles(container));

  const editor = createEditor(undefined, { emptyDrag: options.emptyDrag ?? 'pan' });
  editor.reserveIds(idMemory.load(alertKey()));
  const input = options.analysis;
  if (input) editor.reserveIds(inputIds(input));
  if (options.preferences !== false) {
    const user = options.sender ?? '';
    const store = options.preferences ?? freshLocalPreferences(user);
    if (store) bindPreferences(editor, store, scope);
    else {
      // Stored preferences are checked against the wire schema, a chunk of its own; a magnet or
      // defaults the user set before it arrives win over the stored ones (and are saved).
      const start = editor.getState();
      loadPart('preferences', () => import('./preferences')).then(
        ({ localPreferences }) => {
          if (scope.isClosed) return;
          const s = editor.getState();
          const local = localPreferences(user);
          const untouched = s.magnet === start.magnet && s.drawingDefaults === start.drawingDefaults;
          bindPreferences(editor, untouched ? local : { load: () => ({}), save: local.save }, scope);
        },
        // Without its code the editor keeps the built-in defaults: nothing stored is changed.
        () => {},
      );
    }
  }
  let format: PriceFormat = priceFormatFor({ candles, symbol: editor.getState().metadata.symbol });
  const createdAt = (): UtcSeconds =>
    (options.createdAt ?? (candles.length ? candles[candles.length - 1].time : nowSeconds())) as UtcSeconds;
  // When the stored analysis was created: the server's (once loaded or saved) beats the page's
  // option, which beats a detail handed in; a new local one counts from the last candle. HOURS
  // expiry counts from it through core's expiresAt, as the server and a post count.
  const inputCreatedAt = detailCreatedAt(options.analysis);
  const storedCreatedAt = (): UtcSeconds =>
    engine?.createdAt ?? (options.createdAt as UtcSeconds | undefined) ?? inputCreatedAt ?? createdAt();
  const expiry = (): UtcSeconds | null => expiresAt(editor.getState().metadata.expiry, storedCreatedAt());
  const root = el(doc, 'div', 'cm-embed cm-editor');
  root.dataset.theme = theme;
  container.append(root);
  scope.add(() => root.remove());
  const ownChart = !options.chart;
  const ui = mountEditorUi({
    doc,
    root,
    editor,
    strings,
    scope,
    parts: options.parts,
    ownChart,
    focusChart: () => chartBox.focus({ preventScroll: true }),
    levelStep: () => format.minMove,
    defaultTime: () => createdAt(),
    alertStore,
    alertKey,
    expiresAt: expiry,
  });
  const chart: IChartApi =
    options.chart ??
    createCandleChart(ui.chart as HTMLElement, {
      autoSize: true,
      // fixLeftEdge: nothing lies before the first bar, and it is what makes lightweight-charts
      // shift the first time label inside the axis instead of cutting it ("2026" read "26").
      timeScale: { timeVisible: true, rightOffset: 30, fixLeftEdge: true },
      ...options.chartOptions,
    });
  if (ownChart) scope.add(() => chart.remove());
  const series: ISeriesApi<'Candlestick'> = options.series ?? addCandleSeries(chart);
  const chartBox = (ui.chart ?? chart.chartElement().parentElement) as HTMLElement;
  if (!chartBox) throw new Error('chart: its element must sit in a container element');

  const applyTheme = (): void => {
    root.dataset.theme = theme;
    const colours = readChartColours(root, theme);
    if (ownChart) {
      // Two calls: lightweight-charts merges each deeply, so the page's options win field by field.
      chart.applyOptions(chartColourOptions(colours));
      if (options.chartOptions) chart.applyOptions(options.chartOptions);
    }
    if (!options.series) series.applyOptions(candleColourOptions(colours));
  };
  const applyFormat = (): void => {
    format = priceFormatFor({ candles, symbol: editor.getState().metadata.symbol });
    if (!options.series) series.applyOptions({ priceFormat: format });
    // Stored prices carry the decimals the series quotes (its price format), no float noise.
    editor.setPricePrecision(seriesPrecision(series) ?? format.precision);
  };
  applyTheme();
  applyFormat();
  if (candles.length > 0 || !options.series) series.setData(candles);
  if (ownChart) chart.timeScale().fitContent();
  // Mounted once: new candles and a new creation time reach it in place, so no gesture is cut off.
  const overlay: EditorOverlay = mountEditorOverlay({
    container: chartBox,
    chart,
    series,
    candles,
    editor,
    options: { createdAt: storedCreatedAt(), formatPrice: (p) => formatterOf(format)(p) },
  });
  scope.add(() => overlay.destroy());
  const label = (): void => {
    const m = editor.getState().metadata;
    chartBox.setAttribute('aria-label', strings.chartEditorLabel(m.symbol, m.timeframe));
  };
  label();
  // Each change in words for screen readers, prices as the series quotes them.
  mountLiveRegion(doc, root, editor, strings, scope, () => ({
    price: formatterOf(format),
    time: formatDayTime,
  }));

  // Hotkeys while focus is anywhere in the embed (the toolbar, the panel), not page-wide unless
  // the page asks; keys on the chart itself are the overlay's, and typing in a field never fires one.
  scope.listen(options.keyboardTarget ?? root, 'keydown', (event: Event) => {
    const e = event as KeyboardEvent;
    if (e.target instanceof Node && chartBox.contains(e.target)) return;
    const handled = editor.key(toEditorKey(e), overlay.viewport);
    if (handled) e.preventDefault();
  });

  let status: EmbedStatus = options.api ? { kind: 'saving' } : { kind: 'local' };
  // Crossings of live bars are a chunk of their own, loaded once the chart is up: until then the
  // bars they start from and the live bars since are kept, and replayed in order when it arrives.
  let crossingsPart: typeof import('./live-crossings') | null = null;
  let liveCrossings: LiveCrossings | null = null;
  let crossingHistory: readonly EngineBar[] = [...candles];
  const earlyBars: EngineBar[] = [];
  const crossingsOver = (bars: readonly EngineBar[]): LiveCrossings | null =>
    crossingsPart?.createLiveCrossings(alertKey, () => editor.getState().drawings, bars, alertStore) ?? null;
  const crossed = (bar: EngineBar): void => {
    if (!liveCrossings || !crossingsPart) return void earlyBars.push(bar);
    for (const event of liveCrossings.update(bar)) {
      if (event.alert)
        ui.notify(
          crossingsPart.crossingText(editor.getState().byId[event.crossing.drawingId], event.crossing),
        );
      events.emit('cross', event);
    }
  };
  const crossingsLoaded = loadWhenIdle(
    doc,
    scope,
    'crossings',
    () => import('./live-crossings'),
    (part) => {
      crossingsPart = part;
      liveCrossings = crossingsOver(crossingHistory);
      for (const bar of earlyBars.splice(0)) crossed(bar);
    },
    // Live bars still update the chart; the notices say that crossings cannot be told.
    () => ui.notify(strings.partFailed(strings.alerts)),
  );
  // The overlay's Konva layer is a chunk too: without it drawings stay painted and editable, but
  // have no handles, which the status line says for as long as the page lives.
  let handlesFailed = false;
  const setStatus = (s: EmbedStatus): void => {
    status = s;
    const line = strings.status(s);
    ui.showStatus(handlesFailed ? `${line} · ${strings.partFailed(strings.handlesPart)}` : line, s.kind);
    events.emit('status', s);
  };
  setStatus(status);
  const handlesLoaded = overlay.ready.catch(() => {
    if (scope.isClosed) return;
    handlesFailed = true;
    setStatus(status);
  });
  let lastSelection = editor.getState().selection;
  let lastSymbol = editor.getState().metadata;
  // True while the analysis handed in is loaded: the state the editor starts from is no change.
  let starting = false;
  scope.add(
    editor.subscribe((state, change) => {
      if (change.document && !starting) {
        idMemory.save(alertKey(), editor.idHighWater());
        events.emit('change', state);
      }
      if (state.selection !== lastSelection) {
        lastSelection = state.selection;
        events.emit('selection', state.selection);
      }
      if (state.metadata !== lastSymbol) {
        lastSymbol = state.metadata;
        label();
        if (format.precision !== priceFormatFor({ candles, symbol: state.metadata.symbol }).precision)
          applyFormat();
      }
    }),
  );

  // The analysis handed in is validated by the schema, a chunk of its own fetched here (an editor
  // given none never loads zod); drawings made before it arrives are kept on top of it.
  const inputLoaded: Promise<void> = input
    ? loadPart('analysis', () => import('./analysis-input')).then(({ documentFromInput }) => {
        const doc = documentFromInput(input);
        if (scope.isClosed) return;
        const meanwhile = editor.getState().drawings;
        starting = meanwhile.length === 0;
        try {
          editor.load(meanwhile.length ? { ...doc, drawings: [...doc.drawings, ...meanwhile] } : doc);
        } finally {
          starting = false;
        }
      })
    : Promise.resolve();
  const api = options.api;
  // The sync engine and API client are a chunk of their own, fetched here: only an editor with an
  // api loads them. The server's analysis replaces the one handed in, so it loads after it.
  const loaded: Promise<void> = api
    ? inputLoaded
        .then(() => loadPart('sync', () => import('./editor-sync')))
        .then(({ connect }) =>
          connect({
            editor,
            api,
            sender: options.sender as string,
            analysisId: options.analysisId,
            channel: options.channel,
            sync: options.sync,
            scope,
            signal: abort.signal,
          }),
        )
        .then(
          (e) => {
            if (!e || scope.isClosed) return;
            let base = storedCreatedAt();
            engine = e;
            editor.reserveIds(idMemory.load(alertKey()));
            const createdAtMoved = (): void => {
              if (storedCreatedAt() === base) return;
              base = storedCreatedAt();
              ui.refreshExpiry();
              // In place: the first save's answer often arrives while the next drawing is being drawn.
              overlay.setCreatedAt(base);
            };
            scope.add(
              e.subscribe((s) => {
                setStatus(s);
                createdAtMoved();
                // A draft's id arrives with its first save: its ids are kept under it from then on.
                idMemory.save(alertKey(), editor.idHighWater());
              }),
            );
            setStatus(e.status);
            createdAtMoved();
          },
          (err: unknown) => {
            if (!scope.isClosed)
              setStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
            throw err;
          },
        )
    : inputLoaded.catch((err: unknown) => {
        if (!scope.isClosed)
          setStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
        throw err;
      });
  const ready = Promise.all([loaded, ui.loaded, crossingsLoaded, handlesLoaded]).then(() => {});
  // A rejected `ready` nobody awaits is shown in the status line, not as an unhandled rejection.
  ready.catch(() => {});

  return {
    editor,
    chart,
    series,
    get overlay() {
      return overlay;
    },
    get sync() {
      return engine;
    },
    elements: ui,
    ready,
    get status() {
      return status;
    },
    getAnalysis: () =>
      snapshotOf(editor.getState(), {
        id: engine?.analysisId ?? options.analysisId ?? null,
        communityId: options.channel?.communityId ?? '',
        channelId: options.channel?.channelId ?? '',
        sender: options.sender ?? '',
        createdAt: storedCreatedAt(),
        version: status.kind === 'saved' ? status.version : 0,
        now: nowSeconds(),
      }),
    exportDrawings: () => editor.exportDrawings(),
    setCandles(next) {
      candles = checkCandles(next);
      crossingHistory = [...candles];
      earlyBars.length = 0;
      liveCrossings = crossingsOver(candles);
      series.setData(candles);
      applyFormat();
      overlay.setCandles(candles);
    },
    updateCandle(next) {
      const bar = checkBar(next, 'candle');
      const last = candles[candles.length - 1];
      if (last && bar.time < last.time)
        throw new RangeError(
          `candle.time: must not be before the last candle (${last.time}), got ${bar.time}`,
        );
      series.update(bar);
      if (last && bar.time === last.time) candles[candles.length - 1] = bar;
      else {
        candles.push(bar);
        // A new bar moves the overlay's time axis (updates of the last bar do not); a drag or a
        // drawing in progress goes on through it.
        overlay.setCandles(candles);
      }
      crossed(bar);
    },
    setAlert(drawingId, on) {
      alertStore.set(alertKey(), drawingId, on);
      ui.refreshAlerts();
    },
    alerts: () => [...alertStore.marked(alertKey())],
    setTheme(next) {
      theme = next;
      applyTheme();
      overlay.repaint();
    },
    on: (event, fn) => {
      const off = events.on(event, fn);
      scope.add(off);
      return off;
    },
    async flush() {
      await ready.catch(() => {});
      const e = engine;
      if (!e) return;
      e.flush();
      // Each settled() ends one step (a request); stop when nothing is left or sending cannot go on.
      for (let i = 0; i < 20 && !e.isIdle() && !scope.isClosed; i++) {
        await e.settled();
        if (e.status.kind === 'error' || e.status.kind === 'offline' || e.status.kind === 'incomplete')
          return;
        if (!e.isIdle()) e.flush();
      }
    },
    destroy() {
      if (scope.isClosed) return;
      events.clear();
      scope.close();
    },
  };
}
