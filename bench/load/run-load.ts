import { AppProcess, appEnvironment, BENCH_ADMIN } from '../harness/app-processes';
import { createBenchDatabase } from '../harness/bench-database';
import { machineLine, provenance } from '../harness/machine';
import { markdownTable, writeSection } from '../harness/results-file';
import { seedTrainees, SEEDED_PASSWORD, signIn } from '../harness/seed-users';
import { LoadContext, Sample, VirtualUser } from './load-context';
import { LOAD_ACTIONS as ALL_ACTIONS } from './actions';

const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 100);
const PROBE_EVERY_MS = 2_000;
/** LOAD_ACTIONS=name,name runs only those actions (names as in bench/load/actions). */
const ONLY = process.env.LOAD_ACTIONS?.split(',').map((n) => n.trim());
const LOAD_ACTIONS = ONLY ? ALL_ACTIONS.filter((a) => ONLY.includes(a.name)) : ALL_ACTIONS;

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

function recorder(apiUrl: string, samples: Sample[]): LoadContext['call'] {
  return async (endpoint, method, path, options = {}) => {
    const started = performance.now();
    let status = 0;
    let body: any;
    try {
      const response = await fetch(apiUrl + path, {
        method,
        headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      status = response.status;
      const text = await response.text();
      body = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
    } catch {
      status = 0; // network error
    }
    const ok = options.expect ? options.expect.includes(status) : status >= 200 && status < 300;
    samples.push({ endpoint, status, ms: performance.now() - started, ok });
    return { status, body };
  };
}

function pickAction() {
  const total = LOAD_ACTIONS.reduce((sum, a) => sum + a.weight, 0);
  let roll = Math.random() * total;
  for (const action of LOAD_ACTIONS) if ((roll -= action.weight) <= 0) return action;
  return LOAD_ACTIONS[0];
}

/** Sends a pipeline probe every few seconds and measures how long outbox → relay → queue → worker takes under load. */
async function measurePipelineLag(ctx: LoadContext, until: number): Promise<number[]> {
  const lags: number[] = [];
  while (Date.now() < until) {
    const sent = Date.now();
    const probe = await ctx.call('POST /admin/pipeline-probes', 'POST', '/api/v1/admin/pipeline-probes', { token: ctx.adminToken, expect: [202] });
    for (;;) {
      const view = await fetch(ctx.api.url + probe.body.url, { headers: { authorization: `Bearer ${ctx.adminToken}` } }).then((r) => r.json() as Promise<{ handledAt?: string }>);
      if (view.handledAt) {
        lags.push(Date.now() - sent);
        break;
      }
      if (Date.now() - sent > 60_000) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
  return lags;
}

async function main(): Promise<void> {
  const db = await createBenchDatabase('gds_load');
  const env = appEnvironment({ databaseUrl: db.url });
  const api = await AppProcess.create('api', env);
  const worker = await AppProcess.create('worker', { ...env, MIGRATIONS_RUN_ON_START: 'false' });
  try {
    console.log(`database ${db.name}; starting api and worker ...`);
    await api.startAndWait();
    worker.start();
    console.log(`seeding ${USERS} trainees ...`);
    const emails = await seedTrainees(db, USERS, (line) => console.log(line));
    const samples: Sample[] = [];
    const ctx: LoadContext = { api, db, adminToken: (await signIn(api.url, [BENCH_ADMIN.email], BENCH_ADMIN.password))[0], call: recorder(api.url, samples) };
    console.log(`signing in ${USERS} users (argon2id, a few at a time) ...`);
    const users: VirtualUser[] = [];
    for (let i = 0; i < emails.length; i += 8) {
      const batch = emails.slice(i, i + 8);
      const answers = await Promise.all(batch.map((email) => ctx.call('POST /auth/login (warm-up)', 'POST', '/api/v1/auth/login', { body: { email, password: SEEDED_PASSWORD } })));
      answers.forEach((a, j) => users.push({ index: i + j, email: batch[j], password: SEEDED_PASSWORD, accessToken: a.body.accessToken, refreshToken: a.body.refreshToken, state: {} }));
    }
    for (const action of LOAD_ACTIONS) await action.prepare?.(ctx, users);
    samples.length = 0;

    console.log(`running ${USERS} users for ${SECONDS} s (think time ${THINK_MS} ms) ...`);
    const started = Date.now();
    const until = started + SECONDS * 1000;
    const lag = measurePipelineLag(ctx, until);
    await Promise.all(
      users.map(async (user) => {
        while (Date.now() < until) {
          await pickAction().run(ctx, user);
          if (THINK_MS) await new Promise((resolve) => setTimeout(resolve, Math.random() * THINK_MS * 2));
        }
      }),
    );
    const lags = (await lag).sort((a, b) => a - b);
    const elapsed = (Date.now() - started) / 1000;
    report(samples, lags, elapsed, machineLine(await provenance(db)));
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
    await db.drop();
  }
}

function report(samples: Sample[], lags: number[], elapsed: number, machine: string): void {
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
  const table = markdownTable(['endpoint', 'requests', 'req/s', 'errors', 'error rate', 'p50 ms', 'p99 ms'], rows);
  const summary = [
    `- ${USERS} concurrent users for ${elapsed.toFixed(0)} s, think time 0–${THINK_MS * 2} ms; api and worker as separate processes.`,
    `- ${samples.length} requests, ${Math.round(samples.length / elapsed)} req/s, ${errors} errors (error rate ${((100 * errors) / Math.max(samples.length, 1)).toFixed(2)} %; target 0).`,
    `- Pipeline lag (outbox → relay → queue → worker, a probe every ${PROBE_EVERY_MS / 1000} s under load): p50 ${percentile(lags, 50)} ms, max ${lags[lags.length - 1] ?? '—'} ms over ${lags.length} probes.`,
    ...(errors ? [`- Errors: ${[...errorKinds.entries()].map(([kind, n]) => `${kind} ×${n}`).join('; ')}.`] : []),
    ...LOAD_ACTIONS.filter((a) => a.summary).map((a) => `- ${a.summary!()}`),
    `- Actions: ${LOAD_ACTIONS.map((a) => `${a.name} (weight ${a.weight})`).join(', ')}.`,
  ].join('\n');
  console.log(`\n${table}\n\n${summary}`);
  writeSection('load', `## Load (\`npm run bench:load\`)\n\n${machine}\n\n${summary}\n\n${table}`);
  console.log('\nwrote the load section of bench/RESULTS.md');
  if (errors > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
