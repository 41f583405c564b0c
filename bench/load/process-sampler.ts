import { readFileSync } from 'node:fs';

/** Resident memory (VmRSS) of a process in MB (10^6 bytes, as issue 23.3's 250 MB), from /proc; null when it is gone or /proc is absent. */
export function rssMB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(((Number(match[1]) * 1024) / 1e6) * 10) / 10 : null; // VmRSS counts KiB
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null when unknown. */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

export interface ProcessFigures {
  name: string;
  rssMaxMB: number | null;
  rssMedianMB: number | null;
  cpuSeconds: number | null;
}

/**
 * One process (`pid`), or a group whose members come and go (`pids`: a database's backends, say).
 * A group's CPU is the sum over every member seen: from its CPU at the start for members alive then,
 * from zero (its fork) for members first seen later; a member that exits between two samples keeps
 * what it had used at the last one. A group has no RSS figure (Postgres backends share their buffers).
 */
export type SampledProcess = { name: string; pid: () => number | undefined } | { name: string; pids: () => number[] };

class GroupCpu {
  private readonly base = new Map<number, number>();
  private readonly last = new Map<number, number>();

  constructor(
    private readonly pids: () => number[],
    atStart: boolean,
  ) {
    this.sample(atStart);
  }

  sample(atStart = false): void {
    for (const pid of this.pids()) {
      const used = cpuSeconds(pid);
      if (used === null) continue;
      if (!this.base.has(pid)) this.base.set(pid, atStart ? used : 0);
      this.last.set(pid, used);
    }
  }

  total(): number {
    let sum = 0;
    for (const [pid, last] of this.last) sum += last - this.base.get(pid)!;
    return sum;
  }
}

/**
 * Samples the RSS of some processes every `everyMs` while running; `stop()` answers each one's
 * peak and median RSS and the CPU seconds it used between start and stop.
 */
export function sampleProcesses(processes: SampledProcess[], everyMs = 500) {
  const single = processes.filter((p): p is Extract<SampledProcess, { pid: unknown }> => 'pid' in p);
  const groups = new Map(processes.filter((p): p is Extract<SampledProcess, { pids: unknown }> => 'pids' in p).map((p) => [p.name, new GroupCpu(p.pids, true)]));
  const rss = new Map(single.map((p) => [p.name, [] as number[]]));
  const cpuAtStart = new Map(single.map((p) => [p.name, cpuSeconds(p.pid())]));
  const sample = () => {
    for (const p of single) {
      const value = rssMB(p.pid());
      if (value !== null) rss.get(p.name)!.push(value);
    }
    for (const group of groups.values()) group.sample();
  };
  sample();
  const timer = setInterval(sample, everyMs);
  const round = (seconds: number) => Math.round(seconds * 10) / 10;
  return {
    stop(): ProcessFigures[] {
      clearInterval(timer);
      sample();
      return processes.map((p) => {
        const group = groups.get(p.name);
        if (group) return { name: p.name, rssMaxMB: null, rssMedianMB: null, cpuSeconds: round(group.total()) };
        const values = [...rss.get(p.name)!].sort((a, b) => a - b);
        const before = cpuAtStart.get(p.name);
        const after = cpuSeconds((p as Extract<SampledProcess, { pid: unknown }>).pid());
        return {
          name: p.name,
          rssMaxMB: values.length ? values[values.length - 1] : null,
          rssMedianMB: values.length ? values[Math.floor(values.length / 2)] : null,
          cpuSeconds: before === null || before === undefined || after === null ? null : round(after - before),
        };
      });
    },
  };
}
