// Every expected value below is worked out by hand from the rules in README "Outcomes"; the
// arithmetic is written next to it. Bars are [open, high, low, close] an hour apart from T0.
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../../src/core/candles';
import { evaluateAnalysis, type Idea, type Outcome } from '../../../src/core/outcomes';

const T0 = 1767225600; // 2026-01-01T00:00:00Z
const H = 3600;
type Ohlc = readonly [number, number, number, number];
/** Bars an hour apart from T0 (or at the given hour offsets). */
const bars = (rows: readonly Ohlc[], hours: readonly number[] = rows.map((_, i) => i)): Candle[] =>
  rows.map(([open, high, low, close], i) => ({ time: T0 + hours[i]! * H, open, high, low, close }));

const BULL_LEVELS = { support: 95, pivot: 100, resistance: 110 }; // target 110 (+10 %, 2R), stop 95 (−5 %, −1R)
const BEAR_LEVELS = { support: 90, pivot: 100, resistance: 105 }; // target 90 (+10 %, 2R), stop 105 (−5 %, −1R)

function idea(
  direction: Idea['direction'],
  entryPlacement: Idea['entryPlacement'],
  levels: Idea['levels'],
  expiresAfterHours: number | null = 10,
  createdAt = T0,
): Idea {
  return {
    direction,
    entryPlacement,
    levels,
    createdAt,
    expiresAt: expiresAfterHours === null ? null : T0 + expiresAfterHours * H,
  };
}

interface Expected {
  state: Outcome['state'];
  triggered: boolean;
  ambiguous: boolean;
  entry?: { time: number; price: number };
  exit?: { time: number; price: number };
  resultPercent?: number;
  r?: number;
  mfe: number;
  mae: number;
}

function expectOutcome(actual: Outcome, expected: Expected): void {
  expect({ state: actual.state, triggered: actual.triggered, ambiguous: actual.ambiguous }).toEqual({
    state: expected.state,
    triggered: expected.triggered,
    ambiguous: expected.ambiguous,
  });
  for (const fill of ['entry', 'exit'] as const) {
    if (expected[fill] === undefined) expect(actual[fill]).toBeUndefined();
    else {
      expect(actual[fill]!.time).toBe(expected[fill]!.time);
      expect(actual[fill]!.price).toBeCloseTo(expected[fill]!.price, 9);
    }
  }
  for (const n of ['resultPercent', 'r', 'mfe', 'mae'] as const) {
    if (expected[n] === undefined) expect(actual[n]).toBeUndefined();
    else expect(actual[n]).toBeCloseTo(expected[n]!, 9);
  }
}

const LATER = T0 + 100 * H;

