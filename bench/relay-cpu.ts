import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import Redis from 'ioredis';
import { appEnvironment } from './harness/app-processes';
import { createBenchDatabase, BenchDatabase } from './harness/bench-database';
import { NodeProcess, REPO_ROOT } from './harness/child-process';
import { cpuSeconds } from './load/process-sampler';
import { jobIdFor } from '../libs/queue/src/job-catalog';
import { OUTBOX_CHANNEL } from '../libs/queue/src/outbox-channel';

/**
 * Issue 23: CPU per outbox message of the worker process and of Postgres (the worker's backends:
 * relay, listener, job pool), for builds side by side, alternated.
 *
 *   node dist/bench/relay-cpu.js                  # dist-before (a copy of a build before a change) vs dist, 3 rounds each
 *   RELAY_BENCH_VARIANTS='dist-before dist dist@OUTBOX_CLAIM_SPACING_MS=0' RELAY_BENCH_PAIRS=3 RELAY_BENCH_RATE=100 RELAY_BENCH_MESSAGES=1500
 *   RELAY_BENCH_REDIS_COUNT=1    # one more round per build with MONITOR: Redis commands per job, scripts' inner ones included
 *
 * Every round also counts, inside the worker (bench/harness/io-count-probe.js), the Redis commands it
 * sends and its socket writes to Redis and Postgres, per message: MONITOR slows Redis enough to
 * change how jobs batch, so its round's figures are for the scripts' inner commands only.
 *
 * A variant is a build directory, optionally with the worker's environment after '@' (KEY=VALUE, ',' between).
 * The worker runs as a child process (the built app's `worker` role) on a database of its own and a
 * fresh queue prefix per round. A publisher (this process, its backends not counted) commits one
 * `pipeline-probe` row and its outbox row per statement with the NOTIFY, at RELAY_BENCH_RATE rows per
 * second in a steady stream (the load run's first hop: a submission and its grading job); the round
 * ends when every probe is handled. The worker's idle CPU (timers, blocking waits) over the round's
 * duration is subtracted. Lag: the probe's created_at → handled_at (the job's UPDATE).
 */
const DISTS = (process.env.RELAY_BENCH_VARIANTS ?? 'dist-before dist').split(/\s+/).filter(Boolean);
const PAIRS = Number(process.env.RELAY_BENCH_PAIRS ?? 3);
const RATE = Number(process.env.RELAY_BENCH_RATE ?? 100);
const MESSAGES = Number(process.env.RELAY_BENCH_MESSAGES ?? 1500);
const IDLE_MS = 3_000;
const WARMUP = Number(process.env.RELAY_BENCH_WARMUP ?? 300);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface RoundResult {
  dist: string;
  workerUsPerMessage: number;
  postgresUsPerMessage: number;
  lagP50: number;
  lagP99: number;
  seconds: number;
  redisCommands?: Record<string, number>;
  /** Per message, inside the worker: Redis commands by name and socket writes by server. */
  io: Record<string, number>;
}

async function main(): Promise<void> {
  for (const variant of DISTS) if (!existsSync(path.join(REPO_ROOT, parseVariant(variant).dir, 'src', 'main.js'))) throw new Error(`${variant}: src/main.js not built`);
  const db = await createBenchDatabase('gds_bench');
  const results: RoundResult[] = [];
  try {
    for (let pair = 0; pair < PAIRS; pair++) {
      // Alternate which build goes first, so a drift in the machine's load favours neither.
      const order = pair % 2 === 0 ? DISTS : [...DISTS].reverse();
      for (const dist of order) {
        const result = await round(db, dist, false);
        results.push(result);
        console.log(line(result));
      }
    }
    if (process.env.RELAY_BENCH_REDIS_COUNT === '1') {
      for (const dist of DISTS) {
        const result = await round(db, dist, true);
        console.log(line(result), JSON.stringify(result.redisCommands));
      }
    }
  } finally {
    await db.drop();
  }
  console.log('\nmedians (min–max) per build:');
  for (const dist of DISTS) {
    const mine = results.filter((r) => r.dist === dist);
    if (mine.length === 0) continue;
    const summary = (pick: (r: RoundResult) => number) => {
      const values = mine.map(pick).sort((a, b) => a - b);
      return `${Math.round(median(values))} (${Math.round(values[0])}–${Math.round(values[values.length - 1])})`;
    };
    console.log(`  ${dist}: worker ${summary((r) => r.workerUsPerMessage)} µs/msg, Postgres ${summary((r) => r.postgresUsPerMessage)} µs/msg, lag p50 ${summary((r) => r.lagP50)} ms, p99 ${summary((r) => r.lagP99)} ms`);
  }
}

