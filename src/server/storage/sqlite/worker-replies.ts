// Request and reply over a worker thread, as the checkpointer and the writer thread use it: each
// request carries an id and its reply (a message with that id) settles it; once the thread can no
// longer answer, every pending and later request fails with the reason.
import type { Worker } from 'node:worker_threads';

/** The requests of one worker thread. */
export interface WorkerReplies<Reply> {
  /** Posts `message` with a new id; resolves with the reply carrying that id. */
  ask(message: object): Promise<Reply>;
  /** The thread can no longer answer: fails every pending and later request with `error` (the first one given wins). */
  end(error: Error): void;
  /** Why the thread can no longer answer, or null. */
  readonly gone: Error | null;
}

/** Tracks the requests to `worker`; a message without an id goes to `unasked`. */
export function workerReplies<Reply extends { readonly id?: number }>(
  worker: Worker,
  unasked: (message: Reply) => void = () => {},
): WorkerReplies<Reply> {
  let seq = 0;
  let gone: Error | null = null;
  const pending = new Map<number, { ok: (r: Reply) => void; fail: (e: Error) => void }>();
  worker.on('message', (m: Reply) => {
    if (m.id === undefined) return unasked(m);
    pending.get(m.id)?.ok(m);
    pending.delete(m.id);
  });
  return {
    ask(message) {
      if (gone) return Promise.reject(gone);
      const id = ++seq;
      return new Promise((ok, fail) => {
        pending.set(id, { ok, fail });
        worker.postMessage({ ...message, id });
      });
    },
    end(error) {
      gone ??= error;
      for (const p of pending.values()) p.fail(gone);
      pending.clear();
    },
    get gone() {
      return gone;
    },
  };
}
