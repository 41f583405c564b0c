import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client } from 'pg';
import { BENCH_ADMIN } from '../harness/app-processes';
import { SEEDED_PASSWORD, signIn } from '../harness/seed-users';
import { httpClient } from './http-client';
import { LoadContext, Sample, VirtualUser } from './load-context';
import { LOAD_ACTIONS as ALL_ACTIONS } from './actions';
import { GradingTrace, gradingLags, gradingTimeouts, gradingTraces } from './actions/learning.actions';

/**
 * The load generator of `npm run bench:load`, forked by run-load.ts into a process of its own so
 * that the harness's sampling (RSS and CPU of api and worker) never shares its event loop. It signs
 * the users in, prepares the actions, tells the harness when the clock starts (`measuring`), runs
 * the users, and answers every sample with its own CPU time and event-loop delay over the measured
 * phase: on a two-core machine the generator competes with the app, and the report says by how much.
 */
export interface GeneratorSettings {
  apiUrl: string;
  databaseUrl: string;
  emails: string[];
  users: number;
  seconds: number;
  thinkMs: number;
  /** Action names to keep (LOAD_ACTIONS); all when absent. */
  only?: string[];
}

export type GeneratorMessage =
  | { type: 'measuring'; at: number }
  | {
      type: 'result';
      samples: Sample[];
      pipelineLags: number[];
      gradingLags: number[];
      gradingTraces: GradingTrace[];
      gradingTimeouts: number;
      elapsedSeconds: number;
      cpuSeconds: number;
      eventLoopDelayP99Ms: number;
      summaries: string[];
      actions: string[];
    }
  | { type: 'failed'; error: string };

const PROBE_EVERY_MS = 2_000;
export const PIPELINE_PROBE_EVERY_MS = PROBE_EVERY_MS;

function recorder(client: ReturnType<typeof httpClient>, samples: Sample[]): LoadContext['call'] {
  return async (endpoint, method, path, options = {}) => {
    const started = performance.now();
    let status = 0;
    let body: any;
    try {
      ({ status, body } = await client.request(method, path, options));
    } catch {
      status = 0; // network error, or an answer that says JSON and is not
    }
    const ok = options.expect ? options.expect.includes(status) : status >= 200 && status < 300;
    samples.push({ endpoint, status, ms: performance.now() - started, ok });
    return { status, body };
  };
}

/** Sends a pipeline probe every few seconds and measures how long outbox → relay → queue → worker takes under load. */
async function measurePipelineLag(ctx: LoadContext, http: ReturnType<typeof httpClient>, until: number): Promise<number[]> {
  const lags: number[] = [];
  while (Date.now() < until) {
    const sent = Date.now();
    const probe = await ctx.call('POST /admin/pipeline-probes', 'POST', '/api/v1/admin/pipeline-probes', { token: ctx.adminToken, expect: [202] });
    for (;;) {
      if (probe.status !== 202) break;
      const view = (await http.request('GET', probe.body.url, { token: ctx.adminToken })).body as { handledAt?: string };
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

async function generate(settings: GeneratorSettings, send: (message: GeneratorMessage) => void): Promise<void> {
  const actions = settings.only ? ALL_ACTIONS.filter((a) => settings.only!.includes(a.name)) : ALL_ACTIONS;
  const pickAction = () => {
    const total = actions.reduce((sum, a) => sum + a.weight, 0);
    let roll = Math.random() * total;
    for (const action of actions) if ((roll -= action.weight) <= 0) return action;
    return actions[0];
  };
  const client = new Client({ connectionString: settings.databaseUrl });
  await client.connect();
  const http = httpClient(settings.apiUrl);
  try {
    const samples: Sample[] = [];
    const ctx: LoadContext = {
      api: { url: settings.apiUrl },
      db: { query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[] },
      adminToken: (await signIn(settings.apiUrl, [BENCH_ADMIN.email], BENCH_ADMIN.password))[0],
      call: recorder(http, samples),
    };
    console.log(`signing in ${settings.emails.length} users (argon2id, a few at a time) ...`);
    const users: VirtualUser[] = [];
    for (let i = 0; i < settings.emails.length; i += 8) {
      const batch = settings.emails.slice(i, i + 8);
      const answers = await Promise.all(batch.map((email) => ctx.call('POST /auth/login (warm-up)', 'POST', '/api/v1/auth/login', { body: { email, password: SEEDED_PASSWORD } })));
      answers.forEach((a, j) => {
        if (a.status !== 200) throw new Error(`signing in ${batch[j]} answered ${a.status}`);
        users.push({ index: i + j, email: batch[j], password: SEEDED_PASSWORD, accessToken: a.body.accessToken, refreshToken: a.body.refreshToken, state: {} });
      });
    }
    for (const action of actions) await action.prepare?.(ctx, users);
    samples.length = 0;

    console.log(`running ${users.length} users for ${settings.seconds} s (think time 0–${settings.thinkMs * 2} ms) ...`);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const cpuBefore = process.cpuUsage();
    const started = Date.now();
    const until = started + settings.seconds * 1000;
    send({ type: 'measuring', at: started });
    delay.enable();
    const lag = measurePipelineLag(ctx, http, until);
    await Promise.all(
      users.map(async (user) => {
        while (Date.now() < until) {
          await pickAction().run(ctx, user);
          if (settings.thinkMs) await new Promise((resolve) => setTimeout(resolve, Math.random() * settings.thinkMs * 2));
        }
      }),
    );
    const pipelineLags = await lag;
    delay.disable();
    const cpu = process.cpuUsage(cpuBefore);
    send({
      type: 'result',
      samples,
      pipelineLags,
      gradingLags: [...gradingLags],
      gradingTraces: [...gradingTraces],
      gradingTimeouts: gradingTimeouts(),
      elapsedSeconds: (Date.now() - started) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      summaries: actions.filter((a) => a.summary).map((a) => a.summary!()),
      actions: actions.map((a) => `${a.name} (weight ${a.weight})`),
    });
  } finally {
    http.close();
    await client.end().catch(() => undefined);
  }
}

// Forked by run-load.ts: the settings come as the first message, the answers go back the same way.
if (process.send) {
  process.once('message', (settings: GeneratorSettings) => {
    // Each message is handed to the channel before the next step; the result (every sample: several
    // MB with 200 users) must be written out whole before the channel closes, so the disconnect waits
    // for its callback.
    let lastSent: Promise<void> = Promise.resolve();
    const send = (message: GeneratorMessage) => {
      lastSent = new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));
    };
    generate(settings, send)
      .then(() => lastSent)
      .then(() => process.disconnect())
      .catch((error: Error) => {
        process.send!({ type: 'failed', error: error.stack ?? String(error) } satisfies GeneratorMessage, undefined, {}, () => process.exit(1));
      });
  });
}