describe('evaluateAnalysis: every state, both directions and placements', () => {
  const cases: [string, Idea, Candle[], number, Expected][] = [
    [
      'BULLISH ABOVE_CURRENT reaches the target',
      idea('BULLISH', 'ABOVE_CURRENT', BULL_LEVELS),
      bars([
        [98, 99, 97, 98.5], // high 99 < pivot 100: pending
        [98.5, 101, 98, 100.5], // high 101 ≥ 100: entry at 100 inside the bar; only its close counts: +0.5
        [100.5, 104, 97, 103], // in the trade: favourable 104 − 100 = 4, adverse 100 − 97 = 3
        [103, 111, 99, 109], // high 111 ≥ 110: exit at 110 (opened below it)
      ]),
      LATER,
      // (110 − 100) / 100 = +10 %; R = 10 / |100 − 95| = 2; mfe max(0.5, 4, 10) = 10 %; mae 3 %
      {
        state: 'TARGET_HIT',
        triggered: true,
        ambiguous: false,
        entry: { time: T0 + H, price: 100 },
        exit: { time: T0 + 3 * H, price: 110 },
        resultPercent: 10,
        r: 2,
        mfe: 10,
        mae: 3,
      },
    ],
    [
      'BULLISH ABOVE_CURRENT is stopped',
      idea('BULLISH', 'ABOVE_CURRENT', BULL_LEVELS),
      bars([
        [98, 99, 97, 98.5],
        [98.5, 101, 98, 100.5], // entry 100; close +0.5
        [100.5, 102, 94, 95.5], // low 94 ≤ 95: stopped at 95
      ]),
      LATER,
      // (95 − 100) / 100 = −5 %; R = −5 / 5 = −1; mfe 0.5 %; mae 5 %
      {
        state: 'STOPPED',
        triggered: true,
        ambiguous: false,
        entry: { time: T0 + H, price: 100 },
        exit: { time: T0 + 2 * H, price: 95 },
        resultPercent: -5,
        r: -1,
        mfe: 0.5,
        mae: 5,
      },
    ],
    [
      'BULLISH ABOVE_CURRENT reaching the stop before the pivot is invalidated',
      idea('BULLISH', 'ABOVE_CURRENT', BULL_LEVELS),
      bars([
        [98, 99, 94, 96], // low 94 ≤ stop 95, high 99 < pivot 100
        [96, 120, 96, 119], // later bars no longer matter
      ]),
      LATER,
      { state: 'INVALIDATED', triggered: false, ambiguous: false, mfe: 0, mae: 0 },
    ],
    [
      'BULLISH ABOVE_CURRENT that opens beyond the stop and then reaches the pivot is invalidated',
      idea('BULLISH', 'ABOVE_CURRENT', BULL_LEVELS),
      bars([
        [98, 99, 97, 98.5],
        [94, 101, 93, 100], // opens at 94 ≤ 95: the stop came first, the pivot (101 ≥ 100) later
      ]),
      LATER,
      { state: 'INVALIDATED', triggered: false, ambiguous: false, mfe: 0, mae: 0 },
    ],
    [
      'BULLISH ABOVE_CURRENT reaching pivot and stop in one bar counts as stopped, ambiguous',
      idea('BULLISH', 'ABOVE_CURRENT', BULL_LEVELS),
      bars([[98, 101, 94, 96]]), // opens 98 between stop and pivot; high 101 and low 94 in unknown order
      LATER,
      // exit at the stop 95: −5 %, −1R; mae 5 %
      {
        state: 'STOPPED',
        triggered: true,
        ambiguous: true,
        entry: { time: T0, price: 100 },
        exit: { time: T0, price: 95 },
        resultPercent: -5,
        r: -1,
        mfe: 0,
        mae: 5,
      },
    ],
    [
      'BULLISH ABOVE_CURRENT that never triggers expires untriggered (the bar at expiresAt is after it)',
      idea('BULLISH', 'ABOVE_CURRENT', BULL_LEVELS, 3),
      bars([
        [98, 99, 97, 98],
        [98, 99, 97, 98],
        [98, 99, 97, 98],
        [98, 120, 97, 118], // opens at T0 + 3h = expiresAt: not walked
      ]),
      LATER,
      { state: 'EXPIRED', triggered: false, ambiguous: false, mfe: 0, mae: 0 },
    ],
    [
      'BULLISH ABOVE_CURRENT that triggered expires at the close of its last bar',
      idea('BULLISH', 'ABOVE_CURRENT', BULL_LEVELS, 3),
      bars([
        [98, 99, 97, 98.5],
        [98.5, 101, 98, 100.5], // entry 100
        [100.5, 103, 99, 102], // favourable 3, adverse 1; last bar before expiry
        [102, 115, 90, 100], // at expiresAt: not walked
      ]),
      LATER,
      // exit at close 102: +2 %; R = 2 / 5 = 0.4; mfe 3 %; mae 1 %
      {
        state: 'EXPIRED',
        triggered: true,
        ambiguous: false,
        entry: { time: T0 + H, price: 100 },
        exit: { time: T0 + 2 * H, price: 102 },
        resultPercent: 2,
        r: 0.4,
        mfe: 3,
        mae: 1,
      },
    ],
    [
      'BULLISH ABOVE_CURRENT stays PENDING before expiry (bars after now are not seen)',
      idea('BULLISH', 'ABOVE_CURRENT', BULL_LEVELS),
      bars([
        [98, 99, 97, 98.5],
        [98.5, 99.5, 97, 99],
        [99, 120, 99, 119], // opens after now
      ]),
      T0 + H,
      { state: 'PENDING', triggered: false, ambiguous: false, mfe: 0, mae: 0 },
    ],
    [
      'BULLISH ABOVE_CURRENT is TRIGGERED and open before expiry',
      idea('BULLISH', 'ABOVE_CURRENT', BULL_LEVELS),
      bars([
        [98, 99, 97, 98.5],
        [98.5, 101, 98, 100.5], // entry 100; close +0.5
        [100.5, 103, 99, 102], // favourable 3, adverse 1
        [102, 120, 80, 110], // opens after now
      ]),
      T0 + 2 * H,
      {
        state: 'TRIGGERED',
        triggered: true,
        ambiguous: false,
        entry: { time: T0 + H, price: 100 },
        mfe: 3,
        mae: 1,
      },
    ],
    [
      'BULLISH BELOW_CURRENT (bounce) reaches the target',
      idea('BULLISH', 'BELOW_CURRENT', BULL_LEVELS),
      bars([
        [103, 104, 101, 102], // low 101 > pivot 100: pending
        [102, 102.5, 99, 101], // low 99 ≤ 100: entry 100 inside the bar; close +1
        [101, 104, 98, 103], // favourable 4, adverse 2
        [103, 110.5, 100, 110.2], // high 110.5 ≥ 110: exit 110
      ]),
      LATER,
      // +10 %, 2R; mfe 10 %, mae 2 %
      {
        state: 'TARGET_HIT',
        triggered: true,
        ambiguous: false,
        entry: { time: T0 + H, price: 100 },
        exit: { time: T0 + 3 * H, price: 110 },
        resultPercent: 10,
        r: 2,
        mfe: 10,
        mae: 2,
      },
    ],
    [
      'BULLISH BELOW_CURRENT falling through pivot and stop in one bar is stopped, not ambiguous',
      idea('BULLISH', 'BELOW_CURRENT', BULL_LEVELS),
      bars([
        [103, 104, 101, 102],
        [102, 102.5, 94, 96], // from 102 down to 94 the path passes the pivot 100 before the stop 95
      ]),
      LATER,
      // −5 %, −1R; mae 5 %
      {
        state: 'STOPPED',
        triggered: true,
        ambiguous: false,
        entry: { time: T0 + H, price: 100 },
        exit: { time: T0 + H, price: 95 },
        resultPercent: -5,
        r: -1,
        mfe: 0,
        mae: 5,
      },
    ],
    [
      'BEARISH ABOVE_CURRENT (bounce short) rising through pivot and stop in one bar is stopped, not ambiguous',
      idea('BEARISH', 'ABOVE_CURRENT', BEAR_LEVELS),
      bars([
        [97, 98, 96, 97.5],
        [97.5, 106, 97, 104], // from 97.5 up to 106 the path passes the pivot 100 before the stop 105
      ]),
      LATER,
      // short from 100, out at 105: (105 − 100) × −1 = −5 → −5 %, −5 / |100 − 105| = −1R; mae 5 %
      {
        state: 'STOPPED',
        triggered: true,
        ambiguous: false,
        entry: { time: T0 + H, price: 100 },
        exit: { time: T0 + H, price: 105 },
        resultPercent: -5,
        r: -1,
        mfe: 0,
        mae: 5,
      },
    ],
    [
      'BEARISH ABOVE_CURRENT reaching pivot and target in one bar is a target hit, ambiguous',
      idea('BEARISH', 'ABOVE_CURRENT', BEAR_LEVELS),
      bars([
        [97, 98, 96, 97.5],
        [97.5, 100.5, 89, 91], // high 100.5 triggers, low 89 reaches the target 90: order unknown
      ]),
      LATER,
      // (90 − 100) × −1 = +10 → +10 %, 10 / 5 = 2R; mfe 10 %
      {
        state: 'TARGET_HIT',
        triggered: true,
        ambiguous: true,
        entry: { time: T0 + H, price: 100 },
        exit: { time: T0 + H, price: 90 },
        resultPercent: 10,
        r: 2,
        mfe: 10,
        mae: 0,
      },
    ],
    [
      'BEARISH BELOW_CURRENT (breakdown) from 1.32 to 1.30 is +1.52 %',
      idea('BEARISH', 'BELOW_CURRENT', { support: 1.3, pivot: 1.32, resistance: 1.33 }),
      bars([
        [1.325, 1.328, 1.321, 1.322], // low 1.321 > pivot 1.32: pending
        [1.322, 1.323, 1.315, 1.316], // low 1.315 ≤ 1.32: short at 1.32; close 1.316 is +0.004
        [1.316, 1.318, 1.299, 1.301], // low 1.299 ≤ target 1.30: exit 1.30
      ]),
      LATER,
      // (1.30 − 1.32) × −1 = 0.02; 0.02 / 1.32 = 1.515151… % (≈ +1.52 %); R = 0.02 / |1.32 − 1.33| = 2
      {
        state: 'TARGET_HIT',
        triggered: true,
        ambiguous: false,
        entry: { time: T0 + H, price: 1.32 },
        exit: { time: T0 + 2 * H, price: 1.3 },
        resultPercent: 1.5151515151515151,
        r: 2,
        mfe: 1.5151515151515151,
        mae: 0,
      },
    ],
    [
      'BEARISH BELOW_CURRENT reaching target and stop in one bar counts as stopped, ambiguous',
      idea('BEARISH', 'BELOW_CURRENT', BEAR_LEVELS),
      bars([
        [102, 103, 101, 102],
        [102, 102, 99, 99.5], // low 99 ≤ 100: short at 100; close 99.5 is +0.5
        [99.5, 106, 89, 95], // high 106 ≥ stop 105 and low 89 ≤ target 90
      ]),
      LATER,
      // out at the stop 105: −5 %, −1R; mfe 0.5 %, mae 5 %
      {
        state: 'STOPPED',
        triggered: true,
        ambiguous: true,
        entry: { time: T0 + H, price: 100 },
        exit: { time: T0 + 2 * H, price: 105 },
        resultPercent: -5,
        r: -1,
        mfe: 0.5,
        mae: 5,
      },
    ],
    [
      'BEARISH BELOW_CURRENT reaching the stop first is invalidated',
      idea('BEARISH', 'BELOW_CURRENT', BEAR_LEVELS),
      bars([[102, 105.5, 101, 104]]), // high 105.5 ≥ stop 105, low 101 > pivot 100
      LATER,
      { state: 'INVALIDATED', triggered: false, ambiguous: false, mfe: 0, mae: 0 },
    ],
    [
      'no pivot: entry at the open of the first bar at or after createdAt (a bar between is skipped)',
      idea('BULLISH', 'ABOVE_CURRENT', { support: 95, resistance: 110 }, 10, T0 + 1800),
      bars([
        [100, 200, 1, 100], // opens at T0, before createdAt (T0 + 30 min): never seen
        [101, 104, 100, 103], // entry at the open 101; the whole bar follows it: +3, −1
        [103, 112, 102, 111], // high 112 ≥ 110: exit 110
      ]),
      LATER,
      // (110 − 101) / 101 = 8.910891… %; R = 9 / |101 − 95| = 1.5; mfe 9/101, mae 1/101 = 0.990099… %
      {
        state: 'TARGET_HIT',
        triggered: true,
        ambiguous: false,
        entry: { time: T0 + H, price: 101 },
        exit: { time: T0 + 2 * H, price: 110 },
        resultPercent: 900 / 101,
        r: 1.5,
        mfe: 900 / 101,
        mae: 100 / 101,
      },
    ],
    [
      'a weekend gap over the target exits at the open beyond it',
      idea('BULLISH', 'ABOVE_CURRENT', BULL_LEVELS, null),
      bars(
        [
          [98.5, 101, 98, 100.5], // entry 100; close +0.5
          [112, 113, 111, 112.5], // 50 h later, opens at 112 ≥ 110: exit at the open
        ],
        [0, 50],
      ),
      LATER,
      // (112 − 100) / 100 = +12 %; 12 / 5 = 2.4R; mfe 12 %
      {
        state: 'TARGET_HIT',
        triggered: true,
        ambiguous: false,
        entry: { time: T0, price: 100 },
        exit: { time: T0 + 50 * H, price: 112 },
        resultPercent: 12,
        r: 2.4,
        mfe: 12,
        mae: 0,
      },
    ],
    [
      'no stop: never stopped, and no R',
      idea('BULLISH', 'ABOVE_CURRENT', { pivot: 100, resistance: 110 }, 3),
      bars([
        [98, 99, 97, 98.5],
        [98.5, 101, 98, 100.5], // entry 100; close +0.5
        [100.5, 101, 50, 60], // a crash with no stop to hit: favourable 1, adverse 50
      ]),
      LATER,
      // expired at the close 60: (60 − 100) / 100 = −40 %; mfe 1 %, mae 50 %
      {
        state: 'EXPIRED',
        triggered: true,
        ambiguous: false,
        entry: { time: T0 + H, price: 100 },
        exit: { time: T0 + 2 * H, price: 60 },
        resultPercent: -40,
        mfe: 1,
        mae: 50,
      },
    ],
    [
      'no candles at all: EXPIRED once now ≥ expiresAt',
      idea('BEARISH', 'BELOW_CURRENT', BEAR_LEVELS, 1),
      [],
      T0 + H,
      { state: 'EXPIRED', triggered: false, ambiguous: false, mfe: 0, mae: 0 },
    ],
    [
      'no candles at all: PENDING before expiresAt',
      idea('BEARISH', 'BELOW_CURRENT', BEAR_LEVELS, 1),
      [],
      T0 + H - 1,
      { state: 'PENDING', triggered: false, ambiguous: false, mfe: 0, mae: 0 },
    ],
  ];

  it.each(cases)('%s', (_name, theIdea, candles, now, expected) => {
    expectOutcome(evaluateAnalysis(theIdea, candles, now), expected);
  });
});

