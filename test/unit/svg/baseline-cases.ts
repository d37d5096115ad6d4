// The renderAnalysisSvg cases whose output was written to test/fixtures/svg-baseline/ before the
// analysis scenes moved into core (issue 11): the refactor must keep every byte.
import { demoCandles } from '../../../demo/candles';
import type { Candle, SvgOptions } from '../../../src/svg/index';
import type { AnalysisDetailWire } from '../../../src/svg/wire-detail';
import { EXAMPLE, hostile, ONE_OF_EACH, withDrawings } from './detail-builders';

const candles = demoCandles() as unknown as Candle[];
const NOW = Date.parse('2026-01-09T10:00:00Z') / 1000;
const LATER = Date.parse('2026-03-01T00:00:00Z') / 1000;

/** One rendering: input, candles and options. */
export interface BaselineCase {
  readonly name: string;
  readonly detail: AnalysisDetailWire;
  readonly candles: readonly Candle[];
  readonly options: SvgOptions;
}

const all = Object.values(ONE_OF_EACH);
const levels = EXAMPLE.levels;
const dateExpiry: AnalysisDetailWire = {
  ...EXAMPLE,
  metadata: { ...EXAMPLE.metadata, expiry: { type: 'DATE', date: '2026-01-12T06:30:00Z' } },
  expiresAt: '2026-01-12T06:30:00Z',
};

/** Every case, named as its fixture file. */
export const BASELINE_CASES: readonly BaselineCase[] = [
  {
    name: 'example-light',
    detail: EXAMPLE,
    candles,
    options: { width: 800, height: 450, theme: 'light', now: NOW },
  },
  { name: 'example-dark', detail: EXAMPLE, candles, options: { width: 800, height: 450, theme: 'dark' } },
  {
    name: 'example-no-candles',
    detail: EXAMPLE,
    candles: [],
    options: { width: 640, height: 360, theme: 'light', now: NOW },
  },
  {
    name: 'example-expired',
    detail: EXAMPLE,
    candles,
    options: { width: 800, height: 450, theme: 'light', now: LATER },
  },
  {
    name: 'example-small',
    detail: EXAMPLE,
    candles,
    options: { width: 120, height: 90, theme: 'dark', now: NOW },
  },
  {
    name: 'one-of-each',
    detail: withDrawings(all, levels),
    candles,
    options: { width: 1024, height: 576, theme: 'light', now: NOW },
  },
  {
    name: 'one-of-each-no-levels',
    detail: withDrawings(all),
    candles,
    options: { width: 800, height: 450, theme: 'dark', now: NOW },
  },
  {
    name: 'date-expiry',
    detail: dateExpiry,
    candles,
    options: { width: 800, height: 450, theme: 'light', now: NOW },
  },
  {
    name: 'hostile',
    detail: hostile('<b>"x"&\'</b>'),
    candles,
    options: { width: 800, height: 450, theme: 'light', now: NOW },
  },
  {
    name: 'extended',
    detail: withDrawings(
      [
        { ...ONE_OF_EACH.LINE!, extendLeft: true, extendRight: true, startHead: 'ARROW' },
        { ...ONE_OF_EACH.PARALLEL!, extendRight: true, showMidline: false },
        { ...ONE_OF_EACH.FIBONACCI_RETRACEMENT!, extendRight: true, levels: [0, 0.5, 1, 1.618] },
      ],
      levels,
    ),
    candles,
    options: { width: 800, height: 450, theme: 'light', now: NOW },
  },
];
