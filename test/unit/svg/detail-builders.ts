// Builders of AnalysisDetail wire objects for the SVG and view tests.
import sample from '../../../demo/channel-sample.json';
import type { AnalysisDetailWire, WireDrawing } from '../../../src/svg/wire-detail';

/** The documented example analysis as the API returns it. */
export const EXAMPLE: AnalysisDetailWire = sample as AnalysisDetailWire;

/** The example with its drawings replaced. */
export function withDrawings(
  drawings: WireDrawing[],
  levels: AnalysisDetailWire['levels'] = {},
): AnalysisDetailWire {
  return { ...EXAMPLE, drawings, levels, links: [] };
}

/** One drawing of each kind, ids `hl`, `ln`, `rc`, `pc`, `fb`, around 2026-01-08 on GBP/USD. */
export const ONE_OF_EACH: Readonly<Record<string, WireDrawing>> = {
  HORIZONTAL_LINE: {
    type: 'HORIZONTAL_LINE',
    clientObjectId: 'hl',
    points: [{ time: '2026-01-08T10:00:00Z', price: 1.355 }],
    style: { color: '#FF0000', lineWidth: 2 },
  },
  LINE: {
    type: 'LINE',
    clientObjectId: 'ln',
    points: [
      { time: '2026-01-08T00:00:00Z', price: 1.3485 },
      { time: '2026-01-09T00:00:00Z', price: 1.3505 },
    ],
    endHead: 'ARROW',
    style: { color: '#0000FF', lineWidth: 2, lineStyle: 'DASHED' },
  },
  RECTANGLE: {
    type: 'RECTANGLE',
    clientObjectId: 'rc',
    points: [
      { time: '2026-01-08T00:00:00Z', price: 1.338 },
      { time: '2026-01-09T00:00:00Z', price: 1.347 },
    ],
    style: { fillColor: '#00FF3340', borderColor: '#00FF00', lineWidth: 2 },
  },
  PARALLEL: {
    type: 'PARALLEL',
    clientObjectId: 'pc',
    points: [
      { time: '2026-01-06T00:00:00Z', price: 1.34 },
      { time: '2026-01-07T00:00:00Z', price: 1.345 },
      { time: '2026-01-06T00:00:00Z', price: 1.344 },
    ],
    style: { color: '#673AB7' },
  },
  FIBONACCI_RETRACEMENT: {
    type: 'FIBONACCI_RETRACEMENT',
    clientObjectId: 'fb',
    points: [
      { time: '2026-01-12T00:00:00Z', price: 1.34 },
      { time: '2026-01-13T00:00:00Z', price: 1.356 },
    ],
  },
};

/** Every text field, reference label, id and colour of the example set to `p`. */
export function hostile(p: string): AnalysisDetailWire {
  const drawings = Object.values(ONE_OF_EACH).map((d) => ({
    ...d,
    clientObjectId: p,
    style: { color: p, fillColor: p, borderColor: p },
  }));
  return {
    ...EXAMPLE,
    id: p,
    sender: p,
    analysisType: p,
    status: p,
    metadata: {
      ...EXAMPLE.metadata,
      title: p,
      symbol: p,
      preferenceText: `${p} [[hl:${p}]]`,
      alternativeText: p,
      comments: `[[sup_1:${p}]]`,
    },
    levels: { support: { ...EXAMPLE.levels!.support!, clientObjectId: p } },
    drawings: [...drawings, { ...ONE_OF_EACH.LINE!, clientObjectId: 'hl' }],
  };
}
