import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { AppProcess, appEnvironment } from './harness/app-processes';
import { createBenchDatabase } from './harness/bench-database';
import { createContext } from './harness/bench-context';
import { freePort, NodeProcess, waitForHttpOk } from './harness/child-process';
import { median } from './harness/rounds';
import { publishBenchCourse } from './scenarios/bench-course';
import { setupCohortRoster } from './scenarios/cohort-roster';
import { setupCourseOutline } from './scenarios/course-outline';
import { setupTraineeCourse } from './scenarios/trainee-course';

/**
 * CPU time per request of the api and of the bare server for the same read (`me`, `lesson`, `me-enrollments`,
 * `cohort-roster`, `course-outline`, and `floor`: GET /health, a static answer behind the whole
 * pipeline, against the bare server's static route): wall-clock req/s on a shared, loaded machine says little, while the CPU a
 * process spends on a fixed number of requests barely depends on what else runs. For each side, in
 * alternated rounds: a warm-up, then CPU_REQUESTS requests with CPU_CONNECTIONS connections, the
 * process's utime + stime (/proc/<pid>/stat) read before and after. It also prints one answer's
 * status line, headers and body size from each side (plain, and asking for br/gzip), and with
 * CPU_STRACE=1 counts each side's syscalls over one batch (`strace -c -f`).
 *
 *   npm run build:server && node dist/bench/cpu-per-request.js lesson cohort-roster
 *
 * CPU_BARE_FEATURES=1 adds a third side, `bare+f`: the bare server with the api's features that are
 * not Nest (baseline/baseline-features.ts), whose ratio to bare bounds what the api can reach while
 * keeping every feature (bench/findings/bound.md). Each side's line also gives the load generator's
 * own CPU per request (autocannon runs in this process).
 *
 * Writes no results file: the figures are for comparing code, not for RESULTS.md.
 */
const REQUESTS = Number(process.env.CPU_REQUESTS ?? 2000);
const CONNECTIONS = Number(process.env.CPU_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.CPU_ROUNDS ?? 3);
const TICK_US = 1e6 / 100; // CLK_TCK is 100 on Linux

interface Target {
  name: string;
  path: string;
  /** Asked anew each round: a long run on a loaded machine outlasts a 15-minute access token. */
  tokens: () => Promise<string[]>;
  requests: number;
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
}