function line(r: RoundResult): string {
  return `${r.dist.padEnd(12)} worker ${r.workerUsPerMessage.toFixed(0)} µs/msg  Postgres ${r.postgresUsPerMessage.toFixed(0)} µs/msg  lag p50 ${r.lagP50} ms p99 ${r.lagP99} ms  (${r.seconds.toFixed(1)} s)  per msg ${JSON.stringify(r.io)}`;
}

function parseVariant(variant: string): { dir: string; env: Record<string, string> } {
  const [dir, settings = ''] = variant.split('@');
  return { dir, env: Object.fromEntries(settings.split(',').filter(Boolean).map((pair) => pair.split('=') as [string, string])) };
}

async function round(db: BenchDatabase, dist: string, countRedis: boolean): Promise<RoundResult> {
  const variant = parseVariant(dist);
  const heartbeat = path.join(mkdtempSync(path.join(tmpdir(), 'relay-bench-')), 'heartbeat');
  const prefix = `{r${randomBytes(5).toString('hex')}}`;
  const env = appEnvironment({ databaseUrl: db.url, queuePrefix: prefix, env: { WORKER_HEARTBEAT_FILE: heartbeat, ...variant.env } });
  const ioFile = path.join(path.dirname(heartbeat), 'io.json');
  const probe = path.join(REPO_ROOT, 'bench', 'harness', 'io-count-probe.js');
  const worker = new NodeProcess({ script: path.join(variant.dir, 'src', 'main.js'), args: ['worker'], nodeArgs: ['--require', probe], env: { ...env, IO_COUNT_FILE: ioFile }, name: `worker (${dist})` });
  worker.start();
  const publisher = new Client({ connectionString: db.url, application_name: 'relay-bench' });
  await publisher.connect();
  try {
    await waitFor(async () => existsSync(heartbeat) && (await relayListening(publisher)), 120_000, worker);
    // Warm-up (JIT, the pools' connections, the named statements' first parse), not measured.
    await publish(publisher, WARMUP, RATE);
    await waitFor(async () => (await publisher.query<{ n: number }>('SELECT count(*)::int AS n FROM pipeline_probe WHERE handled_at IS NULL')).rows[0].n === 0, 120_000, worker);
    await publisher.query('TRUNCATE pipeline_probe');
    await sleep(1_000);
    const backends = async () => (await publisher.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'relay-bench' AND pid <> pg_backend_pid()`)).rows.map((r) => r.pid);
    const idleStart = cpuSeconds(worker.pid)!;
    await sleep(IDLE_MS);
    const idlePerMs = (cpuSeconds(worker.pid)! - idleStart) / IDLE_MS;

    const monitor = countRedis ? await monitorCommands(prefix) : undefined;
    const pgBefore = new Map((await backends()).map((pid) => [pid, cpuSeconds(pid) ?? 0]));
    const ioCounts = await readIoCounts(worker, ioFile);
    const workerBefore = cpuSeconds(worker.pid)!;
    const started = Date.now();
    await publish(publisher, MESSAGES, RATE);
    await waitFor(async () => (await publisher.query<{ n: number }>('SELECT count(*)::int AS n FROM pipeline_probe WHERE handled_at IS NULL')).rows[0].n === 0, 120_000, worker);
    const elapsedMs = Date.now() - started;
    const workerCpu = cpuSeconds(worker.pid)! - workerBefore - idlePerMs * elapsedMs;
    let pgCpu = 0;
    for (const pid of await backends()) pgCpu += (cpuSeconds(pid) ?? 0) - (pgBefore.get(pid) ?? 0);
    const redisCommands = await monitor?.stop();
    const io = await ioCounts.next();
    const lags = (await publisher.query<{ ms: number }>(`SELECT extract(epoch FROM handled_at - created_at) * 1000 AS ms FROM pipeline_probe ORDER BY 1`)).rows.map((r) => Number(r.ms));
    await publisher.query('TRUNCATE pipeline_probe');
    return {
      dist,
      workerUsPerMessage: (workerCpu * 1e6) / MESSAGES,
      postgresUsPerMessage: (pgCpu * 1e6) / MESSAGES,
      lagP50: Math.round(lags[Math.floor(lags.length * 0.5)]),
      lagP99: Math.round(lags[Math.min(lags.length - 1, Math.floor(lags.length * 0.99))]),
      seconds: elapsedMs / 1000,
      io: Object.fromEntries(Object.entries(io).sort().map(([name, n]) => [name, Math.round((n / MESSAGES) * 100) / 100])),
      redisCommands: redisCommands && Object.fromEntries(Object.entries(redisCommands).map(([name, n]) => [name, Math.round((n / MESSAGES) * 100) / 100])),
    };
  } finally {
    await publisher.end();
    await worker.stop();
    await dropQueueKeys(prefix);
  }
}

/** The probe's counts since the call (SIGWINCH resets them), then since each `next()`. */
async function readIoCounts(worker: NodeProcess, file: string): Promise<{ next(): Promise<Record<string, number>> }> {
  const { readFileSync, rmSync } = await import('node:fs');
  const take = async () => {
    rmSync(file, { force: true });
    process.kill(worker.pid!, 'SIGWINCH');
    for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(20);
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  };
  await take();
  return { next: take };
}

/** One probe and its outbox row per statement, with the NOTIFY, as Outbox.publish writes them at commit. */
async function publish(client: Client, count: number, perSecond: number): Promise<void> {
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    const probeId = randomUUID();
    await client.query({
      name: 'relay-bench-publish',
      text: `WITH probe AS (INSERT INTO pipeline_probe (id) VALUES ($1)),
                  row AS (INSERT INTO outbox_message (job_name, queue, payload, job_id) VALUES ('pipeline-probe', 'maintenance', $2::jsonb, $3))
             SELECT pg_notify('${OUTBOX_CHANNEL}', '')`,
      values: [probeId, JSON.stringify({ probeId }), jobIdFor('pipeline-probe', { probeId })],
    });
  }
}

async function relayListening(client: Client): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'gds-outbox-relay' AND query ILIKE 'LISTEN%'`);
  return rows[0].n > 0;
}

/** Redis commands naming this round's prefix, by command, from MONITOR (a round of its own: MONITOR costs Redis CPU). */
async function monitorCommands(prefix: string): Promise<{ stop(): Promise<Record<string, number>> }> {
  const redis = new Redis(REDIS_URL);
  const counts: Record<string, number> = {};
  const monitor = await redis.monitor();
  monitor.on('monitor', (_time: string, args: string[]) => {
    if (!args.some((arg) => arg.includes(prefix))) return;
    const name = args[0].toLowerCase();
    counts[name] = (counts[name] ?? 0) + 1;
  });
  return {
    async stop() {
      monitor.disconnect();
      redis.disconnect();
      return counts;
    },
  };
}

async function dropQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function waitFor(ready: () => Promise<boolean>, timeoutMs: number, worker: NodeProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (!worker.running) throw new Error(`worker exited:\n${worker.tail()}`);
    if (Date.now() > deadline) throw new Error(`timed out:\n${worker.tail()}`);
    await sleep(50);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (sorted: number[]) => (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2);

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
