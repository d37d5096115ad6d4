// CPU seconds used so far by a process tree or by every process of one name, from /proc (Linux),
// to say which process limits a benchmark. Returns 0 where /proc is missing.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

interface Proc {
  readonly pid: number;
  readonly comm: string;
  readonly ppid: number;
  readonly cpu: number;
}

function processes(): Proc[] {
  let names: string[];
  try {
    names = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return [];
  }
  const out: Proc[] = [];
  for (const n of names) {
    try {
      const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      // Fields after comm: state ppid … utime(12th) stime(13th), 0-based 11 and 12.
      out.push({ pid: Number(n), comm, ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICKS });
    } catch {
      // The process ended while we read.
    }
  }
  return out;
}

/** CPU seconds of pid and all its descendants. */
export function treeCpu(pid: number): number {
  const all = processes();
  const inTree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
  }
  return all.filter((p) => inTree.has(p.pid)).reduce((s, p) => s + p.cpu, 0);
}

/** CPU seconds of every process with this command name (e.g. `postgres`). */
export function namedCpu(comm: string): number {
  return processes()
    .filter((p) => p.comm === comm)
    .reduce((s, p) => s + p.cpu, 0);
}
