// The storage's transactions (`atomically`) when a writer thread commits them (writer.ts). The
// transactions asked for in one event-loop turn form a batch, decided inside the storage's queue:
// each reads its snapshot on the storage's connection and decides there, and its writes go to
// the thread as statements — a part of the batch is one COMMIT on the thread, each transaction in
// a savepoint. The queue is free again once a part is sent, so the next batch is decided while
// the thread commits; the thread commits parts in the order they were sent. A transaction whose
// reads (an analysis, an idempotency record) are written by a part not yet committed waits for
// it, so every snapshot holds the writes of the transactions before it, as one after another
// would. Writes on the connection itself wait until every sent part has committed (`drain`).
import type Database from 'better-sqlite3';
import type { OutboxEvent, TxDecision, TxReads, TxSnapshot, TxWrites } from '../storage';
import { perTurn } from './group-commit';
import { type WriteOp, type Writer, writeError } from './writer';
import type { WriteSink } from './writes';

/** What the batches need of the storage: its queue, reads and write application. */
export interface BatchPorts {
  readonly db: Database.Database;
  /** The storage's one-at-a-time queue. */
  readonly later: (fn: () => Promise<void>) => Promise<void>;
  readonly snapshot: (reads: TxReads) => TxSnapshot;
  /** The outbox events of `writes` that someone will read (an active webhook endpoint). */
  readonly activeOutbox: (writes: TxWrites) => readonly OutboxEvent[];
  /** Applies the writes through `sink`, or on the connection when it is null. */
  readonly apply: (writes: TxWrites, sink: WriteSink | null, active: readonly OutboxEvent[]) => void;
  /** The writer thread, or null once it has failed (the connection commits again). */
  readonly writer: () => Writer | null;
}

interface Asked {
  readonly reads: TxReads;
  readonly decide: (snapshot: TxSnapshot) => TxDecision<unknown>;
  readonly ok: (value: unknown) => void;
  readonly fail: (error: unknown) => void;
}

/** The analyses and idempotency records the writes of one batch part touch so far. */
class Touched {
  readonly analyses = new Set<string>();
  readonly idempotency = new Set<string>();
  /** Some write purged expired idempotency records: any record may be gone. */
  purged = false;

  readsAny(r: TxReads): boolean {
    if (this.analyses.size === 0 && this.idempotency.size === 0 && !this.purged) return false;
    if (r.analysisId !== undefined && this.analyses.has(r.analysisId)) return true;
    return r.idempotency !== undefined && (this.purged || this.idempotency.has(idemKey(r.idempotency)));
  }

  add(w: TxWrites): void {
    for (const id of analysesOf(w)) this.analyses.add(id);
    for (const k of idempotencyOf(w)) this.idempotency.add(k);
    if (w.purgeIdempotencyAt !== undefined) this.purged = true;
  }
}

const idemKey = (r: { readonly communityId: string; readonly key: string }) => `${r.communityId}\n${r.key}`;

function analysesOf(w: TxWrites): string[] {
  const ids: string[] = [];
  if (w.insertAnalysis) ids.push(w.insertAnalysis.id);
  if (w.updateAnalysis) ids.push(w.updateAnalysis.id);
  if (w.appendDrawings) ids.push(w.appendDrawings.analysisId);
  if (w.deleteAnalysisId !== undefined) ids.push(w.deleteAnalysisId);
  return ids;
}

function idempotencyOf(w: TxWrites): string[] {
  const keys: string[] = [];
  if (w.putIdempotency) keys.push(idemKey(w.putIdempotency));
  if (w.deleteIdempotency) keys.push(idemKey(w.deleteIdempotency));
  return keys;
}

/** A storage's transactions through its writer thread. */
export interface WriterBatches {
  /** `atomically`: batched per event-loop turn, decided here, committed by the thread. */
  atomically<R>(reads: TxReads, decide: (snapshot: TxSnapshot) => TxDecision<R>): Promise<R>;
  /** Resolves once every part sent to the thread has committed (or failed); a writer on the connection awaits it first. */
  drain(): Promise<void>;
}

