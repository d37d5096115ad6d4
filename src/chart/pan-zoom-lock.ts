// While a drawing is dragged the chart must not scroll or zoom under the pointer, so the
// overlay switches lightweight-charts' own mouse/touch handling off and back on afterwards.
import type { IChartApi } from 'lightweight-charts';

/** Turns the chart's scroll and scale handling off; the returned function restores what was set before. */
export function lockPanZoom(chart: IChartApi): () => void {
  // options() hands out live objects that applyOptions mutates in place, so keep copies.
  const options = chart.options();
  const { handleScroll, handleScale } = structuredClone({
    handleScroll: options.handleScroll,
    handleScale: options.handleScale,
  });
  chart.applyOptions({ handleScroll: false, handleScale: false });
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    chart.applyOptions({ handleScroll, handleScale });
  };
}
