// Bench helper: runs a bench script in its own Node process (tsx), so that the server under test,
// the load it is put under and the client that measures it do not share an event loop. The child
// prints one JSON line when ready; it is told to go or to stop through its stdin.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface, type Interface } from 'node:readline';

/** A child bench process: what it printed when ready, its next lines, and how to end it. */
export interface BenchChild<T> {
  readonly ready: T;
  readonly pid: number;
  /** Writes one line to its stdin. */
  send(line: string): void;
  /** The next JSON line it prints. */
  next<U>(): Promise<U>;
  /** Closes its stdin (the child exits on that) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `bench/<script>` with `env` and waits for its first JSON line. BENCH_CHILD_ARGS adds
 * Node flags to every child (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the server).
 * `wrapper` runs Node under another command (e.g. strace injecting a delay into fsync).
 */
export async function startBenchChild<T>(
  script: string,
  env: Record<string, string>,
  wrapper: readonly string[] = [],
): Promise<BenchChild<T>> {
  const flags = (env.BENCH_CHILD_ARGS ?? process.env.BENCH_CHILD_ARGS ?? '').split(' ').filter(Boolean);
  const file = fileURLToPath(new URL(script, import.meta.url));
  const command = [...wrapper, process.execPath, '--import', 'tsx', ...flags, file];
  const child: ChildProcess = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: Interface = createInterface({ input: child.stdout! });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else queue.push(line);
  });
  const next = <U>(): Promise<U> =>
    new Promise((ok, fail) => {
      const line = queue.shift();
      if (line !== undefined) return ok(JSON.parse(line) as U);
      const onExit = (code: number | null) => fail(new Error(`${script} exited with ${code}`));
      child.once('exit', onExit);
      waiting.push((l) => {
        child.off('exit', onExit);
        ok(JSON.parse(l) as U);
      });
    });
  const ready = await next<T>();
  return {
    ready,
    pid: child.pid!,
    send: (line) => child.stdin!.write(`${line}\n`),
    next,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.stdin!.end();
      }),
  };
}

/** In a child: resolves when the parent closes stdin (the parent stopped or died). */
export function parentGone(): Promise<void> {
  return new Promise((done) => {
    process.stdin.resume();
    process.stdin.once('close', () => done());
  });
}
