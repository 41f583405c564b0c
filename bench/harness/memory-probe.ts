/**
 * A `--require` preload for the app's processes (never part of the app): every MEMORY_PROBE_EVERY_MS
 * (default 1000) it appends one JSON line to `<MEMORY_PROBE_DIR>/<role>-<pid>.jsonl` with the RSS
 * broken down: V8's heap spaces (used and committed), external and array buffers, the threads
 * (/proc/<pid>/task) and /proc/<pid>/smaps_rollup (anonymous against file-backed memory). Whatever
 * RSS is left after the V8 heap and the external memory is native (malloc arenas, libuv, zlib/brotli
 * contexts, code of shared libraries). `npm run bench:load` with LOAD_MEMORY=1 loads it and reports
 * the breakdown; see bench/README.md.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { constants as perf, PerformanceObserver } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

export interface MemorySample {
  t: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** V8 heap spaces by name: [used, committed] bytes. */
  spaces: Record<string, [number, number]>;
  threads: number;
  /** v8.getHeapCodeStatistics(): bytecode and metadata, and the source text V8 keeps outside the heap. */
  code: { bytecode: number; externalSource: number };
  /** CommonJS modules loaded so far. */
  modules: number;
  /** Garbage collections since start by kind (scavenge, mark-compact, ...): [count, milliseconds]. */
  gc: Record<string, [number, number]>;
  /** /proc/<pid>/smaps_rollup fields in bytes (Rss, Anonymous, Private_Clean, Shared_Clean, ...). */
  smaps: Record<string, number>;
}

const GC_KINDS: Record<number, string> = {
  [perf.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [perf.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [perf.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [perf.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};
const gc: Record<string, [number, number]> = {};

function smapsRollup(): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    for (const line of readFileSync('/proc/self/smaps_rollup', 'utf8').split('\n')) {
      const match = /^(\w+):\s+(\d+) kB/.exec(line);
      if (match) out[match[1]] = Number(match[2]) * 1024;
    }
  } catch {
    // no /proc: not Linux
  }
  return out;
}

function threadCount(): number {
  try {
    return readdirSync('/proc/self/task').length;
  } catch {
    return 0;
  }
}

export function memorySample(): MemorySample {
  const usage = process.memoryUsage();
  const spaces: Record<string, [number, number]> = {};
  for (const space of v8.getHeapSpaceStatistics()) spaces[space.space_name] = [space.space_used_size, space.space_size];
  const code = v8.getHeapCodeStatistics();
  return {
    t: Date.now(),
    rss: usage.rss,
    heapTotal: usage.heapTotal,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    spaces,
    threads: threadCount(),
    smaps: smapsRollup(),
    code: { bytecode: code.bytecode_and_metadata_size, externalSource: code.external_script_source_size },
    modules: Object.keys(require.cache).length,
    gc: structuredClone(gc),
  };
}

const dir = process.env.MEMORY_PROBE_DIR;
// Only the process's main thread: design-check threads inherit the preload through execArgv.
if (dir && isMainThread) {
  const role = process.argv[2] ?? 'all';
  const file = path.join(dir, `${role}-${process.pid}.jsonl`);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = GC_KINDS[(entry as unknown as { detail: { kind: number } }).detail.kind] ?? 'other';
      const total = (gc[kind] ??= [0, 0]);
      total[0]++;
      total[1] += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  const write = () => appendFileSync(file, `${JSON.stringify(memorySample())}\n`);
  write();
  setInterval(write, Number(process.env.MEMORY_PROBE_EVERY_MS ?? 1000)).unref();
}
