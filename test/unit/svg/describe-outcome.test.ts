import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/core/outcomes';
import { describeOutcome } from '../../../src/svg/describe';

const T = 1767877200; // 2026-01-08T13:00:00Z
const short: Outcome = {
  state: 'TARGET_HIT',
  triggered: true,
  ambiguous: false,
  entry: { time: T, price: 1.32 },
  exit: { time: T + 3600, price: 1.3 },
  resultPercent: 1.5151515,
  r: 2,
  mfe: 1.5,
  mae: 0,
};

describe('describeOutcome', () => {
  it('says every state in words', () => {
    expect(describeOutcome(short)).toBe(
      'outcome: target hit, entered at 1.3200 on 2026-01-08 13:00 UTC, exited at 1.3000 on 2026-01-08 14:00 UTC, a gain of 1.52 percent, 2.0 R',
    );
    expect(
      describeOutcome({
        ...short,
        state: 'STOPPED',
        exit: { time: T, price: 1.33 },
        resultPercent: -0.7575,
        r: -1,
        ambiguous: true,
      }),
    ).toBe(
      'outcome: stopped, entered at 1.3200 on 2026-01-08 13:00 UTC, exited at 1.3300 on 2026-01-08 13:00 UTC, a loss of 0.76 percent, minus 1.0 R (decided inside one bar, whose order of high and low is unknown)',
    );
    expect(describeOutcome({ state: 'PENDING', triggered: false, ambiguous: false, mfe: 0, mae: 0 })).toBe(
      'outcome: not triggered yet',
    );
    expect(
      describeOutcome({
        state: 'TRIGGERED',
        triggered: true,
        ambiguous: false,
        entry: short.entry,
        mfe: 0,
        mae: 0,
      }),
    ).toBe('outcome: triggered, entered at 1.3200 on 2026-01-08 13:00 UTC, still open');
    expect(
      describeOutcome({ state: 'INVALIDATED', triggered: false, ambiguous: false, mfe: 0, mae: 0 }),
    ).toBe('outcome: invalidated, the stop was reached before the entry');
    expect(describeOutcome({ state: 'EXPIRED', triggered: false, ambiguous: false, mfe: 0, mae: 0 })).toBe(
      'outcome: expired without an entry',
    );
    expect(describeOutcome({ ...short, state: 'EXPIRED', r: undefined, resultPercent: 0.001 })).toBe(
      'outcome: expired, entered at 1.3200 on 2026-01-08 13:00 UTC, closed at 1.3000 on 2026-01-08 14:00 UTC, flat, 0.00 percent',
    );
  });
});
