import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Timers } from '../../../src/sync/engine-api';
import { GLOBAL_TIMERS, TimerSlot } from '../../../src/sync/timer-slot';

/** Timers driven by hand: `fire` runs a pending callback, `cleared` lists cancelled handles. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  const cleared: unknown[] = [];
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimeout: (h) => {
      cleared.push(h);
      pending.delete(h as number);
    },
  };
  const fire = (h: number) => {
    const t = pending.get(h);
    pending.delete(h);
    t?.fn();
  };
  return { timers, pending, cleared, fire };
}

describe('TimerSlot', () => {
  it('is inactive until set, active while pending, inactive again after the callback ran', () => {
    const { timers, pending, fire } = manualTimers();
    const slot = new TimerSlot(timers);
    const ran: string[] = [];
    expect(slot.active).toBe(false);
    slot.set(250, () => ran.push('debounce'));
    expect(slot.active).toBe(true);
    expect([...pending.values()].map((t) => t.ms)).toEqual([250]);
    fire(1);
    expect(ran).toEqual(['debounce']);
    expect(slot.active).toBe(false);
  });

  it('setting again cancels the pending callback: only the last one runs', () => {
    const { timers, pending, cleared, fire } = manualTimers();
    const slot = new TimerSlot(timers);
    const ran: string[] = [];
    slot.set(100, () => ran.push('first'));
    slot.set(200, () => ran.push('second'));
    expect(cleared).toEqual([1]);
    expect([...pending.keys()]).toEqual([2]);
    fire(2);
    expect(ran).toEqual(['second']);
  });

  it('clear cancels a pending callback once, and does not call clearTimeout when nothing is pending', () => {
    const { timers, pending, cleared } = manualTimers();
    const slot = new TimerSlot(timers);
    slot.clear();
    expect(cleared).toEqual([]);
    slot.set(100, () => {
      throw new Error('must not run');
    });
    slot.clear();
    expect(cleared).toEqual([1]);
    expect(pending.size).toBe(0);
    expect(slot.active).toBe(false);
    slot.clear();
    expect(cleared).toEqual([1]);
  });
});

describe('GLOBAL_TIMERS', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a callback after its delay and cancels it on clearTimeout, through the host timers', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    GLOBAL_TIMERS.setTimeout(() => ran.push('kept'), 1000);
    const dropped = GLOBAL_TIMERS.setTimeout(() => ran.push('dropped'), 500);
    GLOBAL_TIMERS.clearTimeout(dropped);
    vi.advanceTimersByTime(999);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['kept']);
  });
});
