// A read-only view's screenshot pixels, and how many pixels two screenshots disagree on.
import type { AnalysisView } from '../../../src/view/index';

/** RGBA of the view's chart as lightweight-charts screenshots it (panes, axes and primitives). */
export function pixels(v: AnalysisView): Uint8ClampedArray {
  const c = v.chart.takeScreenshot();
  return c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
}

/** Pixels whose colour (alpha aside) differs between two screenshots of the same size. */
export function diff(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4)
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
  return n;
}
