// Group commit: the write transactions asked for in one event-loop turn share one SQLite
// transaction (BEGIN IMMEDIATE … COMMIT), each inside a SAVEPOINT of its own, so the pages
// every commit rewrites (page 1, the tables' and indexes' shared pages) are written once for
// all of them. A member that throws rolls back to its savepoint — only its own writes — and the
// others go on, seeing the writes of the members before them as they would one after another.
// Every member settles only after the shared COMMIT: with its own result or its own error, or,
// when BEGIN or COMMIT fails (or SQLite rolls the whole transaction back), all of them with that
// error, none of their writes stored.
import type Database from 'better-sqlite3';

/** How a batch runs: after the turn's other callbacks, inside the storage's one-at-a-time chain. */
type Queue = (fn: () => Promise<void>) => Promise<void>;

interface Member {
  readonly work: () => unknown;
  readonly ok: (value: unknown) => void;
  readonly fail: (error: unknown) => void;
}

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown };

/** Joins synchronous write transactions into the batch of the current event-loop turn. */
export interface GroupCommit {
  /** Runs `work` in a savepoint of the turn's shared transaction; settles after its COMMIT. */
  join<R>(work: () => R): Promise<R>;
}

const nextTurn = (): Promise<void> => new Promise((done) => setImmediate(done));

/**
 * Gathers what is added during one event-loop turn into a batch for `run`. The first addition of
 * a turn queues the batch on `queue` (so calls queued before it still run first); the batch waits
 * for the check phase of the loop, so additions whose data arrived in the same poll phase join
 * it, then `run` takes every one added until then.
 */
export function perTurn<M>(queue: Queue, run: (batch: M[]) => void | Promise<void>): (member: M) => void {
  let open: M[] | null = null;
  return (member) => {
    if (!open) {
      const batch: M[] = [];
      open = batch;
      void queue(async () => {
        await nextTurn();
        open = null;
        await run(batch);
      });
    }
    open.push(member);
  };
}

/**
 * Group commit on `db`: the members of one turn (perTurn, on `queue`, so `exclusive` callers
 * still run alone) share one transaction.
 */
export function groupCommit(db: Database.Database, queue: Queue): GroupCommit {
  const savepoint = db.transaction((work: () => unknown): unknown => work());
  const all = db.transaction((members: readonly Member[]): Outcome[] =>
    members.map((m): Outcome => {
      try {
        return { ok: true, value: savepoint(m.work) };
      } catch (error) {
        // Some errors (I/O, out of memory) make SQLite roll back the whole transaction: then
        // nothing of the batch is kept, and every member gets this error.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );
  const commit = (members: readonly Member[]): void => {
    let outcomes: Outcome[];
    try {
      outcomes = all.immediate(members);
    } catch (error) {
      for (const m of members) m.fail(error);
      return;
    }
    for (const [i, m] of members.entries()) {
      const o = outcomes[i]!;
      if (o.ok) m.ok(o.value);
      else m.fail(o.error);
    }
  };
  const add = perTurn(queue, commit);
  return {
    join: <R>(work: () => R): Promise<R> =>
      new Promise<R>((ok, fail) => add({ work, ok: ok as (value: unknown) => void, fail })),
  };
}
