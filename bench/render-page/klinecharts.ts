// The render benchmark's peer page: KLineChart 10 filling the window with the same `?bars=N`
// candles, and the same 1,000 drawings as its overlays (bench/render.bench.ts sends them):
//   HORIZONTAL_LINE → horizontalStraightLine, LINE → segment, PARALLEL → parallelStraightLine
//   (its lines always run across the whole pane, ours end at the points; no midline),
//   FIBONACCI_RETRACEMENT → fibonacciLine (its levels run across the pane, no bands between
//   them), RECTANGLE → `benchRectangle`, registered here (KLineChart has no rectangle overlay):
//   one filled and stroked rect figure between two points.
import { init, type OverlayCreate, registerOverlay } from 'klinecharts';
import type { Drawing } from '../../src/core/drawing';
import { benchCandles } from '../render-data';

registerOverlay({
  name: 'benchRectangle',
  totalStep: 3,
  needDefaultPointFigure: true,
  needDefaultXAxisFigure: true,
  needDefaultYAxisFigure: true,
  createPointFigures: ({ coordinates }) => {
    if (coordinates.length < 2) return [];
    const [a, b] = coordinates as [{ x: number; y: number }, { x: number; y: number }];
    return [
      {
        type: 'rect',
        attrs: {
          x: Math.min(a.x, b.x),
          y: Math.min(a.y, b.y),
          width: Math.abs(a.x - b.x),
          height: Math.abs(a.y - b.y),
        },
        styles: { style: 'stroke_fill' },
      },
    ];
  },
});

const NAME = {
  HORIZONTAL_LINE: 'horizontalStraightLine',
  LINE: 'segment',
  RECTANGLE: 'benchRectangle',
  PARALLEL: 'parallelStraightLine',
  FIBONACCI_RETRACEMENT: 'fibonacciLine',
} as const;

const container = document.getElementById('chart') as HTMLDivElement;
const bars = Number(new URLSearchParams(location.search).get('bars') ?? 2000);
const candles = benchCandles(bars);
const chart = init(container);
if (!chart) throw new Error('klinecharts: init failed');
chart.setSymbol({ ticker: 'BENCH', pricePrecision: 5, volumePrecision: 0 });
chart.setPeriod({ span: 1, type: 'hour' });
chart.setDataLoader({
  getBars: ({ callback }) =>
    callback(
      candles.map((c) => ({
        timestamp: c.time * 1000,
        open: c.open,
        high: c.high,
        low: c.low,
        close: c.close,
      })),
      false,
    ),
});

/** Adds the drawings as overlays (all in one call). */
function load(drawings: readonly Drawing[]): void {
  const overlays: OverlayCreate[] = drawings.map((d) => ({
    name: NAME[d.kind],
    lock: true,
    points: d.points.map((p) => ({ timestamp: p.time * 1000, value: p.price })),
  }));
  chart?.createOverlay(overlays);
}

Object.assign(window, {
  kline: {
    chart,
    bars,
    load,
    clear: () => chart?.removeOverlay(),
    ready: () => (chart?.getDataList().length ?? 0) === bars,
  },
});
