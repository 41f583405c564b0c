import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { recordSpawned } from '../../libs/testing/src/spawned-processes';
import { AppProcess, appEnvironment } from '../harness/app-processes';
import { createBenchDatabase } from '../harness/bench-database';
import { machineLine, provenance } from '../harness/machine';
import { markdownTable, writeSection } from '../harness/results-file';
import { seedTrainees } from '../harness/seed-users';
import type { GeneratorMessage, GeneratorSettings } from './load-generator';
import { PIPELINE_PROBE_EVERY_MS } from './load-generator';
import type { Sample } from './load-context';
import { ProcessFigures, sampleProcesses } from './process-sampler';
import { memoryProbeEnv, memoryReport } from './memory-report';
import { gradingLagStagesReport, gradingLagTimelines, Timeline, writtenToGradedMs } from './grading-lag-stages';
import { postgresBackendPids, redisServerPids } from './service-processes';

const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 100);
/** LOAD_ACTIONS=name,name runs only those actions (names as in bench/load/actions). */
const ONLY = process.env.LOAD_ACTIONS?.split(',').map((n) => n.trim());

/** Issue 23.3: what a 200-user run must show. */
const TARGETS = { readP99Ms: 300, writeP99Ms: 600, gradingLagP99Ms: 2_000, rssMB: 250 };

type Result = Extract<GeneratorMessage, { type: 'result' }>;

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const isRead = (s: Sample) => s.endpoint.startsWith('GET ');

/**
 * Forks the load generator (load-generator.ts) and waits for its answer, calling `measuring` when
 * its clock starts. The generator is a process of its own: the harness samples the app's processes
 * meanwhile without touching the generator's event loop, and its CPU is measured apart.
 */
function runGenerator(settings: GeneratorSettings, measuring: (pid: number) => void): Promise<{ result: Result; pid: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'load-generator.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    recordSpawned(child.pid, 'load generator');
    let result: Result | undefined;
    child.on('message', (message: GeneratorMessage) => {
      if (message.type === 'measuring') measuring(child.pid!);
      else if (message.type === 'result') result = message;
      else reject(new Error(`load generator failed: ${message.error}`));
    });
    // 'close', not 'exit': a child may exit before its last IPC message has been read here.
    child.on('close', (code) => (result ? resolve({ result, pid: child.pid! }) : reject(new Error(`load generator exited with ${code} and no result`))));
    child.send(settings);
  });
}

