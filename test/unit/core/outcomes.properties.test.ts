// Properties of evaluateAnalysis over random walks: final outcomes are final, and bars before
// createdAt never matter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../../src/core/candles';
import { evaluateAnalysis, FINAL_OUTCOME_STATES, type Idea } from '../../../src/core/outcomes';

const T0 = 1767225600;
const H = 3600;

// A random walk around 100: each bar opens at the previous close (or gaps), then ranges.
const stepArb = fc.record({
  gap: fc.oneof(fc.constant(0), fc.double({ min: -4, max: 4, noNaN: true })),
  up: fc.double({ min: 0, max: 3, noNaN: true }),
  down: fc.double({ min: 0, max: 3, noNaN: true }),
  close: fc.double({ min: 0, max: 1, noNaN: true }),
  // Hours to the next bar: mostly 1, sometimes a weekend.
  hours: fc.oneof(fc.constant(1), fc.constant(1), fc.constant(49)),
});

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function walk(steps: readonly Step[], start: number, from = 100): Candle[] {
  const out: Candle[] = [];
  let time = start;
  let last = from;
  for (const s of steps) {
    const open = last + s.gap;
    const high = open + s.up;
    const low = open - s.down;
    const close = low + (high - low) * s.close;
    out.push({ time, open, high, low, close });
    time += s.hours * H;
    last = close;
  }
  return out;
}

const ideaArb = fc.record({
  direction: fc.constantFrom('BULLISH' as const, 'BEARISH' as const),
  entryPlacement: fc.constantFrom('ABOVE_CURRENT' as const, 'BELOW_CURRENT' as const),
  support: fc.option(fc.double({ min: 88, max: 98, noNaN: true }), { nil: undefined }),
  pivot: fc.option(fc.double({ min: 98.5, max: 101.5, noNaN: true }), { nil: undefined }),
  resistance: fc.option(fc.double({ min: 102, max: 112, noNaN: true }), { nil: undefined }),
  createdHours: fc.integer({ min: 0, max: 30 }),
  expiresHours: fc.option(fc.integer({ min: 1, max: 80 }), { nil: null }),
});

type IdeaInput = typeof ideaArb extends fc.Arbitrary<infer T> ? T : never;

function toIdea(a: IdeaInput): Idea {
  const levels: { support?: number; pivot?: number; resistance?: number } = {};
  if (a.support !== undefined) levels.support = a.support;
  if (a.pivot !== undefined) levels.pivot = a.pivot;
  if (a.resistance !== undefined) levels.resistance = a.resistance;
  const createdAt = T0 + a.createdHours * H + 600; // ten minutes into a bar: that bar is skipped
  return {
    direction: a.direction,
    entryPlacement: a.entryPlacement,
    levels,
    createdAt,
    expiresAt: a.expiresHours === null ? null : createdAt + a.expiresHours * H,
  };
}

describe('evaluateAnalysis properties', () => {
  it('adding later bars (and moving now on) never changes a final outcome', () => {
    fc.assert(
      fc.property(
        ideaArb,
        fc.array(stepArb, { minLength: 1, maxLength: 60 }),
        fc.array(stepArb, { minLength: 1, maxLength: 30 }),
        (a, steps, more) => {
          const theIdea = toIdea(a);
          const candles = walk(steps, T0);
          const now = candles.at(-1)!.time; // the data is complete up to now
          const before = evaluateAnalysis(theIdea, candles, now);
          fc.pre(FINAL_OUTCOME_STATES.includes(before.state));
          const later = walk(more, now + H, candles.at(-1)!.close);
          const after = evaluateAnalysis(theIdea, [...candles, ...later], later.at(-1)!.time + H);
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never depends on bars before createdAt', () => {
    fc.assert(
      fc.property(
        ideaArb,
        fc.array(stepArb, { minLength: 1, maxLength: 60 }),
        fc.array(stepArb, { maxLength: 30 }),
        (a, steps, other) => {
          const theIdea = toIdea(a);
          const candles = walk(steps, T0);
          const now = candles.at(-1)!.time;
          const kept = candles.filter((c) => c.time >= theIdea.createdAt);
          // Different history before createdAt: other bars, ending an hour before the first kept bar.
          const end = kept.length > 0 ? kept[0]!.time : theIdea.createdAt + 1;
          const history = walk(other, end - other.length * H - H, 50).filter(
            (c) => c.time < theIdea.createdAt,
          );
          const base = evaluateAnalysis(theIdea, candles, now);
          expect(evaluateAnalysis(theIdea, kept, now)).toEqual(base);
          expect(evaluateAnalysis(theIdea, [...history, ...kept], now)).toEqual(base);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never exits before it enters, and a closed trade carries both fills', () => {
    fc.assert(
      fc.property(ideaArb, fc.array(stepArb, { minLength: 1, maxLength: 60 }), (a, steps) => {
        const theIdea = toIdea(a);
        const candles = walk(steps, T0);
        const o = evaluateAnalysis(theIdea, candles, candles.at(-1)!.time + 100 * H);
        expect(o.triggered).toBe(o.entry !== undefined);
        if (o.exit) expect(o.exit.time).toBeGreaterThanOrEqual(o.entry!.time);
        if (o.entry) expect(o.entry.time).toBeGreaterThanOrEqual(theIdea.createdAt);
        expect(o.mfe).toBeGreaterThanOrEqual(0);
        expect(o.mae).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
