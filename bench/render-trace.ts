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

/** Milliseconds of main + raster thread work between consecutive marks named `${prefix}${i}`. */
export function workPerWindow(events: readonly TraceEvent[], prefix: string): number[] {
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
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !TASKS.has(e.name) || e.pid !== mainPid) continue;
    const key = `${e.pid}:${e.tid}`;
    const name = threads.get(key) ?? '';
    if (name !== 'CrRendererMain' && !name.startsWith('CompositorTileWorker')) continue;
    const list = byThread.get(key) ?? [];
    list.push([e.ts, e.ts + e.dur]);
    byThread.set(key, list);
  }
  const merged = [...byThread.values()].map(merge);
  const out: number[] = [];
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
  }
  return out;
}

/** The q-quantile (0…1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
