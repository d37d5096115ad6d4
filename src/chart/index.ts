// Public surface of chartmark/chart: the only layer that talks to lightweight-charts.
export type { ChartViewport } from './chart-viewport';
export { createChartViewport } from './chart-viewport';
export type { Bar, BarLookup } from './bar-lookup';
export { createBarLookup } from './bar-lookup';
export { lockPanZoom } from './pan-zoom-lock';
export { onViewportChange } from './viewport-change';
export type { CandleChartColours } from './create-chart';
export {
  addCandleSeries,
  candleColourOptions,
  chartColourOptions,
  createCandleChart,
  freeCrosshair,
} from './create-chart';
