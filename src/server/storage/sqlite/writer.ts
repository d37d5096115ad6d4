// A writer thread: the write statements of a batch of transactions run on a connection of its own
// in a worker thread, so the b-tree work, the WAL frames and the COMMIT (its fsync with
// durability 'full') leave the event loop. The storage decides every write on its own thread and
// sends them here as statement names and parameters; a batch — with every batch that arrived
// while the thread was committing the one before — is one BEGIN IMMEDIATE … COMMIT, each job in a
// savepoint of its own, with the same outcomes as group-commit.ts: a job that fails rolls back
// only itself, a failed BEGIN or COMMIT (or a rollback of the whole transaction by SQLite) fails
// the batches of that transaction with nothing stored.
import { Worker } from 'node:worker_threads';
import { driverPath } from './checkpointer';
import { workerReplies } from './worker-replies';

/** One write statement of a job: its name in the writer's statement list and its parameters. */
export interface WriteOp {
  readonly name: string;
  /** Positional parameters, or one object for named ones. */
  readonly params: readonly unknown[] | object;
  /** When set, the statement must change exactly `changes` rows, else the job fails with `otherwise`. */
  readonly expect?: { readonly changes: number; readonly otherwise: string } | undefined;
}

/** A failed job's error as it crossed the thread: message and SQLite's code, if any. */
export interface WriteFailure {
  readonly message: string;
  readonly code?: string;
}

/** A started writer thread. */
export interface Writer {
  /**
   * Runs the jobs in one transaction, each in a savepoint; resolves after the COMMIT with each
   * job's failure or null. Rejects (nothing stored) when BEGIN or COMMIT fails or the thread is gone.
   * Batches sent while the thread commits share its next transaction (and a failed COMMIT).
   */
  run(jobs: readonly (readonly WriteOp[])[]): Promise<(WriteFailure | null)[]>;
  /** Closes the thread's connection and ends it. */
  close(): Promise<void>;
}

/** Options of {@link startWriter}. */
export interface WriterOptions {
  /** The statements the jobs name, by name. */
  readonly statements: Readonly<Record<string, string>>;
  /** PRAGMA synchronous of the writer's connection (it commits, so its setting decides). */
  readonly synchronous: 'NORMAL' | 'FULL';
  /** PRAGMA wal_autocheckpoint (0 while a background checkpointer copies the WAL). */
  readonly walAutocheckpoint: number;
  /**
   * Called once when the thread can no longer answer — it failed, or it exited (also after
   * `close`); the storage then writes on its own connection again.
   */
  readonly onGone?: (error: Error) => void;
}

// Run with `eval`, as the checkpointer's: no file of its own next to the built module, and no
// TypeScript loader needed in the thread. It loads the same better-sqlite3 by resolved path.
const WORKER = `
const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');
db.pragma('synchronous = ' + workerData.synchronous);
db.pragma('wal_autocheckpoint = ' + workerData.walAutocheckpoint);
const statements = new Map();
const prepared = (name) => {
  let s = statements.get(name);
  if (!s) {
    const sql = workerData.statements[name];
    if (sql === undefined) throw new Error('writer: no statement ' + name);
    s = db.prepare(sql);
    statements.set(name, s);
  }
  return s;
};
const runOps = (ops) => {
  for (const op of ops) {
    const s = prepared(op.name);
    const r = Array.isArray(op.params) ? s.run(...op.params) : s.run(op.params);
    if (op.expect && r.changes !== op.expect.changes) throw new Error(op.expect.otherwise);
  }
};
const failure = (e) => ({ message: String(e && e.message), code: e && typeof e.code === 'string' ? e.code : undefined });
const savepoint = db.transaction(runOps);
const all = db.transaction((jobs) => jobs.map((ops) => {
  try {
    savepoint(ops);
    return null;
  } catch (e) {
    if (!db.inTransaction) throw e;
    return failure(e);
  }
}));
// The batches that queued while the last COMMIT ran share the next one: one COMMIT (with
// durability 'full', one fsync) for all of them, each still answered on its own.
const commit = (runs) => {
  const jobs = runs.length === 1 ? runs[0].jobs : runs.flatMap((m) => m.jobs);
  let failures = null;
  let fatal = null;
  try {
    failures = all.immediate(jobs);
  } catch (e) {
    fatal = failure(e);
  }
  let at = 0;
  for (const m of runs) {
    const n = m.jobs.length;
    parentPort.postMessage(fatal ? { id: m.id, fatal } : { id: m.id, failures: failures.slice(at, at + n) });
    at += n;
  }
};
parentPort.on('message', (first) => {
  const runs = [];
  let close = null;
  for (let m = first; m !== undefined; m = receiveMessageOnPort(parentPort)?.message) {
    if (m.type === 'close') {
      close = m;
      break;
    }
    runs.push(m);
  }
  if (runs.length > 0) commit(runs);
  if (close) {
    db.close();
    parentPort.postMessage({ id: close.id });
    parentPort.close();
  }
});
`;

interface Reply {
  readonly id?: number;
  readonly failures?: (WriteFailure | null)[];
  readonly fatal?: WriteFailure;
}

/** The Error a failure stands for on this side: its message, and SQLite's code when it had one. */
export function writeError(f: WriteFailure): Error {
  const error = new Error(f.message) as Error & { code?: string };
  if (f.code !== undefined) {
    error.name = 'SqliteError';
    error.code = f.code;
  }
  return error;
}

/** Starts a writer thread on the SQLite file at `path` (which must exist, in WAL mode, migrated). */
export function startWriter(path: string, options: WriterOptions): Writer {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      path,
      driver: driverPath(),
      statements: options.statements,
      synchronous: options.synchronous,
      walAutocheckpoint: options.walAutocheckpoint,
    },
  });
  worker.unref();
  let closing: Promise<void> | null = null;
  const replies = workerReplies<Reply>(worker);
  const goneWith = (error: Error) => {
    if (replies.gone) return;
    replies.end(error);
    options.onGone?.(error);
  };
  worker.on('error', goneWith);
  worker.on('exit', () => goneWith(new Error('writer: the thread has exited')));
  return {
    async run(jobs) {
      const reply = await replies.ask({ type: 'run', jobs });
      if (reply.fatal) throw writeError(reply.fatal);
      return reply.failures ?? [];
    },
    close: () => {
      closing ??= (async () => {
        await replies.ask({ type: 'close' }).catch(() => undefined);
        await worker.terminate();
        goneWith(new Error('writer: the thread has exited'));
      })();
      return closing;
    },
  };
}
