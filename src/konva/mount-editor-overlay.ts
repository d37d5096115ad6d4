// The editor overlay over a lightweight-charts chart, in two non-listening layers. Committed
// drawings are painted by ONE call that walks their scenes (design.md §5: per-node cost
// dominates) onto a pane-sized canvas; the few active things — hovered/selected/placed
// drawings, handles, levels, the expiry marker, axis labels, the marquee — are Konva nodes on a
// small stage above it. Konva's own hit canvas is never used: the editor hit-tests with the
// core and tells us the cursor. A layer with nothing to paint is hidden, not cleared.
// Konva is a chunk of its own (interactive-layer.ts), loaded just after the first paint or at
// once on the first input: until it is there a plain canvas paints the same active scenes with
// the same pixels (plain-active-layer.ts), and input changes the editor's state as always.
import type { IChartApi, ISeriesApi, SeriesType } from 'lightweight-charts';
import { type Bar, type BarLookup, createBarLookup } from '../chart/bar-lookup';
import { type ChartViewport, createChartViewport } from '../chart/chart-viewport';
import { onViewportChange } from '../chart/viewport-change';
import { followKeyboardCursor, followMagnet } from './crosshair';
import { installCursorStyles } from './cursor';
import { createDeviceCanvas } from './device-canvas';
import { type OverlayEditor, wireInput } from './input-wiring';
import type { InteractiveLayer } from './interactive-layer';
import { afterPaintIdle, loadPart } from './lazy';
import { plainActiveLayer } from './plain-active-layer';
import { type OverlayLayout, OverlayRenderer } from './overlay-renderer';
import { viewportShape, viewportSignature } from './overlay-scenes';
import { type PaintStats, TextWidthCache } from '../render/scene-painter';
import type { Viewport } from '../core/viewport';
import type { UtcSeconds } from '../core/units';

/** Options of the overlay. */
export interface EditorOverlayOptions {
  /** Canvas pixel ratio; default window.devicePixelRatio. */
  readonly pixelRatio?: number;
  /** Handle radius in px for mouse/pen and for touch (touch needs a bigger target). */
  readonly handleRadius?: { readonly mouse: number; readonly touch: number };
  /** When the analysis was created (HOURS expiry counts from it); default: mount time. */
  readonly createdAt?: UtcSeconds;
  /** Price formatter for labels. */
  readonly formatPrice?: (price: number) => string;
}

/** What mountEditorOverlay needs. */
export interface EditorOverlayInput {
  /** The element the chart was created in; it becomes focusable and receives input. */
  readonly container: HTMLElement;
  readonly chart: IChartApi;
  readonly series: ISeriesApi<SeriesType>;
  /** The series' candles, oldest first (time in UTC seconds). */
  readonly candles: readonly Bar[];
  readonly editor: OverlayEditor;
  readonly options?: EditorOverlayOptions;
}

/** A mounted overlay. */
export interface EditorOverlay {
  /** Removes the stage and every listener; the chart is left as it was. */
  destroy(): void;
  /** Repaints on the next animation frame. */
  repaint(): void;
  /** The live viewport the overlay paints with. */
  readonly viewport: ChartViewport;
  /**
   * Takes the series' candles after they changed (a new live bar, new history), keeping a drag,
   * a drawing in progress and the selection as they are; throws when times are not increasing.
   */
  setCandles(candles: readonly Bar[]): void;
  /** Moves the time HOURS expiries count from (the analysis was saved and got its own), keeping any gesture. */
  setCreatedAt(createdAt: UtcSeconds): void;
  /** Counts of the last static-layer paint (for tests and benchmarks). */
  lastStaticPaint(): PaintStats | null;
  /**
   * Resolves when the Konva interactive layer (handles, marquee) is in place — its code is a
   * chunk loaded just after the first paint — or the overlay was destroyed first; rejects, naming
   * the cause and what to do, when that code cannot be loaded (drawings stay painted and editable).
   */
  readonly ready: Promise<void>;
}