/** `atomically` for a storage with a writer thread. */
export function writerBatches(ports: BatchPorts): WriterBatches {
  // Parts sent to the thread and not yet answered, in the order the thread commits them.
  const inflight = new Set<{ readonly touched: Touched; readonly done: Promise<void> }>();

  /** Runs one transaction on the connection, as the storage does without a thread. */
  const onConnection = (
    a: Asked,
    decided?: { decision: TxDecision<unknown>; active: readonly OutboxEvent[] },
  ) => {
    try {
      const result = ports.db
        .transaction(() => {
          const decision = decided?.decision ?? a.decide(ports.snapshot(a.reads));
          ports.apply(decision.writes, null, decided?.active ?? ports.activeOutbox(decision.writes));
          return decision.result;
        })
        .immediate();
      a.ok(result);
    } catch (error) {
      a.fail(error);
    }
  };

  /** Sends a part; its members settle when the thread answers. Not awaited by the batch. */
  const send = (
    part: readonly { ops: WriteOp[]; asked: Asked; result: unknown }[],
    touched: Touched,
  ): void => {
    const writer = ports.writer();
    const done = (async () => {
      let failures: Awaited<ReturnType<Writer['run']>>;
      try {
        if (!writer) throw new Error('writer: the thread has failed');
        failures = await writer.run(part.map((j) => j.ops));
      } catch (error) {
        for (const j of part) j.asked.fail(error);
        return;
      }
      part.forEach((j, i) => {
        const failure = failures[i];
        if (failure) j.asked.fail(writeError(failure));
        else j.asked.ok(j.result);
      });
    })();
    const entry = { touched, done };
    inflight.add(entry);
    void done.finally(() => inflight.delete(entry));
  };

  const drain = async (): Promise<void> => {
    while (inflight.size > 0) await Promise.all([...inflight].map((p) => p.done));
  };

  const runBatch = async (batch: readonly Asked[]): Promise<void> => {
    let part: { ops: WriteOp[]; asked: Asked; result: unknown }[] = [];
    let touched = new Touched();
    const sendPart = () => {
      if (part.length === 0) return;
      send(part, touched);
      part = [];
      touched = new Touched();
    };
    for (const a of batch) {
      if (!ports.writer()) {
        sendPart();
        await drain();
        onConnection(a);
        continue;
      }
      // A snapshot must hold the writes it reads: send what this batch wrote there, and wait
      // for every part in flight that writes there. Writes alone need no wait: the thread
      // commits the parts in the order they were sent.
      if (touched.readsAny(a.reads)) sendPart();
      const before = [...inflight].filter((p) => p.touched.readsAny(a.reads));
      if (before.length > 0) await Promise.all(before.map((p) => p.done));
      let decision: TxDecision<unknown>;
      let active: readonly OutboxEvent[];
      try {
        decision = a.decide(ports.snapshot(a.reads));
        active = ports.activeOutbox(decision.writes);
      } catch (error) {
        a.fail(error);
        continue;
      }
      // An event that reads the analysis back after the writes needs them on this connection,
      // after everything sent before.
      if (active.some((e) => e.dataOfStored !== undefined)) {
        sendPart();
        await drain();
        onConnection(a, { decision, active });
        continue;
      }
      const ops: WriteOp[] = [];
      try {
        ports.apply(decision.writes, (name, params, expect) => ops.push({ name, params, expect }), active);
      } catch (error) {
        a.fail(error);
        continue;
      }
      part.push({ ops, asked: a, result: decision.result });
      touched.add(decision.writes);
    }
    sendPart();
  };

  const add = perTurn(ports.later, runBatch);
  return {
    atomically: <R>(reads: TxReads, decide: (snapshot: TxSnapshot) => TxDecision<R>): Promise<R> =>
      new Promise<R>((ok, fail) => add({ reads, decide, ok: ok as (value: unknown) => void, fail })),
    drain,
  };
}