async function main(): Promise<void> {
  const before = await provenance();
  const db = await createBenchDatabase('gds_load');
  const memoryEnv = memoryProbeEnv();
  const env = appEnvironment({ databaseUrl: db.url, env: memoryEnv });
  const api = await AppProcess.create('api', env);
  const worker = await AppProcess.create('worker', { ...env, MIGRATIONS_RUN_ON_START: 'false' });
  try {
    console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(' / ')} before the run; database ${db.name}; starting api and worker ...`);
    await api.startAndWait();
    worker.start();
    console.log(`seeding ${USERS} trainees ...`);
    const emails = await seedTrainees(db, USERS, (line) => console.log(line));
    let sampler: ReturnType<typeof sampleProcesses> | undefined;
    let loadAtStart: number[] = [];
    let measuringFrom = 0;
    const { result } = await runGenerator(
      { apiUrl: api.url, databaseUrl: db.url, emails, users: USERS, seconds: SECONDS, thinkMs: THINK_MS, only: ONLY },
      (generatorPid) => {
        loadAtStart = os.loadavg();
        measuringFrom = Date.now();
        sampler = sampleProcesses([
          { name: 'api', pid: () => api.pid },
          { name: 'worker', pid: () => worker.pid },
          { name: 'load generator', pid: () => generatorPid },
          // The run's database's backends only (api, worker, the generator's probes): the shared cluster serves other work too.
          { name: 'postgres', pids: () => postgresBackendPids(db.name) },
          { name: 'redis', pids: () => redisServerPids(Number(new URL(env.REDIS_URL ?? 'redis://127.0.0.1:6379').port || 6379)) },
        ]);
      },
    );
    const processes = sampler!.stop();
    // The generator's own figure when /proc could not be read after it exited.
    const generator = processes.find((p) => p.name === 'load generator')!;
    if (generator.cpuSeconds === null) generator.cpuSeconds = Math.round(result.cpuSeconds * 10) / 10;
    const machine = machineLine({ ...before, machine: { ...before.machine, postgres: (await db.query<{ server_version: string }>('SHOW server_version'))[0].server_version } });
    const timelines = await gradingLagTimelines(db, env.REDIS_URL, env.QUEUE_PREFIX, result.gradingTraces);
    report(result, processes, loadAtStart, machine, memoryReport(memoryEnv, measuringFrom), timelines);
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
    await db.drop();
  }
}

function report(result: Result, processes: ProcessFigures[], loadAtStart: number[], machine: string, memory: string[], timelines: Timeline[]): void {
  const gradingStages = gradingLagStagesReport(timelines);
  const writtenToGraded = writtenToGradedMs(timelines);
  const { samples, elapsedSeconds: elapsed } = result;
  const endpoints = [...new Set(samples.map((s) => s.endpoint))].sort();
  const rows = endpoints.map((endpoint) => {
    const mine = samples.filter((s) => s.endpoint === endpoint);
    const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
    const errors = mine.filter((s) => !s.ok).length;
    return [endpoint, mine.length, Math.round(mine.length / elapsed), errors, `${((100 * errors) / mine.length).toFixed(2)} %`, percentile(ms, 50).toFixed(1), percentile(ms, 99).toFixed(1)];
  });
  const errors = samples.filter((s) => !s.ok).length;
  const errorKinds = new Map<string, number>();
  for (const s of samples.filter((x) => !x.ok)) errorKinds.set(`${s.endpoint} → ${s.status || 'network error'}`, (errorKinds.get(`${s.endpoint} → ${s.status || 'network error'}`) ?? 0) + 1);
  const reads = samples.filter(isRead).map((s) => s.ms).sort((a, b) => a - b);
  const writes = samples.filter((s) => !isRead(s)).map((s) => s.ms).sort((a, b) => a - b);
  const grading = [...result.gradingLags].sort((a, b) => a - b);
  const pipeline = [...result.pipelineLags].sort((a, b) => a - b);
  const byName = new Map(processes.map((p) => [p.name, p]));
  const cores = os.cpus().length;
  const cpuShare = (p: ProcessFigures) => (p.cpuSeconds === null ? '—' : `${p.cpuSeconds} s (${(p.cpuSeconds / elapsed).toFixed(2)} of ${cores} cores)`);
  const fmt = (n: number | null | undefined, unit: string) => (n === null || n === undefined || Number.isNaN(n) ? '—' : `${Math.round(n)} ${unit}`);
  const check = (value: number | null | undefined, limit: number) => (value === null || value === undefined || Number.isNaN(value) ? 'not measured' : value < limit ? 'met' : 'missed');
  // A submission not graded within the wait has no lag to rank: its absence would flatter the p99, so either grading row is missed.
  const timedOut = result.gradingTimeouts;
  const gradingCheck = (value: number) => (timedOut > 0 ? 'missed' : check(value, TARGETS.gradingLagP99Ms));
  const targets: Array<[string, string, string, string]> = [
    ['errors', String(errors), '0', errors === 0 ? 'met' : 'missed'],
    ['reads (GET) p99', fmt(percentile(reads, 99), 'ms'), `< ${TARGETS.readP99Ms} ms`, check(percentile(reads, 99), TARGETS.readP99Ms)],
    ['writes (POST, PATCH) p99', fmt(percentile(writes, 99), 'ms'), `< ${TARGETS.writeP99Ms} ms`, check(percentile(writes, 99), TARGETS.writeP99Ms)],
    [`grading lag p99 (${grading.length} graded${timedOut ? `, ${timedOut} not graded within 60 s` : ''})`, fmt(percentile(grading, 99), 'ms'), `< ${TARGETS.gradingLagP99Ms} ms`, gradingCheck(percentile(grading, 99))],
    // The issue's words ("accepted → graded"), from the api's transaction writing the submission and its outbox row (before the
    // commit and the 202), without the POST's and the polling GET's own latency (counted under writes and reads).
    [`grading lag p99, row written → job finished (${writtenToGraded.length} traced of ${grading.length} graded)`, fmt(percentile(writtenToGraded, 99), 'ms'), `< ${TARGETS.gradingLagP99Ms} ms`, gradingCheck(percentile(writtenToGraded, 99))],
    ['api RSS, peak', fmt(byName.get('api')?.rssMaxMB, 'MB'), `< ${TARGETS.rssMB} MB`, check(byName.get('api')?.rssMaxMB, TARGETS.rssMB)],
    ['worker RSS, peak', fmt(byName.get('worker')?.rssMaxMB, 'MB'), `< ${TARGETS.rssMB} MB`, check(byName.get('worker')?.rssMaxMB, TARGETS.rssMB)],
  ];
  const missed = targets.filter((t) => t[3] !== 'met').length;
  const summary = [
    `- ${USERS} concurrent users for ${elapsed.toFixed(0)} s, think time 0–${THINK_MS * 2} ms; api, worker and the load generator as three separate processes.`,
    `- Load average ${loadAtStart.map((n) => n.toFixed(1)).join(' / ')} (1 / 5 / 15 min) when the clock started.`,
    `- ${samples.length} requests, ${Math.round(samples.length / elapsed)} req/s, ${errors} errors (error rate ${((100 * errors) / Math.max(samples.length, 1)).toFixed(2)} %; target 0).`,
    `- CPU over the measured phase: ${processes.map((p) => `${p.name} ${cpuShare(p)}`).join('; ')}. The generator's share is what it took from the app on this machine; its event-loop delay p99 was ${result.eventLoopDelayP99Ms.toFixed(1)} ms (added to every latency it measured when high).`,
    `- CPU per request (ms of CPU over ${samples.length} requests): ${processes.map((p) => `${p.name} ${p.cpuSeconds === null ? '—' : ((1000 * p.cpuSeconds) / Math.max(samples.length, 1)).toFixed(3)}`).join('; ')}. Postgres counts the backends of the run's database (/proc, by their titles); Redis is the whole server, which other work on the machine may share.`,
    `- RSS (sampled every 0.5 s): ${processes.filter((p) => p.rssMaxMB !== null && p.name !== 'load generator').map((p) => `${p.name} peak ${fmt(p.rssMaxMB, 'MB')}, median ${fmt(p.rssMedianMB, 'MB')}`).join('; ')}.`,
    `- Pipeline lag (outbox → relay → queue → worker, a probe every ${PIPELINE_PROBE_EVERY_MS / 1000} s under load): p50 ${fmt(percentile(pipeline, 50), 'ms')}, p99 ${fmt(percentile(pipeline, 99), 'ms')}, max ${fmt(pipeline[pipeline.length - 1], 'ms')} over ${pipeline.length} probes.`,
    ...(errors ? [`- Errors: ${[...errorKinds.entries()].map(([kind, n]) => `${kind} ×${n}`).join('; ')}.`] : []),
    ...memory.map((line) => `- ${line}`),
    ...result.summaries.map((line) => `- ${line}`),
    `- Actions: ${result.actions.join(', ')}.`,
  ].join('\n');
  const targetTable = markdownTable(['issue 23.3 target', 'measured', 'target', ''], targets);
  const table = markdownTable(['endpoint', 'requests', 'req/s', 'errors', 'error rate', 'p50 ms', 'p99 ms'], rows);
  console.log(`\n${targetTable}\n\n${table}\n\n${summary}\n\n${gradingStages}`);
  writeSection('load', `## Load (\`npm run bench:load\`)\n\n${machine}\n\n${targetTable}\n\n${summary}\n\n${gradingStages}\n\n${table}`);
  console.log(`\nwrote the load section of RESULTS.md${missed ? `; ${missed} target(s) not met` : ''}`);
  if (missed > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
