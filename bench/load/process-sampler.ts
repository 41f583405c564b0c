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
 * Samples the RSS of some processes every `everyMs` while running; `stop()` answers each one's
 * peak and median RSS and the CPU seconds it used between start and stop.
 */
export function sampleProcesses(processes: Array<{ name: string; pid: () => number | undefined }>, everyMs = 500) {
  const rss = new Map(processes.map((p) => [p.name, [] as number[]]));
  const cpuAtStart = new Map(processes.map((p) => [p.name, cpuSeconds(p.pid())]));
  const sample = () => {
    for (const p of processes) {
      const value = rssMB(p.pid());
      if (value !== null) rss.get(p.name)!.push(value);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop(): ProcessFigures[] {
      clearInterval(timer);
      sample();
      return processes.map((p) => {
        const values = [...rss.get(p.name)!].sort((a, b) => a - b);
        const before = cpuAtStart.get(p.name);
        const after = cpuSeconds(p.pid());
        return {
          name: p.name,
          rssMaxMB: values.length ? values[values.length - 1] : null,
          rssMedianMB: values.length ? values[Math.floor(values.length / 2)] : null,
          cpuSeconds: before === null || before === undefined || after === null ? null : Math.round((after - before) * 10) / 10,
        };
      });
    },
  };
}
