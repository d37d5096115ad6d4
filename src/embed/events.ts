// A small typed event emitter for the handle's `on(event, fn)`. The event map is an interface so
// later events (e.g. an outcome crossing) extend it without changing the emitter.

/** Subscribes `fn`; returns the unsubscribe function. */
export type On<M> = <K extends keyof M>(event: K, fn: (payload: M[K]) => void) => () => void;

/** Listeners per event name. */
export class Emitter<M> {
  private readonly listeners = new Map<keyof M, Set<(payload: never) => void>>();

  /** Adds a listener; returns its removal. */
  on<K extends keyof M>(event: K, fn: (payload: M[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(fn as (payload: never) => void);
    return () => {
      set.delete(fn as (payload: never) => void);
    };
  }

  /** Calls every listener of `event`; one that throws does not stop the others. */
  emit<K extends keyof M>(event: K, payload: M[K]): void {
    for (const fn of [...(this.listeners.get(event) ?? [])]) {
      try {
        (fn as (payload: M[K]) => void)(payload);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  /** True when someone listens to `event` (to skip work nobody reads). */
  has(event: keyof M): boolean {
    return (this.listeners.get(event)?.size ?? 0) > 0;
  }

  /** Drops every listener. */
  clear(): void {
    this.listeners.clear();
  }
}