/** Events that start loading the Konva layer at once: the user is about to need its handles. */
const FIRST_INPUT = ['pointerover', 'pointerdown', 'keydown', 'focusin', 'touchstart'] as const;

/** Mounts the editor overlay over `chart` and wires pointer and keyboard input into `editor`. */
export function mountEditorOverlay(input: EditorOverlayInput): EditorOverlay {
  const { container, chart, series, candles, editor } = input;
  const options = input.options ?? {};
  const radius = options.handleRadius ?? { mouse: 5, touch: 10 };
  let createdAt = options.createdAt ?? (Math.floor(Date.now() / 1000) as UtcSeconds);
  const viewport = createChartViewport(
    chart,
    series,
    candles.map((c) => c.time),
  );
  let barLookup = createBarLookup(candles);
  // The input and crosshair helpers keep this object; setCandles swaps what it looks in.
  const bars: BarLookup = { nearestBar: (time) => barLookup.nearestBar(time) };
  const probeOf = (list: readonly Bar[]): number => (list.length ? list[list.length - 1].close : 1);
  let probePrice = probeOf(candles);

  installCursorStyles(container.ownerDocument);
  if (!container.hasAttribute('tabindex')) container.tabIndex = 0;
  if (!container.hasAttribute('role')) container.setAttribute('role', 'application');
  container.setAttribute('aria-roledescription', 'chart editor');
  // The chart pans by itself; the browser must not scroll the page under a touch drag.
  container.style.touchAction = 'none';

  const host = container.ownerDocument.createElement('div');
  host.className = 'chartmark-overlay';
  host.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;z-index:3';
  container.append(host);
  // Committed drawings go on a plain canvas the size of the pane, under the Konva stage: it is
  // repainted on every pan and zoom frame, and a smaller canvas is less to clear and to hand
  // to the compositor; Konva's node tree would only wrap the one draw call it holds.
  // Its bitmap matches the box's device pixels exactly (device-canvas.ts); when the browser
  // reports a size other than the one painted at, the layer is painted again.
  const staticLayer = createDeviceCanvas(container.ownerDocument, options.pixelRatio, () => {
    renderer.forgetStatic();
    schedule();
  });
  const staticCanvas = staticLayer.canvas;
  staticCanvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;display:none';
  const cache = new TextWidthCache();
  // The active things on a plain canvas above the committed ones, until Konva's layer arrives.
  const plain = plainActiveLayer(container.ownerDocument, cache);
  host.append(staticCanvas, plain.canvas);
  const renderer = new OverlayRenderer(staticLayer, plain.paint, cache);
  let interactive: InteractiveLayer | null = null;
  let size = { width: 0, height: 0 };

  // Sizes come from the chart's API, not the DOM: reading offset/client sizes every frame
  // would force a synchronous layout right after lightweight-charts touched its DOM.
  const layout = (vp: Viewport): OverlayLayout => {
    const paneWidth = vp.width as number;
    const paneHeight = vp.height as number;
    const priceAxisWidth = chart.priceScale('right').width();
    const timeAxisHeight = chart.timeScale().height();
    return {
      width: paneWidth + priceAxisWidth,
      height: paneHeight + timeAxisHeight,
      paneWidth,
      paneHeight,
      priceAxisWidth,
      timeAxisHeight,
    };
  };

  let frame = 0;
  let destroyed = false;
  const paint = (): void => {
    frame = 0;
    if (destroyed) return;
    // One frozen mapping for the whole frame: scenes convert thousands of prices.
    const vp = viewport.snapshot();
    const l = layout(vp);
    if (size.width !== l.width || size.height !== l.height) {
      size = { width: l.width, height: l.height };
      interactive?.resize(l.width, l.height);
      // The stage's origin is the pane's top-left corner (after a left price axis, if any).
      const el = chart.chartElement();
      host.style.left = `${el.offsetLeft + chart.priceScale('left').width()}px`;
      host.style.top = `${el.offsetTop}px`;
      renderer.forget();
    }
    renderer.paint({
      state: editor.getState(),
      viewport: vp,
      signature: viewportSignature(vp, probePrice),
      shape: () => viewportShape(vp, probePrice),
      layout: l,
      handleRadius: wiring.pointerKind() === 'touch' ? radius.touch : radius.mouse,
      createdAt,
      formatPrice: options.formatPrice,
      // Read every frame: a browser zoom or a move to another screen changes it.
      pixelRatio: options.pixelRatio ?? window.devicePixelRatio ?? 1,
    });
  };
  const schedule = (): void => {
    if (!destroyed && frame === 0) frame = requestAnimationFrame(paint);
  };

  const wiring = wireInput({ container, chart, viewport, editor, bars, changed: schedule });
  const offCrosshair = followMagnet({
    container,
    chart,
    series,
    viewport,
    bars,
    magnet: () => editor.getState().magnet,
  });
  const offKeyboardCursor = followKeyboardCursor({ chart, series, bars, editor });
  // Right after the chart's own paint, in the same frame, so drawings never lag the candles.
  const paintNow = (): void => {
    if (destroyed) return;
    if (frame !== 0) cancelAnimationFrame(frame);
    paint();
  };
  const offViewport = onViewportChange(chart, series, paintNow);
  const offEditor = editor.subscribe(() => schedule());
  schedule();

  // The Konva layer's chunk: fetched once the page is idle after this first paint, or at once on
  // the first input. When it arrives it takes over from the plain canvas within the same task
  // (repainted from the editor's state now, so input made meanwhile shows at once).
  let resolveReady = (): void => {};
  let rejectReady = (_: unknown): void => {};
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const triggers: Array<() => void> = [];
  const stopTriggers = (): void => {
    for (const off of triggers.splice(0)) off();
  };
  let loading = false;
  const load = (): void => {
    if (loading || destroyed) return;
    loading = true;
    stopTriggers();
    loadPart('interactive layer', () => import('./interactive-layer')).then(
      (m) => {
        if (destroyed) return resolveReady();
        try {
          interactive = m.mountInteractiveLayer(host, cache);
          // Konva empties its container: the committed drawings' canvas goes back under the stage.
          host.insertBefore(staticCanvas, host.firstChild);
          plain.destroy();
          interactive.resize(size.width, size.height);
          renderer.switchActive(interactive.paint);
          paintNow();
          resolveReady();
        } catch (err) {
          // Konva failed to set up: back to the plain canvas, which keeps painting everything.
          interactive?.destroy();
          interactive = null;
          host.replaceChildren(staticCanvas, plain.canvas);
          renderer.switchActive(plain.paint);
          schedule();
          rejectReady(err);
        }
      },
      // The plain canvas stays: committed drawings, levels and selections go on being painted.
      (err: unknown) => (destroyed ? resolveReady() : rejectReady(err)),
    );
  };
  triggers.push(afterPaintIdle(container.ownerDocument.defaultView, load));
  for (const type of FIRST_INPUT) {
    container.addEventListener(type, load, { capture: true, passive: true });
    triggers.push(() => container.removeEventListener(type, load, { capture: true }));
  }
  // A failure shows through `ready` (the embed's status line), never as an unhandled rejection.
  ready.catch(() => {});

  return {
    viewport,
    ready,
    repaint: () => {
      renderer.forgetState();
      schedule();
    },
    lastStaticPaint: () => renderer.lastStaticPaint(),
    setCandles(next) {
      const lookup = createBarLookup(next);
      if (next.length > 0) viewport.setTimes(next.map((c) => c.time));
      barLookup = lookup;
      probePrice = probeOf(next);
      renderer.forgetScenes();
      schedule();
    },
    setCreatedAt(next) {
      if (next === createdAt) return;
      createdAt = next;
      renderer.forget();
      schedule();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (frame !== 0) cancelAnimationFrame(frame);
      wiring.detach();
      offCrosshair();
      offKeyboardCursor();
      offViewport();
      offEditor();
      stopTriggers();
      resolveReady();
      staticLayer.destroy();
      interactive?.destroy();
      plain.destroy();
      host.remove();
    },
  };
}
