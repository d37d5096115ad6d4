// A promise chain as a lock: each call starts once the one before it has settled, so a caller
// that awaits inside its own turn (a transaction over a single connection) is never joined by
// another. Driver-free: the SQLite adapter and the PGlite client queue their calls with it.

/** Calls run one at a time, in the order they were queued. */
export interface OneAtATime {
  /** Runs `fn` after every call queued before it has settled; async by contract (a throw is a rejection). */
  run<R>(fn: () => R | Promise<R>): Promise<R>;
  /** Settles once every call queued so far has settled (never rejects). */
  idle(): Promise<void>;
}

/** A new, empty queue. */
export function oneAtATime(): OneAtATime {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<R>(fn: () => R | Promise<R>): Promise<R> {
      const next = tail.then(fn);
      tail = next.catch(() => undefined);
      return next;
    },
    idle: () => tail.then(() => undefined),
  };
}
