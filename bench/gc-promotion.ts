import autocannon from 'autocannon';
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppProcess, appEnvironment } from './harness/app-processes';
import { createBenchDatabase } from './harness/bench-database';
import { createContext } from './harness/bench-context';
import { NodeProcess } from './harness/child-process';
import { setupTraineeCourse } from './scenarios/trainee-course';

/**
 * Bytes the api promotes to V8's old space per request, and its CPU time per request, over fixed
 * request counts (GC_REQUESTS, default 4000, CPU_CONNECTIONS connections): the api runs with
 * `--trace-gc-nvp`, and every scavenge line's `promoted=` is summed over the batch. An object
 * promoted is one that lived through two scavenges: per-request garbage that is still referenced
 * some time after its request answered. Mark-compacts collect it later, at the tail's expense.
 *
 *   npm run build:server && node dist/bench/gc-promotion.js me lesson
 *
 * GC_SNAPSHOTS=<dir>: also writes heap snapshots (SIGWINCH) before a batch, 3 s into it (the api pauses while it writes) and 5 s
 * after it into <dir>, for `node dist/bench/heap-snapshot-diff.js a b c`. GC_SAMPLING=<dir>: in the last
 * round, a sampling heap profile of the first 2.5 s into <dir> (bench/harness/heap-sampling-probe.ts),
 * for `node dist/bench/heap-profile-summary.js <file>`. Either one disturbs the last round, which is
 * labelled so. Writes no results file.
 */
const REQUESTS = Number(process.env.GC_REQUESTS ?? 4000);
const CONNECTIONS = Number(process.env.CPU_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.CPU_ROUNDS ?? 3);
const TICK_US = 1e6 / 100;

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Sums `promoted=` and counts GCs by kind from --trace-gc-nvp lines, between start() and stop(). */
class PromotionMeter {
  private pending = '';
  private promoted = 0;
  private gcs: Record<string, number> = {};
  constructor(app: NodeProcess) {
    app.onOutput((chunk) => {
      const lines = (this.pending + chunk).split('\n');
      this.pending = lines.pop() ?? '';
      for (const line of lines) {
        const kind = / gc=(\w+)/.exec(line)?.[1];
        if (!kind) continue;
        if (process.env.GC_TRACE_FILE) appendFileSync(process.env.GC_TRACE_FILE, line + '\n');
        this.gcs[kind] = (this.gcs[kind] ?? 0) + 1;
        this.promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
      }
    });
  }
  take(): { promoted: number; gcs: Record<string, number> } {
    const out = { promoted: this.promoted, gcs: this.gcs };
    this.promoted = 0;
    this.gcs = {};
    return out;
  }
}

function fire(url: string, tokens: string[], amount: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    timeout: 120,
    requests: [{ setupRequest: (request: any) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` } }) }],
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks for a snapshot and waits until its file stops growing (a 60 MB snapshot takes the api 10-20 s). */
async function snapshot(api: AppProcess, dir: string, label: string): Promise<void> {
  const files = () => readdirSync(dir).filter((f) => f.endsWith('.heapsnapshot'));
  const count = files().length;
  process.kill(api.pid!, 'SIGWINCH');
  for (let lastSize = -1; ; await pause(1000)) {
    const latest = files().sort().at(-1);
    if (files().length <= count || !latest) continue;
    const size = statSync(path.join(dir, latest)).size;
    if (size > 0 && size === lastSize) return console.log(`  heap snapshot ${label}: ${latest}`);
    lastSize = size;
  }
}

async function main(): Promise<void> {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : ['me', 'lesson'];
  const snapshots = process.env.GC_SNAPSHOTS;
  const db = await createBenchDatabase();
  const env = appEnvironment({ databaseUrl: db.url });
  const sampling = process.env.GC_SAMPLING;
  process.env.BENCH_APP_NODE_ARGS = [
    process.env.BENCH_APP_NODE_ARGS ?? '',
    '--trace-gc',
    '--trace-gc-nvp',
    ...(snapshots ? ['--heapsnapshot-signal=SIGWINCH', `--diagnostic-dir=${snapshots}`] : []),
    ...(sampling ? ['--require', path.join(__dirname, 'harness/heap-sampling-probe.js')] : []),
  ].join(' ');
  if (sampling) env.HEAP_SAMPLING_DIR = sampling;
  const api = await AppProcess.create('api', env);
  const meter = new PromotionMeter(api);
  try {
    await api.startAndWait();
    const ctx = createContext({ api, worker: api, baseline: api as unknown as Parameters<typeof createContext>[0]['baseline'], db });
    const course = await setupTraineeCourse(ctx);
    const paths: Record<string, string> = {
      me: '/api/v1/me',
      'me-enrollments': '/api/v1/me/enrollments',
      lesson: `/api/v1/courses/${course.courseId}/versions/${course.version}/lessons/${course.lessonIds[2]}`,
      health: '/health',
    };
    for (const name of names) {
      const url = api.url + paths[name];
      console.log(`\n== ${name}: ${paths[name]}`);
      await fire(url, course.tokens, REQUESTS / 2);
      for (let round = 1; round <= ROUNDS; round++) {
        if (snapshots && round === ROUNDS) await snapshot(api, snapshots, `${name} before`);
        meter.take();
        const before = cpuTicks(api.pid!);
        if (sampling && round === ROUNDS) process.kill(api.pid!, 'SIGTTIN');
        // Stopped while requests still flow: promoted garbage waits in old space for a mark-compact.
        const stopSampling = sampling && round === ROUNDS ? setTimeout(() => process.kill(api.pid!, 'SIGTTOU'), 2500) : undefined;
        // A snapshot with the batch's connections still open: what they hold (it pauses the api for seconds).
        const during = snapshots && round === ROUNDS ? pause(3000).then(() => snapshot(api, snapshots, `${name} during`)) : undefined;
        const result = await fire(url, course.tokens, REQUESTS);
        clearTimeout(stopSampling);
        await during;
        const us = ((cpuTicks(api.pid!) - before) * TICK_US) / REQUESTS;
        await pause(200);
        const { promoted, gcs } = meter.take();
        if (result.non2xx || result.errors) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
        // The last round carries the snapshot (a pause of seconds, its own allocations) or the sampling profiler: its figures are not the others'.
        const disturbed = round === ROUNDS && (snapshots || sampling) ? ` (disturbed by ${[snapshots && 'GC_SNAPSHOTS', sampling && 'GC_SAMPLING'].filter(Boolean).join(' and ')}: not comparable with the other rounds)` : '';
        console.log(`  round ${round}: ${(promoted / REQUESTS / 1024).toFixed(2)} KB promoted/request, ${us.toFixed(0)} µs CPU/request, GCs ${JSON.stringify(gcs)}${disturbed}`);
        if (snapshots && round === ROUNDS) {
          await pause(5000);
          await snapshot(api, snapshots, `${name} later`);
        }
      }
    }
  } finally {
    await api.stop();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
