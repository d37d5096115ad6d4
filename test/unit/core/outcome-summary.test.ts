import { describe, expect, it } from 'vitest';
import type { Analysis, Direction, EntryPlacement } from '../../../src/core/analysis';
import type { Candle } from '../../../src/core/candles';
import { summariseOutcomes } from '../../../src/core/outcome-summary';
import type { Price, UtcSeconds } from '../../../src/core/units';

const T0 = 1767225600;
const H = 3600;
const candles: Candle[] = [
  [98, 99, 97, 98.5],
  [98.5, 101, 98, 100.5],
  [100.5, 104, 97, 103],
  [103, 111, 99, 109],
  [109, 110, 94, 95],
].map(([open, high, low, close], i) => ({
  time: T0 + i * H,
  open: open!,
  high: high!,
  low: low!,
  close: close!,
}));

function analysis(
  sender: string,
  direction: Direction,
  entryPlacement: EntryPlacement,
  [support, pivot, resistance]: readonly [number, number, number],
  hours: number | null,
  symbol = 'EURUSD',
): Analysis {
  const level = (price: number) => ({ id: `l${price}`, price: price as Price, time: T0 as UtcSeconds });
  return {
    sender,
    metadata: {
      direction,
      entryPlacement,
      title: 'idea',
      timeframe: 'H1',
      symbol,
      ...(hours === null ? {} : { expiry: { type: 'HOURS' as const, hours } }),
    },
    levels: { support: level(support), pivot: level(pivot), resistance: level(resistance) },
    drawings: [],
    createdAt: T0 as UtcSeconds,
  };
}

describe('summariseOutcomes', () => {
  it('counts closed ideas, hit rate and average R per sender, ranked by average R', () => {
    const analyses = [
      // target 110 reached in bar 3 (high 111): +2R
      analysis('ana', 'BULLISH', 'ABOVE_CURRENT', [95, 100, 110], 10),
      // entry 100 in bar 1; stop 96 reached in bar 4 (low 94): (96 − 100) / |100 − 96| = −1R
      analysis('ana', 'BULLISH', 'ABOVE_CURRENT', [96, 100, 115], 10),
      // no candles for XAUUSD: not evaluated
      analysis('ana', 'BULLISH', 'ABOVE_CURRENT', [96, 100, 115], 10, 'XAUUSD'),
      // pivot 120 never reached; expired after 2 h, untriggered
      analysis('bob', 'BULLISH', 'ABOVE_CURRENT', [90, 120, 130], 2),
      // short at 103.5 in bar 2 (high 104); target 96 in bar 4 (low 94): 7.5 / |103.5 − 112| = 15/17 R
      analysis('bob', 'BEARISH', 'ABOVE_CURRENT', [96, 103.5, 112], 10),
      // long at 95 in bar 4 (low 94), still open: no expiry
      analysis('cy', 'BULLISH', 'BELOW_CURRENT', [90, 95, 120], null),
    ];
    const summary = summariseOutcomes(analyses, { EURUSD: candles }, T0 + 100 * H);
    expect(summary.map((s) => s.sender)).toEqual(['bob', 'ana', 'cy']);
    const [bob, ana, cy] = summary;
    expect({ ...bob, averageR: undefined }).toEqual({
      sender: 'bob',
      ideas: 2,
      open: 0,
      closed: 2,
      trades: 1,
      targetHits: 1,
      stopped: 0,
      invalidated: 0,
      expired: 1,
      hitRate: 1,
      averageR: undefined,
      withoutCandles: 0,
    });
    expect(bob!.averageR).toBeCloseTo(15 / 17, 12);
    expect(ana).toEqual({
      sender: 'ana',
      ideas: 2,
      open: 0,
      closed: 2,
      trades: 2,
      targetHits: 1,
      stopped: 1,
      invalidated: 0,
      expired: 0,
      hitRate: 0.5,
      averageR: 0.5, // (2 + −1) / 2
      withoutCandles: 1,
    });
    expect(cy).toEqual({
      sender: 'cy',
      ideas: 1,
      open: 1,
      closed: 0,
      trades: 0,
      targetHits: 0,
      stopped: 0,
      invalidated: 0,
      expired: 0,
      hitRate: null,
      averageR: null,
      withoutCandles: 0,
    });
  });
  it('takes candles as a Map too, and ignores inherited keys of a plain object', () => {
    const a = [analysis('ana', 'BULLISH', 'ABOVE_CURRENT', [95, 100, 110], 10, 'toString')];
    expect(summariseOutcomes(a, {}, T0 + 100 * H)[0]!.withoutCandles).toBe(1);
    expect(summariseOutcomes(a, new Map([['toString', candles]]), T0 + 100 * H)[0]!.targetHits).toBe(1);
  });
});
