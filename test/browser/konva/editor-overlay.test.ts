import { CandlestickSeries, createChart, type IChartApi, type UTCTimestamp } from 'lightweight-charts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import type { Drawing } from '../../../src/core/drawing';
import { createDrawing } from '../../../src/core/kinds/registry';
import type { Price, UtcSeconds } from '../../../src/core/units';
import { createEditor } from '../../../src/editor/editor';
import type { Editor } from '../../../src/editor/editor-api';
import { type EditorOverlay, mountEditorOverlay } from '../../../src/konva';
import { firePointer } from '../pointer';

const frames = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};
const candles = demoCandles().map((c) => ({ ...c, time: c.time as UtcSeconds }));
const times = candles.map((c) => c.time);
const HOUR = 3600;
const LAST = times[times.length - 1];
const FRI_LAST = (Date.UTC(2026, 0, 9, 21) / 1000) as UtcSeconds;
const SUN_FIRST = (Date.UTC(2026, 0, 11, 22) / 1000) as UtcSeconds;
const SATURDAY = (Date.UTC(2026, 0, 10, 12) / 1000) as UtcSeconds;
const pt = (time: number, price: number) => ({ time: time as UtcSeconds, price: price as Price });

let host: HTMLDivElement;
let chart: IChartApi;
let series: ReturnType<IChartApi['addSeries']>;
let editor: Editor;
let overlay: EditorOverlay;

/**
 * `pixelRatio: null` leaves the overlay to follow window.devicePixelRatio; `konva: false` returns
 * before the Konva layer's chunk is there.
 */
async function mount(drawings: Drawing[], pixelRatio: number | null = 1, konva = true) {
  host = document.createElement('div');
  host.style.cssText = 'width:900px;height:420px;position:relative';
  document.body.append(host);
  chart = createChart(host, { width: 900, height: 420, crosshair: { mode: 2 } });
  series = chart.addSeries(CandlestickSeries, {
    upColor: '#dddddd',
    downColor: '#dddddd',
    wickVisible: false,
    borderVisible: false,
  });
  series.setData(candles.map((c) => ({ ...c, time: c.time as unknown as UTCTimestamp })));
  chart.timeScale().setVisibleLogicalRange({ from: 60, to: times.length + 20 });
  editor = createEditor({ drawings });
  const options = pixelRatio === null ? {} : { pixelRatio };
  overlay = mountEditorOverlay({ container: host, chart, series, candles, editor, options });
  if (!konva) return;
  // The Konva layer is a chunk of its own: these tests read its canvas.
  await overlay.ready;
  await frames();
}

/** Rows (or columns) of the static overlay canvas where the pixel is opaque pure-ish `rgb`. */
function staticCanvas(): CanvasRenderingContext2D {
  const canvas = host.querySelector('.chartmark-overlay canvas') as HTMLCanvasElement;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no context');
  return ctx;
}
const isColor = (d: Uint8ClampedArray, i: number, rgb: readonly number[]) =>
  d[i + 3] > 200 &&
  Math.abs(d[i] - rgb[0]) < 40 &&
  Math.abs(d[i + 1] - rgb[1]) < 40 &&
  Math.abs(d[i + 2] - rgb[2]) < 40;
function rowsWith(ctx: CanvasRenderingContext2D, x: number, rgb: readonly number[]): number[] {
  const h = ctx.canvas.height;
  const d = ctx.getImageData(x, 0, 1, h).data;
  return Array.from({ length: h }, (_, y) => y).filter((y) => isColor(d, y * 4, rgb));
}
function columnsWith(ctx: CanvasRenderingContext2D, y: number, rgb: readonly number[]): number[] {
  const w = ctx.canvas.width;
  const d = ctx.getImageData(0, y, w, 1).data;
  return Array.from({ length: w }, (_, x) => x).filter((x) => isColor(d, x * 4, rgb));
}

afterEach(() => {
  overlay.destroy();
  chart.remove();
  host.remove();
});

