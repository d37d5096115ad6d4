// WAL checkpoints off the request path. SQLite's automatic checkpoint runs inside the commit that
// crosses 1,000 WAL pages, on the connection that serves requests, and its fsyncs are the largest
// single cost of a write (a 20 kB row commits in 0.67 ms with it, 0.27 ms without, BENCHMARKS.md).
// Here the request connection has it turned off and a worker thread with a connection of its own
// checkpoints the same file: PASSIVE on a timer, which never waits for a writer nor blocks one.
// Under sustained writes a PASSIVE checkpoint rarely finds the WAL quiet enough for the next
// writer to start it over, so past a size bound the WAL is RESTARTed, and once it is idle and
// fully copied it is TRUNCATEd. Those two modes wait for writers; they run while the storage
// holds its own queue (`pause`), so the worker never competes with a request for the lock and
// the event loop never sleeps in SQLite's busy handler. The fsyncs happen on the worker's thread.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { workerReplies } from './worker-replies';

/** The checkpoint modes the worker runs. */
export type CheckpointMode = 'PASSIVE' | 'RESTART' | 'TRUNCATE';

/** Options of {@link startCheckpointer}. */
export interface CheckpointerOptions {
  /** Time between checkpoint rounds in ms (default 100). */
  readonly intervalMs?: number;
  /** WAL frames (pages) above which the WAL is restarted; default 4,000 (≈ 16 MB of 4 kB pages). */
  readonly restartFrames?: number;
  /**
   * Runs fn while the connection that writes does nothing else (the storage's queue); default:
   * run it at once. RESTART and TRUNCATE run inside it.
   */
  readonly pause?: <R>(fn: () => Promise<R>) => Promise<R>;
  /** Called once if the worker fails; the caller falls back to SQLite's own checkpoints. */
  readonly onError?: (error: Error) => void;
}

/** What one `PRAGMA wal_checkpoint` reported: frames in the WAL and frames copied to the database. */
export interface CheckpointReport {
  readonly mode: CheckpointMode;
  /** 1 when a RESTART or TRUNCATE could not finish (a writer or reader held on). */
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/** A running background checkpointer of one SQLite file. */
export interface Checkpointer {
  /**
   * Runs one round now, as the timer does (a RESTART or TRUNCATE it asks for included), and
   * resolves with what ran. Not from inside `pause`, which the round may need.
   */
  tick(): Promise<readonly CheckpointReport[]>;
  /** Stops the timer, checkpoints everything (TRUNCATE), closes the worker's connection and thread. */
  close(): Promise<void>;
}

// The worker's source, run with `eval` so that it needs no file of its own next to the built
// module (the package is built one module per source file, and tsx would have to load a .ts
// worker). It receives the driver's resolved path, so it loads the same better-sqlite3.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
let lastLog = -1;
let quietRounds = 0;
const run = (mode) => ({ mode, ...db.pragma('wal_checkpoint(' + mode + ')')[0] });
function round() {
  const r = run('PASSIVE');
  let want = null;
  if (r.log > workerData.restartFrames) want = 'RESTART';
  quietRounds = r.log === lastLog ? quietRounds + 1 : 0;
  if (r.log > 0 && r.checkpointed === r.log && quietRounds >= workerData.idleRounds) want = 'TRUNCATE';
  lastLog = r.log;
  return { reports: [r], want };
}
const timer = setInterval(() => {
  const { want } = round();
  if (want) parentPort.postMessage({ want });
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m.type === 'tick') parentPort.postMessage({ id: m.id, ...round() });
  if (m.type === 'run') {
    const r = run(m.mode);
    if (r.busy === 0) lastLog = r.log;
    parentPort.postMessage({ id: m.id, reports: [r], want: null });
  }
  if (m.type === 'close') {
    clearInterval(timer);
    try { run('TRUNCATE'); } finally { db.close(); }
    parentPort.postMessage({ id: m.id, reports: [], want: null });
    parentPort.close();
  }
});
`;

interface Reply {
  readonly id?: number;
  readonly reports?: readonly CheckpointReport[];
  readonly want: 'RESTART' | 'TRUNCATE' | null;
}

type Request = { type: 'tick' } | { type: 'close' } | { type: 'run'; mode: CheckpointMode };

/** The resolved path of better-sqlite3, so a worker thread loads the same driver. */
export const driverPath = (): string => createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Starts checkpointing the SQLite file at `path` (which must exist, in WAL mode) from a worker
 * thread. The thread does not keep the process alive; `close()` ends it.
 */
export function startCheckpointer(path: string, options: CheckpointerOptions = {}): Checkpointer {
  const intervalMs = options.intervalMs ?? 100;
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      path,
      driver: driverPath(),
      intervalMs,
      restartFrames: options.restartFrames ?? 4000,
      // Idle: the WAL has not changed for about a second.
      idleRounds: Math.max(1, Math.round(1000 / intervalMs)),
    },
  });
  worker.unref();
  const pause = options.pause ?? ((fn) => fn());
  let closing: Promise<void> | null = null;
  let waiting = false;
  // A message without an id is the worker asking for a RESTART or TRUNCATE.
  const replies = workerReplies<Reply>(worker, (m) => {
    if (m.want) exclusiveCheckpoint(m.want).catch(() => undefined);
  });
  const ask = (request: Request): Promise<Reply> => replies.ask(request);
  /** Runs RESTART or TRUNCATE while the writer is paused; one at a time, a repeated wish dropped. */
  const exclusiveCheckpoint = async (mode: 'RESTART' | 'TRUNCATE'): Promise<readonly CheckpointReport[]> => {
    if (waiting) return [];
    waiting = true;
    try {
      return (await pause(() => ask({ type: 'run', mode }))).reports ?? [];
    } finally {
      waiting = false;
    }
  };
  worker.on('error', (e) => {
    replies.end(e);
    options.onError?.(e);
  });
  worker.on('exit', () => replies.end(new Error('checkpointer: the worker has exited')));
  return {
    async tick() {
      const { reports = [], want } = await ask({ type: 'tick' });
      return want ? [...reports, ...(await exclusiveCheckpoint(want))] : reports;
    },
    close: () => {
      closing ??= (async () => {
        await ask({ type: 'close' }).catch(() => undefined);
        await worker.terminate();
        replies.end(new Error('checkpointer: the worker has exited'));
      })();
      return closing;
    },
  };
}