describe('evaluateAnalysis: bad input', () => {
  const theIdea = idea('BULLISH', 'ABOVE_CURRENT', BULL_LEVELS);
  it('names the candle and field that break the rules', () => {
    expect(() => evaluateAnalysis(theIdea, bars([[1, 2, 0, Number.NaN]]), LATER)).toThrow(
      'candles[0].close: expected a finite number, got NaN',
    );
    expect(() => evaluateAnalysis(theIdea, bars([[1, 0.5, 0.6, 0.6]]), LATER)).toThrow(
      'candles[0].high: must be ≥ low (0.6), got 0.5',
    );
    expect(() => evaluateAnalysis(theIdea, bars([[3, 2, 1, 1.5]]), LATER)).toThrow(
      'candles[0].open: must lie between low (1) and high (2), got 3',
    );
    expect(() =>
      evaluateAnalysis(
        theIdea,
        bars(
          [
            [1, 2, 0, 1],
            [1, 2, 0, 1],
          ],
          [1, 1],
        ),
        LATER,
      ),
    ).toThrow(`candles[1].time: must be greater than candles[0].time (${T0 + H}), got ${T0 + H}`);
  });
  it('names a non-finite idea field', () => {
    expect(() => evaluateAnalysis({ ...theIdea, createdAt: Number.NaN }, [], LATER)).toThrow(
      'createdAt: expected a finite number, got NaN',
    );
    expect(() =>
      evaluateAnalysis({ ...theIdea, levels: { pivot: Number.POSITIVE_INFINITY } }, [], LATER),
    ).toThrow('levels.pivot: expected a finite number, got Infinity');
  });
});
