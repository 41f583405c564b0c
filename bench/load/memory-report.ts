import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MemorySample } from '../harness/memory-probe';
import { DOCKERFILE_NODE_OPTIONS } from '../harness/app-processes';

/**
 * LOAD_MEMORY=1: the app's processes load bench/harness/memory-probe.js (a `--require` preload that
 * logs their memory every second) and the report breaks each one's RSS down at idle (just before the
 * clock starts) and at its peak under load. Off by default: the bench runs the processes as
 * production does, and the probe's own reads of /proc cost a little CPU.
 */
export function memoryProbeEnv(): Record<string, string> | undefined {
  if (!process.env.LOAD_MEMORY) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gds-memory-'));
  const preload = `--require ${path.join(__dirname, '..', 'harness', 'memory-probe.js')}`;
  // The app's own flags stay (appEnvironment's default): the probe must not change what it measures.
  const appNodeOptions = process.env.BENCH_APP_NODE_OPTIONS ?? DOCKERFILE_NODE_OPTIONS;
  return { MEMORY_PROBE_DIR: dir, NODE_OPTIONS: [appNodeOptions, preload].filter(Boolean).join(' ') };
}

const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${Math.round(bytes / 1e6)}`);

function breakdown(s: MemorySample): string {
  const space = (name: string) => s.spaces[name] ?? [0, 0];
  const [newUsed, newSize] = space('new_space');
  const [oldUsed, oldSize] = space('old_space');
  const [codeUsed, codeSize] = space('code_space');
  const [loUsed, loSize] = space('large_object_space');
  // Native: RSS not in the V8 heap's committed pages nor in external memory (malloc, libuv, shared libraries' pages).
  const native = s.rss - s.heapTotal - s.external;
  return [
    `RSS ${mb(s.rss)} MB`,
    `V8 heap ${mb(s.heapUsed)} used / ${mb(s.heapTotal)} committed (old ${mb(oldUsed)}/${mb(oldSize)}, new ${mb(newUsed)}/${mb(newSize)}, code ${mb(codeUsed)}/${mb(codeSize)}, large objects ${mb(loUsed)}/${mb(loSize)})`,
    `external ${mb(s.external)} (array buffers ${mb(s.arrayBuffers)})`,
    `the rest ${mb(native)}`,
    `smaps: anonymous ${mb(s.smaps.Anonymous)}, file-backed ${mb((s.smaps.Rss ?? 0) - (s.smaps.Anonymous ?? 0))}`,
    `${s.threads} threads`,
  ].join('; ');
}

function gcSince(from: MemorySample, to: MemorySample): string {
  const kinds = Object.keys(to.gc ?? {}).sort();
  return kinds.map((kind) => `${kind} ${to.gc[kind][0] - (from.gc?.[kind]?.[0] ?? 0)} × ${Math.round(to.gc[kind][1] - (from.gc?.[kind]?.[1] ?? 0))} ms`).join(', ') || 'none';
}

/** Report lines for each process the probe logged: idle before `measuringFrom` and the peak after it (MB = 10^6 bytes). */
export function memoryReport(env: Record<string, string> | undefined, measuringFrom: number): string[] {
  if (!env) return [];
  const lines: string[] = [];
  for (const file of readdirSync(env.MEMORY_PROBE_DIR).sort()) {
    const samples = readFileSync(path.join(env.MEMORY_PROBE_DIR, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as MemorySample);
    const idle = samples.filter((s) => s.t < measuringFrom).at(-1);
    const loaded = samples.filter((s) => s.t >= measuringFrom);
    const peak = loaded.reduce<MemorySample | undefined>((best, s) => (!best || s.rss > best.rss ? s : best), undefined);
    const heapPeak = Math.max(...loaded.map((s) => s.heapTotal));
    const role = file.split('-')[0];
    if (idle) lines.push(`Memory of the ${role} at idle: ${breakdown(idle)}.`);
    if (peak) lines.push(`Memory of the ${role} at its RSS peak under load: ${breakdown(peak)}; largest committed V8 heap under load ${mb(heapPeak)} MB.`);
    const last = loaded.at(-1);
    if (idle && last) lines.push(`Garbage collection of the ${role} under load: ${gcSince(idle, last)}.`);
  }
  return lines;
}
