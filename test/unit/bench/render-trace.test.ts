import { describe, expect, it } from 'vitest';
import { type TraceEvent, windowWork } from '../../../bench/render-trace';

const thread = (tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid: 1,
  tid,
  args: { name },
});
const mark = (name: string, ts: number): TraceEvent => ({
  name,
  cat: 'blink.user_timing',
  ph: 'R',
  ts,
  pid: 1,
  tid: 10,
});
const task = (tid: number, ts: number, dur: number, tdur: number, name = 'RunTask'): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  tdur,
  pid: 1,
  tid,
});

describe('windowWork', () => {
  const events: TraceEvent[] = [
    thread(10, 'CrRendererMain'),
    thread(20, 'CompositorTileWorker1'),
    thread(30, 'ThreadPoolForegroundWorker'),
    mark('s_0', 0),
    mark('s_1', 10_000),
    mark('s_2', 20_000),
    // Main: 4 ms wall of which 1 ms CPU, with a nested task that must not count twice.
    task(10, 1_000, 4_000, 1_000),
    task(10, 2_000, 1_000, 500, 'ThreadControllerImpl::RunTask'),
    // Raster worker: 2 ms wall, 2 ms CPU, straddling the second mark half and half.
    task(20, 9_000, 2_000, 2_000),
    // Not a counted thread.
    task(30, 12_000, 5_000, 5_000),
  ];

  it('gives busy wall time and thread CPU time per window, a straddling task split by its wall share', () => {
    const work = windowWork(events, 's_');
    expect(work.wall).toEqual([5, 1]);
    expect(work.cpu).toEqual([2, 1]);
  });

  it('counts wall time as CPU time where the trace has no thread time', () => {
    const bare = events.map((e) => (e.ph === 'X' ? { ...e, tdur: undefined } : e));
    expect(windowWork(bare, 's_').cpu).toEqual([5, 1]);
  });
});