describe('mountEditorOverlay paints drawings where the chart puts their time and price', () => {
  const RED = [255, 0, 0];
  const GREEN = [0, 160, 0];

  beforeEach(async () => {
    await mount([
      createDrawing('HORIZONTAL_LINE', 'h', [pt(times[150], 1.3452)], { color: '#FF0000' }),
      // A flat line from a bar into the future, 10 hours after the last bar.
      createDrawing('LINE', 'future', [pt(times[200], 1.3555), pt(LAST + 10 * HOUR, 1.3555)], {
        color: '#00A000',
      }),
      // A flat line that ends on a Saturday, inside the weekend gap.
      createDrawing('LINE', 'weekend', [pt(FRI_LAST - 20 * HOUR, 1.3385), pt(SATURDAY, 1.3385)], {
        color: '#0000FF',
      }),
    ]);
  });

  it('puts a horizontal line on the row of series.priceToCoordinate, within 1 px', () => {
    const y = series.priceToCoordinate(1.3452) as number;
    const rows = rowsWith(staticCanvas(), 300, RED);
    expect(rows.length).toBe(1);
    expect(Math.abs(rows[0] + 0.5 - y)).toBeLessThanOrEqual(1);
    expect(Math.abs(overlay.viewport.priceToY(1.3452 as Price) - y)).toBeLessThan(1e-9);
  });

  it('ends a line 10 hours after the last bar where the chart puts logical index last + 10', () => {
    const expectedX = chart.timeScale().logicalToCoordinate((times.length - 1 + 10) as never) as number;
    expect(Math.abs(overlay.viewport.timeToX((LAST + 10 * HOUR) as UtcSeconds) - expectedX)).toBeLessThan(
      1e-6,
    );
    const y = Math.floor(series.priceToCoordinate(1.3555) as number);
    const cols = columnsWith(staticCanvas(), y, GREEN);
    const xStart = chart.timeScale().timeToCoordinate(times[200] as unknown as UTCTimestamp) as number;
    expect(Math.abs(cols[0] - xStart)).toBeLessThanOrEqual(1);
    expect(Math.abs(cols[cols.length - 1] + 1 - expectedX)).toBeLessThanOrEqual(1);
  });

  it('ends a line on a Saturday between the Friday and Sunday bars, proportionally', () => {
    const ts = chart.timeScale();
    const xFri = ts.timeToCoordinate(FRI_LAST as unknown as UTCTimestamp) as number;
    const xSun = ts.timeToCoordinate(SUN_FIRST as unknown as UTCTimestamp) as number;
    const expectedX = xFri + ((SATURDAY - FRI_LAST) / (SUN_FIRST - FRI_LAST)) * (xSun - xFri);
    const y = Math.floor(series.priceToCoordinate(1.3385) as number);
    const cols = columnsWith(staticCanvas(), y, [0, 0, 255]);
    const end = cols[cols.length - 1] + 1;
    expect(end).toBeGreaterThan(xFri);
    expect(end).toBeLessThan(xSun);
    expect(Math.abs(end - expectedX)).toBeLessThanOrEqual(1);
  });

  it('follows the chart when it scrolls', async () => {
    chart.timeScale().scrollToPosition(-30, false);
    await frames();
    const y = series.priceToCoordinate(1.3452) as number;
    const rows = rowsWith(staticCanvas(), 300, RED);
    expect(rows.length).toBe(1);
    expect(Math.abs(rows[0] + 0.5 - y)).toBeLessThanOrEqual(1);
  });
});

