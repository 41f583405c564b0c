import { AppProcess, BENCH_ADMIN } from './app-processes';
import { BenchDatabase } from './bench-database';
import { NodeProcess } from './child-process';
import { measure, Measurement, MeasureOptions, measurePair } from './measure';
import { ResultRow } from './results-file';
import { signIn } from './seed-users';

/** What every scenario gets: the running processes, the database, and measuring helpers. */
export interface BenchContext {
  /** The real app, api role (`node dist/src/main.js api`). */
  api: AppProcess;
  /** The real app, worker role, on the same database and queue prefix. */
  worker: AppProcess;
  /** The bare Fastify + pg server (bench/baseline), on the same database; its BullMQ queues live under `queuePrefix`. */
  baseline: NodeProcess & { url: string; queuePrefix: string };
  db: BenchDatabase;
  admin: { email: string; password: string; token(): Promise<string> };
  log(line: string): void;
  measure(options: MeasureOptions): Promise<Measurement>;
  /** The app and the baseline in alternating rounds (BENCH_ROUNDS), best round of each. */
  measurePair(ours: MeasureOptions, baseline: MeasureOptions): Promise<{ ours: Measurement; baseline: Measurement }>;
  signIn(emails: string[], password: string): Promise<string[]>;
}

export function createContext(parts: Pick<BenchContext, 'api' | 'worker' | 'baseline' | 'db'>): BenchContext {
  let adminToken: string | undefined;
  const log = (line: string) => console.log(line);
  return {
    ...parts,
    admin: {
      ...BENCH_ADMIN,
      token: async () => (adminToken ??= (await signIn(parts.api.url, [BENCH_ADMIN.email], BENCH_ADMIN.password))[0]),
    },
    log,
    measure: (options) => {
      log(`  measuring ${options.method ?? 'GET'} ${options.url} ...`);
      return measure(options);
    },
    measurePair: (ours, baseline) => {
      log(`  measuring ${ours.url} against ${baseline.url} ...`);
      return measurePair(ours, baseline, log);
    },
    signIn: (emails, password) => signIn(parts.api.url, emails, password),
  };
}

/**
 * A benchmark scenario. `setup` seeds what it needs (printing progress with ctx.log) and answers
 * any state; `run` measures and answers result rows. A scenario compares against the baseline when
 * it can (add a bare route in bench/baseline/baseline-routes.ts); otherwise baseline and ratio are null.
 */
export interface BenchScenario<State = unknown> {
  description: string;
  setup(ctx: BenchContext): Promise<State>;
  run(ctx: BenchContext, state: State): Promise<ResultRow[]>;
}

/** Two measurements of the same request shape → the usual rows (req/s, p50, p99). */
export function compareRows(scenario: string, ours: Measurement, baseline: Measurement, target?: number): ResultRow[] {
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
  return [
    { scenario, metric: 'req/s', ours: ours.requestsPerSecond, baseline: baseline.requestsPerSecond, ratio: ratio(ours.requestsPerSecond, baseline.requestsPerSecond), target, unit: 'req/s' },
    // For latencies the ratio is baseline/ours, so that higher is better everywhere.
    { scenario, metric: 'p50', ours: ours.p50Ms, baseline: baseline.p50Ms, ratio: ratio(baseline.p50Ms, ours.p50Ms), unit: 'ms' },
    { scenario, metric: 'p99', ours: ours.p99Ms, baseline: baseline.p99Ms, ratio: ratio(baseline.p99Ms, ours.p99Ms), unit: 'ms' },
  ];
}
