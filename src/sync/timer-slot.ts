// One named timer of the engine (debounce, retry, poll): at most one pending callback each.
import type { Timers } from './engine-api';

/** The host's timers. */
export const GLOBAL_TIMERS: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** A timer that is either set or not; setting it again replaces the pending callback. */
export class TimerSlot {
  private handle: unknown = null;

  constructor(private readonly timers: Timers) {}

  /** True while a callback is pending. */
  get active(): boolean {
    return this.handle !== null;
  }

  /** Runs `fn` after `ms`, replacing any pending callback. */
  set(ms: number, fn: () => void): void {
    this.clear();
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      fn();
    }, ms);
  }

  /** Drops the pending callback, if any. */
  clear(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }
}