describe('dragging a handle with the pointer', () => {
  const fire = (type: string, x: number, y: number, buttons: number) =>
    firePointer(chart, host, type, x, y, buttons);

  it('moves exactly that point and leaves the other point and drawings untouched', async () => {
    const other = createDrawing('RECTANGLE', 'box', [pt(times[100], 1.34), pt(times[120], 1.345)]);
    await mount([createDrawing('LINE', 'l', [pt(times[150], 1.342), pt(times[190], 1.352)]), other]);
    editor.select(['l']);
    await frames();
    const vp = overlay.viewport;
    const before = editor.getState().byId.l as Drawing;
    const hx = vp.timeToX(before.points[1]!.time);
    const hy = vp.priceToY(before.points[1]!.price);
    const range = chart.timeScale().getVisibleLogicalRange();
    fire('pointerdown', hx, hy, 1);
    for (let i = 1; i <= 10; i++) fire('pointermove', hx + 4 * i, hy + 3 * i, 1);
    fire('pointerup', hx + 40, hy + 30, 0);
    await frames();
    const after = editor.getState().byId.l as Drawing;
    expect(after.points[0]).toEqual(before.points[0]);
    // Times are stored in whole seconds (issue 17): x within a second's width of the pointer.
    expect(Number.isInteger(after.points[1]!.time)).toBe(true);
    expect(vp.timeToX(after.points[1]!.time)).toBeCloseTo(hx + 40, 3);
    expect(vp.priceToY(after.points[1]!.price)).toBeCloseTo(hy + 30, 4);
    expect(editor.getState().byId.box).toBe(other);
    expect(chart.timeScale().getVisibleLogicalRange()).toEqual(range);
    // One drag, one undo step.
    editor.undo();
    expect(editor.getState().byId.l).toEqual(before);
  });
});

describe('a held arrow key', () => {
  it('nudges once per key event and the held run undoes in one step (the DOM repeat flag reaches the editor)', async () => {
    await mount([createDrawing('HORIZONTAL_LINE', 'h', [pt(times[150], 1.345)])]);
    editor.select(['h']);
    await frames();
    const before = editor.getState().byId.h as Drawing;
    const press = (repeat: boolean) =>
      host.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowUp', repeat, bubbles: true, cancelable: true }),
      );
    press(false);
    for (let i = 0; i < 4; i++) press(true);
    const moved = editor.getState().byId.h as Drawing;
    expect(moved.points[0]!.price).toBeGreaterThan(before.points[0]!.price);
    // One press and four auto-repeats are one gesture: one undo restores the line.
    editor.undo();
    expect(editor.getState().byId.h).toEqual(before);
  });
});

describe('the Konva layer, a chunk of its own', () => {
  it('paints on a plain canvas until ready, then on the Konva stage in its place', async () => {
    await mount([createDrawing('HORIZONTAL_LINE', 'h', [pt(times[150], 1.3452)])], 1, false);
    const plain = host.querySelectorAll('.chartmark-overlay canvas')[1];
    expect(host.querySelector('.konvajs-content')).toBeNull();
    expect(plain).toBeDefined();
    // Selected before the chunk arrives: the state is the editor's, the layer shows it on arrival.
    editor.select(['h']);
    await overlay.ready;
    const canvases = host.querySelectorAll('.chartmark-overlay canvas');
    expect(canvases.length).toBe(2);
    expect(canvases[1]?.parentElement?.className).toBe('konvajs-content');
    expect(plain?.isConnected).toBe(false);
    expect((canvases[1] as HTMLCanvasElement).style.display).toBe('block');
  });

  it('resolves ready when destroyed before the chunk arrives, and mounts no stage', async () => {
    await mount([], 1, false);
    overlay.destroy();
    await overlay.ready;
    await frames();
    expect(host.querySelector('.konvajs-content')).toBeNull();
  });
});

