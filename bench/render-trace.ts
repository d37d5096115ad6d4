// Reads a Chrome trace: main-thread plus raster-thread busy time inside windows delimited by
// performance.mark() events. Busy intervals of one thread are merged first, so nested trace
// events are never counted twice.

/** One trace event as Chrome writes it (only the fields we read). */
export interface TraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time of the event, µs: what it cost, without the time the thread waited for a core. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'TaskGraphRunner::RunTask']);

function merge(intervals: [number, number][]): [number, number][] {
  intervals.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of intervals) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Work per window: wall-clock busy time (`wall`) and thread CPU time (`cpu`), ms per window. */
export interface WindowWork {
  readonly wall: number[];
  readonly cpu: number[];
}

/**
 * Milliseconds of main + raster thread work between consecutive marks named `${prefix}${i}`:
 * busy wall time, and thread CPU time — on a loaded machine a task's wall time includes the
 * time its thread waited for a core, its CPU time does not. A task that straddles a mark counts
 * in each window with the share of its wall time that falls there.
 */
export function windowWork(events: readonly TraceEvent[], prefix: string): WindowWork {
  const threads = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name)
      threads.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const marks = events
    .filter((e) => e.name.startsWith(prefix) && (e.cat ?? '').includes('blink.user_timing'))
    .map((e) => ({ i: Number(e.name.slice(prefix.length)), ts: e.ts }))
    .filter((m) => Number.isInteger(m.i))
    .sort((a, b) => a.i - b.i);
  if (marks.length < 2) throw new Error(`trace: fewer than 2 marks named ${prefix}*`);
  const mainPid = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )?.pid;
  const byThread = new Map<string, [number, number][]>();
  const tasks = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !TASKS.has(e.name) || e.pid !== mainPid) continue;
    const key = `${e.pid}:${e.tid}`;
    const name = threads.get(key) ?? '';
    if (name !== 'CrRendererMain' && !name.startsWith('CompositorTileWorker')) continue;
    const list = byThread.get(key) ?? [];
    list.push([e.ts, e.ts + e.dur]);
    byThread.set(key, list);
    const own = tasks.get(key) ?? [];
    own.push(e);
    tasks.set(key, own);
  }
  const merged = [...byThread.values()].map(merge);
  const outer = [...tasks.values()].map(outermost);
  const out: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k + 1 < marks.length; k++) {
    const from = marks[k].ts;
    const to = marks[k + 1].ts;
    let busy = 0;
    for (const list of merged) {
      for (const [s, e] of list) {
        const a = Math.max(s, from);
        const b = Math.min(e, to);
        if (b > a) busy += b - a;
      }
    }
    out.push(busy / 1000);
    let used = 0;
    for (const list of outer) {
      for (const e of list) {
        const dur = e.dur ?? 0;
        const a = Math.max(e.ts, from);
        const b = Math.min(e.ts + dur, to);
        if (b > a && dur > 0) used += ((e.tdur ?? dur) * (b - a)) / dur;
      }
    }
    cpu.push(used / 1000);
  }
  return { wall: out, cpu };
}

/** Milliseconds of main + raster thread work (busy wall time) between consecutive marks named `${prefix}${i}`. */
export function workPerWindow(events: readonly TraceEvent[], prefix: string): number[] {
  return windowWork(events, prefix).wall;
}

/** The tasks of one thread that no other of its tasks contains (nested RunTasks count once). */
function outermost(list: TraceEvent[]): TraceEvent[] {
  list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: TraceEvent[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const e of list) {
    if (e.ts < end) continue;
    out.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return out;
}

/** The q-quantile (0…1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