function fire(url: string, tokens: string[], amount: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    // No tokens (the floor): no Authorization header, or the api's public route would verify it, a query each time.
    requests: [{ setupRequest: (request: any) => (tokens.length ? { ...request, headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` } } : request) }],
  });
}

async function showAnswer(side: string, url: string, token: string, encoding?: string): Promise<void> {
  const response = await fetch(url, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(encoding ? { 'accept-encoding': encoding } : {}) } });
  const body = Buffer.from(await response.arrayBuffer());
  const headers = [...response.headers.entries()].map(([k, v]) => `${k}: ${v.length > 80 ? v.slice(0, 80) + '…' : v}`).join('\n    ');
  console.log(`  ${side} (accept-encoding: ${encoding ?? 'none'}): ${response.status}, ${body.length} bytes on the wire\n    ${headers}`);
}

async function straced(pid: number, run: () => Promise<unknown>): Promise<string> {
  const out = `/tmp/cpu-strace-${pid}-${Date.now()}.txt`;
  const tracer = spawn('strace', ['-c', '-f', '-p', String(pid), '-o', out], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await run();
  const exited = new Promise((resolve) => tracer.once('exit', resolve));
  tracer.kill('SIGINT');
  await exited;
  return readFileSync(out, 'utf8');
}

/**
 * The local TCP ports of a process's sockets: its fds' socket inodes looked up in /proc/net/tcp and
 * tcp6 (the bench's network namespace is its children's). A Postgres backend's
 * pg_stat_activity.client_port is one of these when it serves that process's pool.
 */
function localPorts(pid: number): Set<number> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (socket) inodes.add(socket[1]);
    } catch {
      // closed since the listing
    }
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length > 9 && inodes.has(fields[9])) ports.add(parseInt(fields[1].split(':')[1], 16));
    }
  }
  return ports;
}

/**
 * Postgres's side: the CPU of the backends serving one process, when Postgres runs on this machine.
 * Backends are matched by client_port against the process's own sockets, not by application_name:
 * the api and the worker both name themselves 'gds-academy', and the worker's backends (outbox
 * relay, schedules) are not the api's work. Pids are listed after the batch too: a backend that
 * joined during it counts from zero. Null when no backend's /proc could be read (Postgres elsewhere,
 * or reached over a Unix socket, where there is no client_port).
 */
async function backendTicks(pool: Pool, pid: number): Promise<Map<number, number> | null> {
  const ports = localPorts(pid);
  const { rows } = await pool.query<{ pid: number; client_port: number | null }>('SELECT pid, client_port FROM pg_stat_activity WHERE datname = current_database()');
  const ticks = new Map<number, number>();
  for (const row of rows) {
    if (row.client_port === null || !ports.has(row.client_port)) continue;
    try {
      ticks.set(row.pid, cpuTicks(row.pid));
    } catch {
      // not on this machine, or gone
    }
  }
  return ticks.size > 0 ? ticks : null;
}

/** Null when neither listing found a backend on this machine: "—", not "0 µs". */
function ticksSpent(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before && !after) return null;
  let spent = 0;
  for (const [pid, ticks] of after ?? []) spent += ticks - (before?.get(pid) ?? 0);
  return spent;
}

const microseconds = (us: number | null) => (us === null || Number.isNaN(us) ? '—' : `${us.toFixed(0)} µs`);

async function measureTarget(target: Target, sides: Array<{ name: string; url: string; pid: number }>, pg: Pool): Promise<void> {
  console.log(`\n== ${target.name}: ${target.path}`);
  for (const side of sides) {
    const [token] = await target.tokens();
    await showAnswer(side.name, side.url + target.path, token);
    await showAnswer(side.name, side.url + target.path, token, 'br, gzip');
  }
  const perRequest: Record<string, number[]> = {};
  const pgPerRequest: Record<string, number[]> = {};
  // The load generator's own CPU (autocannon runs in this process): with the server and Postgres it
  // makes the whole CPU a request costs on a machine they share, which is what bounds req/s there.
  const generatorPerRequest: Record<string, number[]> = {};
  for (let round = 1; round <= ROUNDS; round++) {
    const tokens = await target.tokens();
    for (const side of sides) {
      await fire(side.url + target.path, tokens, Math.ceil(target.requests / 4));
      const [before, pgBefore] = [cpuTicks(side.pid), await backendTicks(pg, side.pid)];
      const generatorBefore = process.cpuUsage();
      const result = await fire(side.url + target.path, tokens, target.requests);
      const generator = process.cpuUsage(generatorBefore);
      (generatorPerRequest[side.name] ??= []).push((generator.user + generator.system) / target.requests);
      const us = ((cpuTicks(side.pid) - before) * TICK_US) / target.requests;
      const pgTicks = ticksSpent(pgBefore, await backendTicks(pg, side.pid));
      const pgUs = pgTicks === null ? null : (pgTicks * TICK_US) / target.requests;
      if (pgUs !== null) (pgPerRequest[side.name] ??= []).push(pgUs);
      if (result.non2xx || result.errors) throw new Error(`${side.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      (perRequest[side.name] ??= []).push(us);
      console.log(`  round ${round} ${side.name.padEnd(8)} ${us.toFixed(0)} µs CPU/request, Postgres backends ${microseconds(pgUs)} (${target.requests} requests, ${Math.round(result.requests.average)} req/s)`);
    }
  }
  const [ours, bare] = sides.map((s) => median(perRequest[s.name]));
  // Each round's two sides ran back to back, so their ratio is steadier than the ratio of medians on a machine whose speed drifts.
  const ratios = perRequest[sides[1].name].map((b, i) => b / perRequest[sides[0].name][i]);
  console.log(`  median: api ${ours.toFixed(0)} µs, bare ${bare.toFixed(0)} µs, bare/api ${(bare / ours).toFixed(2)}; per round ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
  // CPU_BARE_FEATURES: the third side is the bare server with the api's features (baseline-features.ts).
  if (sides[2]) {
    const bound = perRequest[sides[1].name].map((b, i) => b / perRequest[sides[2].name][i]);
    console.log(`  median: ${sides[2].name} ${median(perRequest[sides[2].name]).toFixed(0)} µs, bare/${sides[2].name} per round ${median(bound).toFixed(2)} (${Math.min(...bound).toFixed(2)}–${Math.max(...bound).toFixed(2)})`);
  }
  const [pgOurs, pgBare] = sides.map((s) => (pgPerRequest[s.name]?.length ? median(pgPerRequest[s.name]) : null));
  console.log(`  median Postgres backends: for the api's connections ${microseconds(pgOurs)}, for bare's ${microseconds(pgBare)}`);
  console.log(`  median load generator (this process): ${sides.map((s) => `against ${s.name} ${microseconds(median(generatorPerRequest[s.name]))}`).join(', ')}`);
  if (sides[2]) console.log(`  median Postgres backends for ${sides[2].name}'s connections: ${microseconds(pgPerRequest[sides[2].name]?.length ? median(pgPerRequest[sides[2].name]) : null)}`);
  if (process.env.CPU_STRACE) {
    for (const side of sides) {
      const tokens = await target.tokens();
      const summary = await straced(side.pid, () => fire(side.url + target.path, tokens, 1000));
      console.log(`  ${side.name}: syscalls over 1000 requests\n${summary.split('\n').slice(0, 14).join('\n')}`);
    }
  }
}

async function main(): Promise<void> {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : ['lesson', 'cohort-roster'];
  const db = await createBenchDatabase();
  const env = appEnvironment({ databaseUrl: db.url });
  const api = await AppProcess.create('api', env);
  const worker = await AppProcess.create('worker', { ...env, MIGRATIONS_RUN_ON_START: 'false' });
  const port = await freePort();
  const queuePrefix = `{bb${randomBytes(5).toString('hex')}}`;
  // CPU_PROF_DIR: each bare server writes a V8 profile in its bare/ or bare+f/ (the app's come from BENCH_APP_NODE_ARGS).
  const bareServer = (name: string, port: number, extraEnv: Record<string, string> = {}) =>
    Object.assign(
      new NodeProcess({
        script: 'dist/bench/baseline/baseline-server.js',
        nodeArgs: process.env.CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CPU_PROF_DIR}/${name}`] : [],
        env: { ...env, PORT: String(port), BASELINE_QUEUE_PREFIX: queuePrefix, ...extraEnv },
        name,
      }),
      { url: `http://127.0.0.1:${port}`, queuePrefix },
    );
  const baseline = bareServer('bare', port);
  const withFeatures = process.env.CPU_BARE_FEATURES ? bareServer('bare+f', await freePort(), { BASELINE_FEATURES: 'app' }) : undefined;
  const pg = new Pool({ connectionString: db.url, max: 1, application_name: 'cpu-per-request' });
  try {
    await api.startAndWait();
    worker.start();
    baseline.start();
    await waitForHttpOk(`${baseline.url}/health/ready`, baseline);
    withFeatures?.start();
    if (withFeatures) await waitForHttpOk(`${withFeatures.url}/health/ready`, withFeatures);
    const ctx = createContext({ api, worker, baseline, db });
    const sides = [
      { name: 'api', url: api.url, pid: api.pid! },
      { name: 'bare', url: baseline.url, pid: baseline.pid! },
      ...(withFeatures ? [{ name: 'bare+f', url: withFeatures.url, pid: withFeatures.pid! }] : []),
    ];

    for (const name of names) {
      if (name === 'lesson') {
        const course = await setupTraineeCourse(ctx);
        const path = `/api/v1/courses/${course.courseId}/versions/${course.version}/lessons/${course.lessonIds[2]}`;
        await measureTarget({ name, path, tokens: async () => course.tokens, requests: REQUESTS }, sides, pg);
      } else if (name === 'me') {
        const course = await setupTraineeCourse(ctx);
        await measureTarget({ name, path: '/api/v1/me', tokens: async () => course.tokens, requests: REQUESTS }, sides, pg);
      } else if (name === 'me-enrollments') {
        const course = await setupTraineeCourse(ctx);
        await measureTarget({ name, path: '/api/v1/me/enrollments', tokens: async () => course.tokens, requests: REQUESTS }, sides, pg);
      } else if (name === 'cohort-roster') {
        const admin = await ctx.admin.token();
        const { versionId } = await publishBenchCourse(api.url, admin);
        const roster = await setupCohortRoster(api.url, { admin }, versionId);
        await measureTarget({ name, path: roster.path, tokens: async () => [await ctx.admin.token()], requests: Math.ceil(REQUESTS / 10) }, sides, pg);
      } else if (name === 'course-outline') {
        const course = await setupTraineeCourse(ctx);
        const outline = await setupCourseOutline(api.url, { instructor: await ctx.admin.token(), reader: course.tokens[0] });
        await measureTarget({ name, path: outline.path, tokens: async () => course.tokens, requests: REQUESTS }, sides, pg);
      } else if (name === 'floor') {
        await measureTarget({ name, path: '/health', tokens: async () => [], requests: REQUESTS * 2 }, sides, pg);
      } else throw new Error(`unknown target ${name}`);
    }
  } finally {
    await Promise.all([api.stop(), worker.stop(), baseline.stop(), withFeatures?.stop(), pg.end()]);
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