describe('pixel ratio and teardown', () => {
  it('paints a 1 px line as exactly two sharp device rows on a 2× canvas', async () => {
    await mount([createDrawing('HORIZONTAL_LINE', 'h', [pt(times[150], 1.3452)], { color: '#FF0000' })], 2);
    const ctx = staticCanvas();
    // The committed drawings' canvas covers the pane only, in device pixels.
    expect([ctx.canvas.width, ctx.canvas.height]).toEqual([
      2 * overlay.viewport.width,
      2 * overlay.viewport.height,
    ]);
    const rows = rowsWith(ctx, 600, [255, 0, 0]);
    expect(rows.length).toBe(2);
    expect(rows[1] - rows[0]).toBe(1);
    const y = series.priceToCoordinate(1.3452) as number;
    expect(Math.abs((rows[0] + 1) / 2 - y)).toBeLessThanOrEqual(0.5);
  });

  it('follows a change of window.devicePixelRatio (browser zoom, another screen) on the next repaint', async () => {
    await mount([createDrawing('HORIZONTAL_LINE', 'h', [pt(times[150], 1.3452)])], null);
    editor.select(['h']);
    await frames();
    const stageCanvas = () => host.querySelectorAll<HTMLCanvasElement>('.chartmark-overlay canvas')[1]!;
    const cssWidth = overlay.viewport.width + chart.priceScale('right').width();
    expect(stageCanvas().width).toBe(cssWidth);
    const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
    Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true });
    try {
      overlay.repaint();
      await frames();
      expect(stageCanvas().width).toBe(2 * cssWidth);
    } finally {
      if (own) Object.defineProperty(window, 'devicePixelRatio', own);
      else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
    }
  });

  it('destroy removes the stage, stops feeding the editor and leaves the chart pannable', async () => {
    await mount([createDrawing('HORIZONTAL_LINE', 'h', [pt(times[150], 1.3452)])]);
    overlay.destroy();
    expect(host.querySelector('.chartmark-overlay')).toBeNull();
    const before = editor.getState();
    const rect = chart.chartElement().getBoundingClientRect();
    const y = rect.top + (series.priceToCoordinate(1.3452) as number);
    host.dispatchEvent(
      new PointerEvent('pointermove', { bubbles: true, clientX: rect.left + 300, clientY: y }),
    );
    expect(editor.getState()).toBe(before);
    expect(chart.options().handleScroll).toMatchObject({ pressedMouseMove: true });
  });
});

describe('drawings far from the pane', () => {
  const layers = () => [...host.querySelectorAll<HTMLCanvasElement>('.chartmark-overlay canvas')];
  const shown = () => layers().map((c) => c.style.display !== 'none');

  // Logical 150…284 over a ~840 px pane: 6.3 px per bar, so the 256 px cull margin is ~41 bars
  // and bars 10–14 lie ~860 px left of the pane.
  const farView = async () => {
    chart.timeScale().setVisibleLogicalRange({ from: 150, to: times.length + 20 });
    await frames();
  };

  it('builds no scene for a drawing 136 bars left of the pane, and paints it once a pan brings it in', async () => {
    const far = createDrawing('RECTANGLE', 'far', [pt(times[10], 1.34), pt(times[14], 1.35)]);
    const near = createDrawing('LINE', 'near', [pt(times[200], 1.34), pt(times[220], 1.35)]);
    await mount([far, near]);
    await farView();
    expect(overlay.lastStaticPaint()).toMatchObject({ scenes: 1, culled: 0 });
    chart.timeScale().setVisibleLogicalRange({ from: 0, to: 80 });
    await frames();
    // Now the line at bars 200–220 is the one far away.
    expect(overlay.lastStaticPaint()).toMatchObject({ scenes: 1, culled: 0 });
    const x = Math.round(overlay.viewport.timeToX(times[12]));
    const y = Math.round(overlay.viewport.priceToY(1.345 as Price));
    // The rectangle's fill (25 % of its colour over transparent) is there.
    expect(staticCanvas().getImageData(x, y, 1, 1).data[3]).toBeGreaterThan(0);
  });

  it('hides both overlay canvases while there is nothing to paint, and shows them again', async () => {
    await mount([createDrawing('LINE', 'l', [pt(times[10], 1.34), pt(times[14], 1.35)])]);
    await farView();
    expect(shown()).toEqual([false, false]);
    editor.select(['l']);
    await frames();
    // Selected: the line and its handles move to the interactive layer.
    expect(shown()).toEqual([false, true]);
    editor.select([]);
    chart.timeScale().setVisibleLogicalRange({ from: 0, to: 80 });
    await frames();
    expect(shown()).toEqual([true, false]);
  });
});
