import { CandlestickSeries, createChart, type UTCTimestamp } from 'lightweight-charts';
import { demoCandles } from './candles';

const container = document.getElementById('chart');
if (!container) throw new Error('#chart missing from index.html');
const chart = createChart(container, { autoSize: true, timeScale: { timeVisible: true } });
const series = chart.addSeries(CandlestickSeries, {
  priceFormat: { type: 'price', precision: 5, minMove: 0.00001 },
});
series.setData(demoCandles().map((c) => ({ ...c, time: c.time as UTCTimestamp })));
chart.timeScale().fitContent();
Object.assign(window, { chartmark: { chart, series } });
